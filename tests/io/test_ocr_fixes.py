"""What OCR gets wrong in figures and punctuation is put right before suggestions run;
a page read with low confidence is flagged."""

from __future__ import annotations

import pytest

from desktop.domain.import_facts import LOW_CONFIDENCE, OcrInfo, PageConfidence
from desktop.domain.ocr_fixes import normalise_ocr


@pytest.mark.parametrize(
    ("read", "meant"),
    [("2O25年增长3．5%", "2025年增长3.5%"), ("l2.5亿元", "12.5亿元"), ("2O|9年", "2019年"),
     ("增长１２．３%", "增长12.3%"), ("目标是:全市生产总值增长5%左右,居全国首位",
                                  "目标是：全市生产总值增长5%左右，居全国首位"),
     ("GDP增长5%", "GDP增长5%"), ("5G基站", "5G基站"), ("PMI 5O.2", "PMI 50.2"),
     ("1,234亿元", "1,234亿元"), ("第l季度", "第l季度")],
)
def test_look_alikes_in_figures_and_ascii_marks_beside_chinese_are_put_right(read, meant):
    fixed = normalise_ocr(read)
    assert fixed == meant
    assert len(fixed) == len(read)  # one for one: offsets hold


def test_pages_below_the_confidence_threshold_are_flagged():
    info = OcrInfo("rapidocr", (PageConfidence(1, 97.0, 0),
                                PageConfidence(2, LOW_CONFIDENCE - 5, 900)))
    assert info.flagged_pages == (2,)
    stored = info.as_dict()
    assert stored["threshold"] == LOW_CONFIDENCE
    assert [p["flagged"] for p in stored["pages"]] == [False, True]
