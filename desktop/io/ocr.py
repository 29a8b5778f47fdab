"""Optical character recognition of scanned pages: Tesseract and RapidOCR.

Both engines were measured on the same 150 dpi scans of the development texts
(benchmarks/bench_ocr.py; the figures are in the issue's closing note): RapidOCR
(PP-OCR models run by ONNX Runtime, shipped inside the `rapidocr` wheel, so nothing is
downloaded at run time) reads Chinese reports more accurately than Tesseract and is
the engine the importer uses; Tesseract (Debian's `tesseract-ocr` and
`tesseract-ocr-chi-sim`) stays available for the comparison and as the fallback where
RapidOCR is not installed.

An engine turns one page image into lines (pdf_layout.Line, y growing upwards as in a
PDF) and a confidence from 0 to 100 (the mean of its per-word or per-line confidences,
weighted by characters).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.io.pdf_layout import Char, Line, page_lines
from desktop.io.text_files import ImportRefused

DPI = 150  # scans are rendered at this resolution for recognition
LOW_CONFIDENCE = 80.0  # a page below this is flagged for the analyst to check

INSTALL_HINT = ("pip install rapidocr onnxruntime "
                "(or on Debian: apt install tesseract-ocr tesseract-ocr-chi-sim)")


@dataclass(frozen=True, slots=True)
class OcrPage:
    lines: list[Line]
    confidence: float  # 0–100


class OcrEngine(Protocol):
    name: str

    def recognise(self, image: Any) -> OcrPage:
        """Lines and confidence of one page (a PIL image)."""
        ...


class OcrUnavailable(ImportRefused):
    """No OCR engine is installed; the message says how to install one."""

    def __init__(self) -> None:
        super().__init__("no OCR engine is installed; install one with: {hint}",
                         message_id="ocr.unavailable", params={"hint": INSTALL_HINT})


def _weighted(items: list[tuple[str, float]]) -> float:
    total = sum(len(t) for t, _ in items)
    return sum(len(t) * c for t, c in items) / total if total else 0.0


class TesseractEngine:
    """Tesseract 5 through its command line (TSV output: words with boxes and
    confidences, grouped into lines by Tesseract's own layout analysis)."""

    name = "tesseract"

    def __init__(self, executable: str, language: str = "chi_sim") -> None:
        self.executable = executable
        self.language = language

    @classmethod
    def find(cls) -> TesseractEngine | None:
        exe = shutil.which("tesseract")
        if exe is None:
            return None
        try:
            langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                                   timeout=30).stdout.split()
        except (OSError, subprocess.SubprocessError):
            return None
        return cls(exe) if "chi_sim" in langs else None

    def recognise(self, image: Any) -> OcrPage:
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        # one thread per page: OpenMP's threads spin and slow a 2-core machine down
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        run = subprocess.run(
            [self.executable, "stdin", "stdout", "-l", self.language, "--psm", "3",
             "--dpi", str(DPI), "tsv"],
            input=buffer.getvalue(), capture_output=True, timeout=600, env=env,
        )
        if run.returncode != 0:
            message = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ImportRefused("Tesseract failed: {reason}", message_id="import.ocr_failed",
                                params={"reason": message[-1] if message else run.returncode})
        height = image.size[1]
        groups: dict[tuple[str, str, str], list[Char]] = {}
        confidences: list[tuple[str, float]] = []
        rows = csv.reader(io.StringIO(run.stdout.decode("utf-8", "replace")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
        for row in rows:
            if len(row) < 12 or row[0] != "5" or not row[11].strip():
                continue
            left, top, width, tall = (float(v) for v in row[6:10])
            text = row[11].strip()
            groups.setdefault((row[2], row[3], row[4]), []).append(
                Char(text, left, height - top - tall, left + width, height - top))
            confidences.append((text, float(row[10])))
        lines: list[Line] = []
        for chars in groups.values():
            lines.extend(page_lines(chars))  # one Tesseract line may be one table row
        lines.sort(key=lambda line: -line.top)
        return OcrPage(lines, _weighted(confidences))


class RapidOcrEngine:
    """RapidOCR 3 (PP-OCR detection, direction and recognition models in ONNX, run by
    ONNX Runtime on the CPU); the models ship inside the wheel."""

    name = "rapidocr"

    def __init__(self) -> None:
        from rapidocr import RapidOCR  # heavy: loaded only when a scan is read

        self._ocr = RapidOCR(params={"Global.log_level": "error"})

    @classmethod
    def find(cls) -> RapidOcrEngine | None:
        try:
            return cls()
        except Exception:  # not installed, or its models cannot be loaded
            return None

    def recognise(self, image: Any) -> OcrPage:
        import numpy as np

        height = image.size[1]
        result: Any = self._ocr(np.asarray(image.convert("RGB")))  # a RapidOCROutput
        boxes = result.boxes if result.boxes is not None else []
        texts = result.txts or ()
        scores = result.scores or ()
        chars: list[Char] = []
        confidences: list[tuple[str, float]] = []
        for box, text, score in zip(boxes, texts, scores, strict=False):
            text = text.strip()
            if not text:
                continue
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            # a detected box holds a run of text: spread it as one wide "character"
            chars.append(Char(text, min(xs), height - max(ys), max(xs), height - min(ys)))
            confidences.append((text, float(score) * 100))
        return OcrPage(page_lines(_split_runs(chars)), _weighted(confidences))


def _split_runs(chars: list[Char]) -> list[Char]:
    """A detected run as characters of equal width, so that line and cell gaps are
    measured between characters, not whole runs."""
    out: list[Char] = []
    for c in chars:
        n = len(c.text)
        width = (c.right - c.left) / n
        tall = c.top - c.bottom
        # the box's height is the line's; a character is about as wide as it is tall
        if n == 1 or width > 1.6 * tall:
            out.append(c)
            continue
        out.extend(Char(ch, c.left + i * width, c.bottom, c.left + (i + 1) * width, c.top)
                   for i, ch in enumerate(c.text))
    return out


ENGINES: dict[str, Callable[[], OcrEngine | None]] = {
    "rapidocr": RapidOcrEngine.find,
    "tesseract": TesseractEngine.find,
}
_cache: dict[str, OcrEngine] = {}


def engine(name: str | None = None) -> OcrEngine:
    """The preferred installed engine (REPORTMARK_OCR names one), or OcrUnavailable."""
    wanted = name or os.environ.get("REPORTMARK_OCR") or ""
    names = [wanted] if wanted in ENGINES else list(ENGINES)
    for candidate in names:
        if candidate in _cache:
            return _cache[candidate]
        found = ENGINES[candidate]()
        if found is not None:
            _cache[candidate] = found
            return found
    raise OcrUnavailable()
