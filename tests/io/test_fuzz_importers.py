"""Any bytes given to any importer give reports or ImportRefused, never another error."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.io.importers import IMPORTERS
from desktop.io.text_files import ImportRefused
from tests.io.documents import HUNAN, make_docx
from tests.io.pdfgen import build_pdf, layout

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _seeds(tmp: Path) -> dict[str, bytes]:
    return {
        ".docx": make_docx(tmp / "seed.docx", HUNAN).read_bytes(),
        ".pdf": build_pdf(layout([("h", "湖南工业"), ("p", "工业增长7.8%。" * 30)])),
        ".html": "<html><head><meta charset='gbk'><title>标题</title></head><body><p>正文<b>7.8%</b></p></body></html>".encode("gbk"),
        ".txt": "湖南省工业和信息化厅\n\n前三季度增长**7.8%**。".encode(),
    }


def _check(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        reports = IMPORTERS[suffix](path)
    except ImportRefused as exc:
        assert str(exc).startswith(path.name)
        return
    assert reports
    for report in reports:
        for a, b in report.structure.emphasis + report.structure.headings:
            assert 0 <= a <= b <= len(report.text)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".txt", ".png", ".tif"])
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, suffix: str, data: bytes):
    _check(tmp_path, suffix, data)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".txt"])
@FUZZ
@given(cut=st.integers(min_value=0), flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8))
def test_damaged_real_files(tmp_path_factory, tmp_path: Path, suffix: str, cut: int, flips):
    cache = getattr(test_damaged_real_files, "_seeds", None)
    if cache is None:
        cache = _seeds(tmp_path_factory.mktemp("seeds"))
        test_damaged_real_files._seeds = cache  # type: ignore[attr-defined]
    data = bytearray(cache[suffix])
    for pos, value in flips:
        data[pos % len(data)] = value
    data = data[: len(data) - cut % max(len(data) // 4, 1)]
    _check(tmp_path, suffix, bytes(data))
