"""Scanned pages as image files: read by OCR, page by page, with their confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.io import ocr
from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused


def _engine_or_skip() -> None:
    try:
        ocr.engine()
    except ocr.OcrUnavailable as exc:
        pytest.skip(str(exc))


def _page(lines: list[str]):
    """A page drawn with Pillow and Noto CJK at 150 dpi (A5, to keep OCR quick)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (874, 400), 238)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("NotoSansCJK-Regular.ttc", 25)
    for i, line in enumerate(lines):
        draw.text((60, 50 + 42 * i), line, fill=20, font=font)
    return image


def test_a_scanned_tiff_of_two_pages_is_one_report(tmp_path: Path):
    _engine_or_skip()
    pytest.importorskip("PIL")
    try:
        first = _page(["湖南工业经济稳中向好", "前三季度，湖南工业经济增长7.8%。"])
    except OSError:
        pytest.skip("Noto CJK fonts are not installed; Debian: apt install fonts-noto-cjk")
    second = _page(["全省新增专精特新企业52家。"])
    path = tmp_path / "scan.tif"
    first.save(path, save_all=True, append_images=[second], dpi=(150, 150))
    seen: list[tuple[int, int]] = []
    (report,) = read_reports(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert "增长7.8%" in report.text and "企业52家" in report.text
    info = report.structure.as_dict()["ocr"]
    assert isinstance(info, dict)
    assert [p["page"] for p in info["pages"]] == [1, 2]


def test_an_image_file_that_is_not_an_image_is_refused(tmp_path: Path):
    path = tmp_path / "page.png"
    path.write_bytes(b"not a png at all" * 20)
    with pytest.raises(ImportRefused, match="not an image"):
        read_reports(path)


def test_rapidocr_loads_its_models_from_its_wheel_without_the_network(monkeypatch):
    pytest.importorskip("rapidocr")
    import socket

    def refuse(*args, **kwargs):
        raise OSError("no network at run time")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    engine = ocr.RapidOcrEngine()  # raises if it tries to download a model
    assert engine.name == "rapidocr"
