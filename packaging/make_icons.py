"""Render the application icon (resources/icons/reportmark.svg) into the formats the
bundles need: a .png per size, a Windows .ico and a macOS .icns.

    python packaging/make_icons.py OUT_DIR

Qt draws the SVG (the same renderer the window uses), Pillow writes .ico and .icns
(both on any platform), so the icons are made from the one SVG wherever a bundle is
built, and no generated binary is committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "reportmark.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(out_dir: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    pngs: dict[int, Path] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"reportmark-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"make_icons: cannot write {path}")
        pngs[size] = path
    return pngs


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render(out_dir)
    from PIL import Image

    big = Image.open(pngs[1024]).convert("RGBA")
    big.save(out_dir / "reportmark.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(out_dir / "reportmark.icns")  # Pillow writes every ICNS size from 16 to 1024
    print(f"make_icons: wrote {out_dir}/reportmark.ico, reportmark.icns and PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
