"""Word test documents made at test time with python-docx (nothing binary is committed)."""

from __future__ import annotations

from pathlib import Path

import docx

HUNAN = [
    ("title", "湖南工业经济稳中向好"),
    ("p", "湖南省工业和信息化厅"),
    ("h", "一、2025年工作回顾"),
    ("p", "前三季度，湖南工业经济增长[7.8%]，高于全国平均水平。全省新增专精特新“小巨人”企业[52]家。"),
    ("table", [["指标", "数值"], ["规上工业增加值增速", "7.8%"]]),
    ("h", "2026年工作思路"),
    ("p", "力争规上工业增加值增长6%左右，深入实施“智赋万企”行动。"),
]
GUANGDONG = [
    ("title", "广东制造业高质量发展"),
    ("p", "广东省工业和信息化厅"),
    ("p", "全年规上工业增加值增长[4.5%]，“广东强芯”工程持续推进。"),
]


def make_docx(path: Path, *articles: list[tuple[str, object]]) -> Path:
    """A Word file; `[x]` in a paragraph marks a bold run."""
    document = docx.Document()
    for article in articles:
        for kind, content in article:
            if kind == "title":
                document.add_heading(str(content), level=1)
            elif kind == "h":
                document.add_heading(str(content), level=2)
            elif kind == "table":
                rows = content
                assert isinstance(rows, list)
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
            else:
                para = document.add_paragraph()
                text = str(content)
                while "[" in text:
                    before, rest = text.split("[", 1)
                    bold, text = rest.split("]", 1)
                    para.add_run(before)
                    para.add_run(bold).bold = True
                para.add_run(text)
    document.save(str(path))
    return path
