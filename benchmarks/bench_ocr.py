"""OCR on this machine: character accuracy and pages per minute of each installed
engine on the same scans (the development texts through LibreOffice's PDF, rasterised
at 150 dpi with a scanner's grey paper, dust and skew: benchmarks/report_formats.py).

    python -m benchmarks --only ocr           # the preferred engine's pages per minute
    python -m benchmarks.bench_ocr [--pages N] [--texts N]   # both engines, accuracy too

Character accuracy is 1 − (edit distance / characters) between the recognised text and
the text the pages show, whitespace and bold markers left out.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.report_formats import DEV_TEXTS, make_docx, make_pdf, make_scan, report_of


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _squeeze(text: str) -> str:
    return "".join(text.split()).replace("**", "")


def scans(work: Path, texts: int, pages: int) -> list[tuple[Path, str]]:
    """(scan, the text its pages show) for the first `texts` development texts."""
    from benchmarks.eval_formats import text_of_pages

    out = []
    for source in [p for p in DEV_TEXTS if p.is_file()][:texts]:
        text = report_of(source)
        pdf = make_pdf(make_docx(text, work / f"{source.stem}.docx"), work)
        scan = make_scan(pdf, work / f"{source.stem}.scan.pdf", pages=pages)
        out.append((scan, text_of_pages(text, pdf, pages)))
    return out


def measure(engine_name: str, items: list[tuple[Path, str]]) -> dict[str, Any]:
    from desktop.io import ocr
    from desktop.io.pdf_import import scan_images
    from desktop.io.pdf_layout import paragraphs

    engine = ocr.engine(engine_name)
    errors = chars = pages = 0
    confidences: list[float] = []
    elapsed = 0.0
    for scan, truth in items:
        images = list(scan_images(scan.read_bytes(), scan.name))
        t0 = time.perf_counter()
        read = [engine.recognise(image) for image in images]
        elapsed += time.perf_counter() - t0
        pages += len(images)
        confidences.extend(page.confidence for page in read)
        text = "".join(p.text for p in paragraphs([page.lines for page in read]))
        want = _squeeze(truth)
        errors += edit_distance(_squeeze(text), want)
        chars += len(want)
    return {"engine": engine.name, "pages": pages,
            "accuracy": 1 - errors / max(chars, 1),
            "pages_per_minute": 60 * pages / elapsed if elapsed else 0.0,
            "confidence": sum(confidences) / max(len(confidences), 1)}


def run() -> list[dict[str, object]]:
    """The preferred engine's speed on a two-page scan (the suite's benchmark figure)."""
    from desktop.io import ocr

    try:
        name = ocr.engine().name
    except ocr.OcrUnavailable:
        return []
    work = Path(tempfile.mkdtemp())
    try:
        result = measure(name, scans(work, 1, 2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        {"name": f"ocr_{name}_pages_per_minute", "value": round(result["pages_per_minute"], 1),
         "unit": "pages/min", "budget": None},
        {"name": f"ocr_{name}_character_accuracy", "value": round(result["accuracy"], 4),
         "unit": "ratio", "budget": None},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_ocr")
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--texts", type=int, default=5)
    parser.add_argument("--engines", default="rapidocr,tesseract")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        items = scans(Path(tmp), args.texts, args.pages)
        print(f"{'engine':<10} {'pages':>5} {'char accuracy':>14} {'pages/min':>10} {'confidence':>11}")
        for name in args.engines.split(","):
            r = measure(name, items)
            print(f"{r['engine']:<10} {r['pages']:>5} {r['accuracy']:>14.4f} "
                  f"{r['pages_per_minute']:>10.1f} {r['confidence']:>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
