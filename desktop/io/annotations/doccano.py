"""doccano JSON Lines: one document a line, ``{"text", "label": [[start, end, label]]}``
(sequence labelling export) or ``{"text", "entities": [{"start_offset", "end_offset",
"label"}]}`` (with relations). Offsets are code points (doccano counts as Python does)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.domain.annotations import AnnotationError, ForeignDoc, checked_span


def _spans(item: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    out: list[tuple[Any, Any, Any]] = []
    for entry in item.get("label") or []:
        if isinstance(entry, list | tuple) and len(entry) >= 3:
            out.append((entry[0], entry[1], entry[2]))
        elif isinstance(entry, str):
            continue  # a text classification label, not a span
        else:
            out.append((None, None, None))
    for entry in item.get("entities") or []:
        if not isinstance(entry, dict):
            out.append((None, None, None))
            continue
        out.append((entry.get("start_offset"), entry.get("end_offset"), entry.get("label")))
    return out


def read(path: Path) -> list[ForeignDoc]:
    docs: list[ForeignDoc] = []
    with path.open(encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AnnotationError(path.name, number, f"not JSON ({exc.msg})") from None
            text = item.get("text") if isinstance(item, dict) else None
            if not isinstance(text, str):
                raise AnnotationError(path.name, number, "no \"text\"")
            name = str(item.get("id", f"{path.stem}-{number}"))
            doc = ForeignDoc(name, text, source=path.name)
            for start, end, label in _spans(item):
                if not isinstance(start, int) or not isinstance(end, int):
                    raise AnnotationError(path.name, number, "a span without integer offsets")
                doc.spans.append(checked_span(doc, start, end, str(label or ""), number))
            docs.append(doc)
    return docs


def write(docs: list[ForeignDoc], out: Path) -> list[Path]:
    with out.open("w", encoding="utf-8") as f:
        for i, doc in enumerate(docs, 1):
            item = {"id": i, "text": doc.text,
                    "label": [[s.start, s.end, s.label] for s in doc.spans]}
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    return [out]
