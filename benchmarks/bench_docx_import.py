"""Import a 20 MB Word file (issue 11, item 11): time against a budget, and time per MB
at a quarter of the size (import time must grow linearly, not quadratically).

The file is generated in a temporary folder: python-docx's own template with a body of
paragraphs of phrases from the seed reports, every third one cut mid-sentence as page
breaks cut them and now and then 300 cut in a row (the joins grew quadratically), a
bold run in some, a heading style now and then. Nothing generated is kept.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
SIZE_MB = 20
BUDGET_S = 90.0  # measured 53 s (19 s reading, 34 s storing and indexing) on a shared 2-core machine
# the longest another writer waits for the write lock meanwhile (benchmarks/lock_probe.py):
# 18 s when the index was built in the import transaction (issue 11, item 16: a writer
# gives up after the 5 s busy timeout); now ~0.7 s, the report row's own transaction
HOLD_BUDGET_S = 1.5
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [p.strip().replace("**", "") for t in texts for p in t.split("\n") if p.strip()]


def _body(rng: random.Random, paras: list[str], count: int) -> str:
    out: list[str] = []
    text = "".join(paras)
    for n in range(count):
        # phrases of the seed reports in a random order: as varied as a real report's
        # text, so the file deflates about as a Word file does (a 20 MB file holds
        # about 90 MB of XML, under the importer's 200 MB zip-bomb limit)
        starts = [rng.randrange(len(text) - 8) for _ in range(rng.randrange(6, 30))]
        p = "".join(text[i : i + rng.randrange(2, 8)] for i in starts) + "。"
        if n % 3 == 1 or (n // 300) % 10 == 0:  # cut by a page break (and runs of 300
            # such cuts in a row, which joined in quadratic time): it ends mid-sentence
            p = p[: max(2, len(p) // 2)].rstrip("。！？；：…”」）)!?;:")
        if n % 97 == 0:
            out.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>'
                       f"<w:r><w:t>{escape(p[:20])}</w:t></w:r></w:p>")
        elif n % 7 == 0 and len(p) > 8:
            out.append(f"<w:p><w:r><w:t>{escape(p[:4])}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                       f"<w:t>{escape(p[4:8])}</w:t></w:r><w:r><w:t>{escape(p[8:])}</w:t></w:r></w:p>")
        else:
            out.append(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>")
    return "".join(out)


def make_docx(path: Path, size_mb: float, seed: int = 11) -> int:
    """A .docx of about `size_mb` MB; returns its paragraph count."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    rng = random.Random(seed)
    paras = _paragraphs()
    # paragraphs per compressed MB, measured on a sample of the same mix
    sample = _body(random.Random(seed), paras, 4000).encode()
    per_mb = 4000 / (len(zipfile_compress(sample)) / 1e6)
    count = int(per_mb * size_mb)
    body = _body(rng, paras, count)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        f"<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"
                        ).encode()
            dst.writestr(item, data)
    return count


def zipfile_compress(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("x", data)
    return buffer.getvalue()


def _import_seconds(path: Path) -> float:
    from desktop.io.docx_import import import_docx

    t0 = time.perf_counter()
    reports = import_docx(path)
    elapsed = time.perf_counter() - t0
    assert reports and sum(len(r.text) for r in reports) > 0
    return elapsed


def _project_import_seconds(path: Path, project_file: Path) -> tuple[float, float]:
    """What the analyst waits for: `reportmark import FILE` into a project; and the
    longest any other writer (a second window, a colleague) waits meanwhile."""
    from benchmarks.lock_probe import LockProbe
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as

    project = open_project_as(project_file, "bench")
    probe = LockProbe(project_file)
    try:
        t0 = time.perf_counter()
        outcome = import_files(project, [path])
        elapsed = time.perf_counter() - t0
    finally:
        project.close()
        longest_hold = probe.stop()
    assert outcome.imported, outcome.refused
    return elapsed, longest_hold


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="rm-bench-docx-") as tmp:
        small, big = Path(tmp) / "quarter.docx", Path(tmp) / "full.docx"
        make_docx(small, SIZE_MB / 4)
        paragraphs = make_docx(big, SIZE_MB)
        megabytes = big.stat().st_size / 1e6
        quarter = _import_seconds(small) / (small.stat().st_size / 1e6)
        full = _import_seconds(big)
        whole, hold = _project_import_seconds(big, Path(tmp) / "project.rmk")
    return [
        {"name": f"import a {megabytes:.0f} MB .docx into a project ({paragraphs:,} paragraphs)",
         "value": round(whole, 1), "unit": "s", "budget": BUDGET_S},
        {"name": "  longest wait for the write lock by another writer meanwhile",
         "value": round(hold, 2), "unit": "s", "budget": HOLD_BUDGET_S},
        {"name": f"  reading it (docx → reports) at {SIZE_MB} MB, per MB",
         "value": round(full / megabytes, 2), "unit": "s", "budget": None},
        {"name": f"  reading it at {SIZE_MB / 4:.0f} MB, per MB (linear: the same as at {SIZE_MB})",
         "value": round(quarter, 2), "unit": "s", "budget": None},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:60} {row['value']:>8} {row['unit']}  (budget {row['budget']})")
