from pathlib import Path

from desktop.services import reports
from desktop.services.batch_import import BatchSummary, expand_paths, import_batch
from desktop.ui.import_dialog import ImportDialog
from tests.conftest import SEED
from tests.io.documents import HUNAN, make_docx


def test_batch_import_reports_progress_and_keeps_each_file_whole(project, tmp_path: Path):
    make_docx(tmp_path / "hunan.docx", HUNAN)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    steps: list[tuple[int, int, str]] = []
    summary = import_batch(lambda d, t, m: steps.append((d, t, m)), target=project.target,
                           analyst="alice", paths=[str(SEED), str(tmp_path)])
    assert [t for _i, t in summary.imported][:2] and len(summary.imported) == 3
    assert [name for name, _ in summary.refused] == ["broken.pdf"]
    assert steps[0] == (0, 3, "Opening the project") and steps[-1] == (3, 3, "Done")
    assert len(reports.library(project)) == 3


def test_folders_expand_to_their_supported_files(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.pdf", "sub/c.html", "d.xyz"):
        (tmp_path / name).write_bytes(b"x")
    names = [p.name for p in expand_paths([tmp_path, tmp_path / "d.xyz"])]
    assert names == ["a.txt", "b.pdf", "c.html", "d.xyz"]


def test_the_dialog_shows_progress_then_a_summary(qtbot, project, tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    dialog = ImportDialog(project.target, "alice")
    qtbot.addWidget(dialog)
    with (qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker,
          qtbot.waitSignal(dialog.reports_imported, timeout=60000)):
        dialog.start([SEED, SEED, tmp_path / "empty.txt"])
        assert dialog.isVisible() and dialog.running
    summary = blocker.args[0]
    assert isinstance(summary, BatchSummary)
    text = dialog.details.toPlainText()
    assert text.startswith("Import finished. 2 imported, 2 skipped as duplicates, 1 refused.")
    assert "Skipped (already in the project):" in text
    assert "empty.txt: the file is empty." in text
    assert dialog.status.text().startswith("Import finished.")
    assert len(reports.library(project)) == 2


def test_cancel_stops_the_import_and_leaves_the_project_consistent(qtbot, project, tmp_path: Path):
    files = []
    for i in range(200):
        path = tmp_path / f"r{i:03}.txt"
        path.write_text(f"报告{i}\n\n湖南省工业和信息化厅\n\n第{i}份，增长{i}%。" * 50, encoding="utf-8")
        files.append(path)
    dialog = ImportDialog(project.target, "alice")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_import, timeout=60000):
        dialog.start(files)
        qtbot.waitUntil(lambda: dialog._files_done >= 1, timeout=60000)
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert "Import cancelled" in dialog.status.text()
    imported = reports.library(project)
    assert 1 <= len(imported) < 200
    for row in imported:  # every report that is there is whole
        doc = reports.document(project, row.id)
        assert doc is not None and doc.text.endswith("%。")
