"""The development texts in every format: metric suggestions F1 against the plain text.

    python -m benchmarks.eval_formats [--scan-pages N] [--json] [--show FORMAT]

Each development text (the seed and /work/shared/eval/*.txt) is made into .docx,
.pdf (LibreOffice), .html (three site layouts) and a scan (the PDF's first pages
rasterised at 150 dpi); each is imported as the app imports it and its metric
suggestions (text and fields, not offsets) are compared with the text file's. The scan
is compared with the text of the pages it holds: the text file cut where the PDF's
text layer for those pages ends. tests/services/test_import_formats.py asserts the
same figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.report_formats import (
    DEV_TEXTS,
    f1,
    make_docx,
    make_html,
    make_pdf,
    make_scan,
    metric_keys,
    report_of,
)

FORMATS = ("docx", "pdf", "html-table", "html-div", "html-article", "scan")


def text_of_pages(text: str, pdf: Path, pages: int) -> str:
    """The part of `text` that the PDF's first `pages` pages show: paragraphs up to the
    last one whose opening is on those pages, cut after its last character shown."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        if len(document) <= pages:
            return text
        shown = ""
        for index in range(pages):
            page = document[index]
            textpage = page.get_textpage()
            shown += textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()
    tail = "".join(shown.split())[-12:]
    squeezed = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and ch not in "*"]
    joined = "".join(ch for _, ch in squeezed)
    at = joined.rfind(tail)
    if at < 0:
        return text
    return text[: squeezed[at + len(tail) - 1][0] + 1]


def measure(work: Path, scan_pages: int = 2, formats: tuple[str, ...] = FORMATS,
            texts: list[Path] | None = None) -> dict[str, dict[str, float]]:
    """F1 per text and format, and the pooled F1 per format ("all")."""
    pooled: dict[str, tuple[Counter[str], Counter[str]]] = {}
    table: dict[str, dict[str, float]] = {}
    for source in texts or DEV_TEXTS:
        if not source.is_file():
            continue
        text = report_of(source)
        stem = source.stem
        txt = work / f"{stem}.txt"
        txt.write_text(text, encoding="utf-8")
        reference = metric_keys(txt)
        docx_path = make_docx(text, work / f"{stem}.docx")
        pdf_path = make_pdf(docx_path, work)
        made: dict[str, tuple[Path, Counter[str]]] = {}
        for fmt in formats:
            ref = reference
            if fmt == "docx":
                path = docx_path
            elif fmt == "pdf":
                path = pdf_path
            elif fmt.startswith("html"):
                path = work / f"{stem}.{fmt}.html"
                path.write_bytes(make_html(text, fmt.split("-")[1]))
            else:
                path = make_scan(pdf_path, work / f"{stem}.scan.pdf", pages=scan_pages)
                part = work / f"{stem}.scanned.txt"
                part.write_text(text_of_pages(text, pdf_path, scan_pages), encoding="utf-8")
                ref = metric_keys(part)
            made[fmt] = (path, ref)
        row: dict[str, float] = {}
        for fmt, (path, ref) in made.items():
            got = metric_keys(path)
            row[fmt] = f1(ref, got)
            a, b = pooled.setdefault(fmt, (Counter(), Counter()))
            a.update(ref)
            b.update(got)
        row["metrics"] = float(sum(reference.values()))
        table[stem] = row
    table["all"] = {fmt: f1(a, b) for fmt, (a, b) in pooled.items()}
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_formats")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scan-pages", type=int, default=2)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    with tempfile.TemporaryDirectory() as tmp:
        table = measure(Path(tmp), args.scan_pages, formats)
    if args.json:
        print(json.dumps(table, indent=1))
        return 0
    print(f"{'text':<34}" + "".join(f"{f:>13}" for f in formats))
    for stem, row in table.items():
        print(f"{stem:<34}" + "".join(f"{row.get(f, float('nan')):>13.3f}" for f in formats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
