"""brat standoff: DOC.txt and DOC.ann side by side; text-bound annotations
``T1<TAB>Label START END[;START END]<TAB>text``. brat's offsets are character offsets
(code points), end exclusive; a discontinuous span is refused (a tag is one range).
Other annotation lines (relations, events, attributes, notes) are skipped."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.annotations import AnnotationError, ForeignDoc, checked_span


def _pairs(path: Path) -> list[tuple[Path, Path]]:
    if path.is_dir():
        return [(ann.with_suffix(".txt"), ann) for ann in sorted(path.glob("*.ann"))]
    return [(path.with_suffix(".txt"), path.with_suffix(".ann"))]


def read(path: Path) -> list[ForeignDoc]:
    docs: list[ForeignDoc] = []
    for txt, ann in _pairs(path):
        if not txt.exists() or not ann.exists():
            raise AnnotationError(ann.name, 0, f"brat needs both {txt.name} and {ann.name}")
        # brat reads the text as it is on disk: no newline translation
        text = txt.read_bytes().decode("utf-8")
        doc = ForeignDoc(txt.stem, text, source=ann.name)
        for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            if not line.startswith("T"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise AnnotationError(ann.name, number, "a text-bound line without a tab")
            kind_and_offsets = parts[1].split(" ")
            label, ranges = kind_and_offsets[0], " ".join(kind_and_offsets[1:])
            if ";" in ranges:
                raise AnnotationError(ann.name, number, "a discontinuous span (ranges "
                                      f"{ranges}) cannot be one tag")
            try:
                start, end = (int(x) for x in ranges.split())
            except ValueError:
                raise AnnotationError(ann.name, number, f"bad offsets {ranges!r}") from None
            quote = parts[2] if len(parts) > 2 else None
            doc.spans.append(checked_span(doc, start, end, label, number, quote))
        docs.append(doc)
    return docs


def _safe(label: str) -> str:
    return "_".join(label.split()) or "label"


def write(docs: list[ForeignDoc], out: Path) -> list[Path]:
    """Into the folder `out`: one NAME.txt and NAME.ann per document."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i, doc in enumerate(docs, 1):
        stem = f"doc{i:04d}"
        txt, ann = out / f"{stem}.txt", out / f"{stem}.ann"
        txt.write_bytes(doc.text.encode("utf-8"))
        lines = []
        for j, s in enumerate(doc.spans, 1):
            quote = doc.text[s.start:s.end].replace("\n", " ").replace("\t", " ")
            lines.append(f"T{j}\t{_safe(s.label)} {s.start} {s.end}\t{quote}\n")
        ann.write_text("".join(lines), encoding="utf-8")
        written += [txt, ann]
    return written
