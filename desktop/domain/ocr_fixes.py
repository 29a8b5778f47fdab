"""Text as OCR misreads it, put right before suggestions run.

Recognisers confuse look-alike characters inside numbers: the letter O for the digit
0, l, I or | for 1, full-width digits and the full-width full stop ． for the decimal
point. Only a run that holds a real digit and stands apart from Latin words is
changed, so 2O25年 becomes 2025年 and 3．5% becomes 3.5%, while GDP, PMI and 5G stay.
They also return Chinese punctuation as its ASCII look-alike (目标是: for 目标是：);
a colon, comma or semicolon beside a Chinese character becomes the full-width mark a
Chinese text sets there. Every change is one character for one, so offsets hold.
"""

from __future__ import annotations

import re

_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_LOOK_ALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "．": "."})
# a run of digits and look-alikes, not glued to a Latin word on either side
_RUN = re.compile(r"(?<![A-Za-z])[0-9OolI|．]*[0-9][0-9OolI|．]*(?![A-Za-z])")
_POINT = re.compile(r"(?<=[0-9])[．·](?=[0-9])")


_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》"
_ASCII_MARK = re.compile(rf"(?<=[{_CJK}])[:,;]|[:,;](?=[{_CJK}])")
_FULL_MARK = {":": "：", ",": "，", ";": "；"}


def normalise_ocr(text: str) -> str:
    """Figures and punctuation of an OCR'd text put right (see the module's doc)."""
    text = normalise_figures(text)
    return _ASCII_MARK.sub(lambda m: _FULL_MARK[m.group(0)], text)


def normalise_figures(text: str) -> str:
    """`text` with OCR look-alikes inside figures replaced; its length is unchanged
    (each replacement is one character for one), so offsets stay valid."""
    text = text.translate(_FULL_DIGITS)
    text = _POINT.sub(".", text)

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        core = run.strip("．")
        if len(core) < 2 and run == core:
            return run
        return run.translate(_LOOK_ALIKES)

    return _RUN.sub(fix, text)
