"""Make the user guide's pictures from the real window, in English and in Chinese.

    .venv/bin/python docs/make_screenshots.py [--out docs/images] [--lang en zh_CN]

Each language runs in its own process (the window's language is chosen when the
application starts), offscreen, on a throwaway project holding the bundled seed reports:
alice has tagged part of the Hunan report and accepted the Guangdong suggestions, bob
has tagged a few of the same figures differently. Each picture is the widget's own
`grab()`, reduced to a 128-colour palette to keep the repository small. Run it again
after a change to the window; docs/guide.md shows the results.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SEED = REPO / "seeds" / "000_f66df8a97ae95764.txt"
LANGS = ("en", "zh_CN")
SIZE = (1280, 780)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images",
                        help="where to write the PNG files (default: docs/images)")
    parser.add_argument("--lang", nargs="+", choices=LANGS, default=list(LANGS),
                        help="the window languages to picture (default: both)")
    parser.add_argument("--one", metavar="LANG", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        return pictures(args.one, args.out)
    for lang in args.lang:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORTMARK_LANG": lang}
        subprocess.run([sys.executable, __file__, "--out", str(args.out), "--one", lang],
                       env=env, check=True)
    return 0


def make_project(folder: Path):  # type: ignore[no-untyped-def]
    from desktop.services import importing, reports, suggestions, tags
    from desktop.services.project import open_project_as, switch_analyst

    project = open_project_as(folder / "guide.rmk", "alice")
    importing.import_files(project, [SEED])
    ids = {r.region: r.id for r in reports.library(project)}
    hunan, guangdong = ids["湖南"], ids["广东"]
    suggestions.accept_all(project, guangdong)
    text = reports.document(project, hunan).text

    def tag(needle: str, kind: str, **fields: object) -> str:
        start = text.index(needle)
        changes = tags.create_tag(project, hunan, kind, start, start + len(needle),
                                  fields=fields)
        assert changes.new_tag is not None
        return changes.new_tag

    first = tag("7.8%", "metric", indicator="工业经济增长", value="7.8", unit="%",
                period="2025-01..2025-09", region="湖南")
    tag("“智赋万企”", "program", name="智赋万企", category="行动")
    switch_analyst(project, "bob")
    tag("7.8%", "metric", indicator="规模以上工业增加值增速", value="7.8", unit="%",
        period="2025-01..2025-09", region="湖南")
    switch_analyst(project, "alice")
    return project, hunan, first


def save(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    import io

    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"make_screenshots: {path.relative_to(REPO) if path.is_relative_to(REPO) else path}"
          f"  {path.stat().st_size // 1024} KB")


def pictures(lang: str, out: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import build, make_application

    with tempfile.TemporaryDirectory(prefix="reportmark-guide-") as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # not the user's settings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = make_application()
        project, hunan, first = make_project(Path(tmp))
        parts = build(project, report_id=hunan)
        window = parts.window
        window.resize(*SIZE)
        window.show()
        parts.shown.select_tag(first, scroll=True)
        for _ in range(20):
            QCoreApplication.processEvents()
        save(window, out / f"window-{lang}.png")

        from desktop.ui.agreement_dialog import AgreementDialog

        dialog = AgreementDialog(project, "alice", "bob")
        dialog.resize(1000, 620)
        dialog.show()
        for _ in range(20):
            QCoreApplication.processEvents()
        save(dialog, out / f"agreement-{lang}.png")
        dialog.close()
        window.close()
        project.close()
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
