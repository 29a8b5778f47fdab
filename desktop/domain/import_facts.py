"""What an import knows about a report beyond its text: for a scan, the OCR engine and
each page's confidence (flagged below a threshold); for a web page, its publication
date from the page's metadata.

They travel as the report's structure (`ImportedStructure.as_dict()` adds "ocr" and
"published" entries to what `Structure` stores), so they are kept with the report in
the structure column without a schema change; `ocr_info` and `published_of` read them
back from a stored structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.domain.report_text import Structure

LOW_CONFIDENCE = 80.0  # a page whose OCR confidence (0–100) is below this is flagged


@dataclass(frozen=True, slots=True)
class PageConfidence:
    page: int  # 1-based
    confidence: float  # 0–100
    start: int | None = None  # where the page's text starts in the report, if found

    @property
    def flagged(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    def as_dict(self) -> dict[str, Any]:
        return {"page": self.page, "confidence": round(self.confidence, 1),
                "start": self.start, "flagged": self.flagged}


@dataclass(frozen=True, slots=True)
class OcrInfo:
    engine: str
    pages: tuple[PageConfidence, ...] = ()

    @property
    def flagged_pages(self) -> tuple[int, ...]:
        return tuple(p.page for p in self.pages if p.flagged)

    @property
    def confidence(self) -> float:
        return min((p.confidence for p in self.pages), default=0.0)

    def as_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "threshold": LOW_CONFIDENCE,
                "pages": [p.as_dict() for p in self.pages],
                "flagged_pages": list(self.flagged_pages)}


@dataclass(frozen=True, slots=True)
class ImportedStructure(Structure):
    """A report's structure plus what its file said beyond the text."""

    ocr: OcrInfo | None = field(default=None)
    published: str = ""  # YYYY-MM-DD, from a web page's metadata

    @classmethod
    def of(cls, s: Structure, *, ocr: OcrInfo | None = None,
           published: str = "") -> ImportedStructure:
        return cls(s.title, s.byline, s.headings, s.captions, s.callouts, s.emphasis,
                   ocr=ocr, published=published)

    def as_dict(self) -> dict[str, object]:
        out = Structure.as_dict(self)
        if self.ocr is not None:
            out["ocr"] = self.ocr.as_dict()
        if self.published:
            out["published"] = self.published
        return out


def ocr_info(structure: dict[str, Any]) -> dict[str, Any] | None:
    """The "ocr" entry of a stored structure: engine, pages with confidence and
    whether each is flagged; None for a report that was not read by OCR."""
    value = structure.get("ocr")
    return value if isinstance(value, dict) else None


def published_of(structure: dict[str, Any]) -> str:
    value = structure.get("published")
    return value if isinstance(value, str) else ""
