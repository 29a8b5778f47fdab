"""An explicit CJK font for the reader: falling back per Han character doubles layout
time (docs/design.md guard-rails)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

_PREFERRED = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei",
)


def reader_font(point_size: float = 12.5) -> QFont:
    families = set(QFontDatabase.families())
    for name in _PREFERRED:
        if name in families:
            font = QFont(name)
            break
    else:
        font = QFont()
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
