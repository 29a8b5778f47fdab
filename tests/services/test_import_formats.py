"""Every format through the import service: reports land, bad files change nothing."""


from desktop.services import importing, reports
from tests.io.documents import GUANGDONG, HUNAN, make_docx
from tests.io.pdfgen import build_pdf, layout


def test_a_mixed_folder_becomes_a_library_without_radicals(project, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("folder")
    make_docx(tmp_path / "page.docx", HUNAN, GUANGDONG)
    (tmp_path / "scan.pdf").write_bytes(build_pdf(layout([("h", "山东\u2f2f业"), ("p", "增长5%。")])))
    (tmp_path / "news.html").write_bytes(
        "<title>上海\u2f2f业</title><p>上海市经济和信息化委员会</p><p>增长4%。</p>".encode())
    paths = sorted(tmp_path.iterdir())
    outcome = importing.import_files(project, paths)
    assert outcome.refused == ()
    titles = sorted(r.title for r in reports.library(project))
    assert titles == ["上海工业", "山东工业", "广东制造业高质量发展", "湖南工业经济稳中向好"]
    for row in reports.library(project):
        doc = reports.document(project, row.id)
        assert doc is not None
        assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in doc.text)


def test_bad_files_of_every_kind_are_refused_and_change_nothing(project, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("bad")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    (tmp_path / "locked.pdf").write_bytes(build_pdf(layout([("p", "机密。")]), encrypted=True))
    (tmp_path / "scan.pdf").write_bytes(build_pdf(layout([("p", "扫描。")]), text=False))
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "weird.txt").write_bytes(bytes([0x81, 0x20, 0xFF, 0xFE]) * 100)
    outcome = importing.import_files(project, sorted(tmp_path.iterdir()))
    reasons = dict(outcome.refused)
    assert "200 MB" in reasons["huge.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert "OCR found no text" in reasons["scan.pdf"]
    assert "damaged" in reasons["corrupt.docx"]
    assert "empty" in reasons["empty.html"]
    assert "not recognised" in reasons["weird.txt"] or "not look like text" in reasons["weird.txt"]
    assert outcome.imported == ()
    assert reports.library(project) == []
