"""China's provincial-level regions, and finding the one a text or a file name is about."""

from __future__ import annotations

import re
from collections import Counter

# Short name → full names as they appear in agency names and titles.
PROVINCES: dict[str, tuple[str, ...]] = {
    "北京": ("北京市",), "天津": ("天津市",), "上海": ("上海市",), "重庆": ("重庆市",),
    "河北": ("河北省",), "山西": ("山西省",), "辽宁": ("辽宁省",), "吉林": ("吉林省",),
    "黑龙江": ("黑龙江省",), "江苏": ("江苏省",), "浙江": ("浙江省",), "安徽": ("安徽省",),
    "福建": ("福建省",), "江西": ("江西省",), "山东": ("山东省",), "河南": ("河南省",),
    "湖北": ("湖北省",), "湖南": ("湖南省",), "广东": ("广东省",), "海南": ("海南省",),
    "四川": ("四川省",), "贵州": ("贵州省",), "云南": ("云南省",), "陕西": ("陕西省",),
    "甘肃": ("甘肃省",), "青海": ("青海省",), "台湾": ("台湾省",),
    "内蒙古": ("内蒙古自治区",), "广西": ("广西壮族自治区",), "西藏": ("西藏自治区",),
    "宁夏": ("宁夏回族自治区",), "新疆": ("新疆维吾尔自治区",),
    "香港": ("香港特别行政区",), "澳门": ("澳门特别行政区",),
}

# Romanised names, as files are often named (jiangsu_2026_report.pdf). 陕西 is
# spelled Shaanxi to tell it from 山西 (Shanxi), as the official romanisation does.
PINYIN: dict[str, str] = {
    "beijing": "北京", "tianjin": "天津", "shanghai": "上海", "chongqing": "重庆",
    "hebei": "河北", "shanxi": "山西", "liaoning": "辽宁", "jilin": "吉林",
    "heilongjiang": "黑龙江", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽",
    "fujian": "福建", "jiangxi": "江西", "shandong": "山东", "henan": "河南",
    "hubei": "湖北", "hunan": "湖南", "guangdong": "广东", "hainan": "海南",
    "sichuan": "四川", "guizhou": "贵州", "yunnan": "云南", "shaanxi": "陕西",
    "gansu": "甘肃", "qinghai": "青海", "taiwan": "台湾", "neimenggu": "内蒙古",
    "innermongolia": "内蒙古", "guangxi": "广西", "xizang": "西藏", "tibet": "西藏",
    "ningxia": "宁夏", "xinjiang": "新疆", "hongkong": "香港", "xianggang": "香港",
    "macao": "澳门", "macau": "澳门", "aomen": "澳门",
}

_PATTERN = re.compile("|".join(sorted(PROVINCES, key=len, reverse=True)))
_WORDS = re.compile(r"[A-Za-z]+")


def region_of(text: str) -> str:
    """The first provincial-level region named in `text`, by its short name, or ''."""
    m = _PATTERN.search(text)
    return m.group(0) if m else ""


def main_region_of(text: str) -> str:
    """The provincial-level region named most often in `text` (first named on a tie), or ''."""
    counts = Counter(m.group(0) for m in _PATTERN.finditer(text))
    if not counts:
        return ""
    best = max(counts.values())
    return next(name for name in counts if counts[name] == best)


def region_of_name(name: str) -> str:
    """The region a file name names, in Chinese or romanised: 2026年江苏省政府工作报告,
    jiangsu_2026_plan, Hubei-report. '' when it names none."""
    found = region_of(name)
    if found:
        return found
    words = [w.lower() for w in _WORDS.findall(name)]
    for word in words:
        if word in PINYIN:
            return PINYIN[word]
    joined = "".join(words)  # inner_mongolia, hong-kong
    return next((PINYIN[w] for w in PINYIN if len(w) > 6 and w in joined), "")
