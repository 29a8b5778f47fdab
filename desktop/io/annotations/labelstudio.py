"""Label Studio's JSON export: a list of tasks, ``{"data": {"text": …}, "annotations":
[{"result": [{"value": {"start", "end", "text", "labels"}, …}]}]}`` (older exports:
"completions"). Label Studio counts code points; versions before its emoji fix counted
UTF-16 units, so a span whose code points do not give its ``value.text`` is read in
UTF-16 units (and refused if neither matches)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.domain.annotations import AnnotationError, Counting, ForeignDoc, checked_span


def _tasks(raw: str, name: str) -> list[tuple[int, Any]]:
    """The tasks with the line each starts on."""
    decoder = json.JSONDecoder()
    i = len(raw) - len(raw.lstrip())
    if not raw.startswith("[", i):
        try:
            return [(1, decoder.decode(raw))]  # one task on its own
        except json.JSONDecodeError as exc:
            raise AnnotationError(name, exc.lineno, f"not JSON ({exc.msg})") from None
    out: list[tuple[int, Any]] = []
    i += 1
    while True:
        while i < len(raw) and raw[i] in " \t\r\n,":
            i += 1
        if i >= len(raw):
            raise AnnotationError(name, raw.count("\n") + 1, "the list of tasks is not closed")
        if raw[i] == "]":
            return out
        try:
            task, end = decoder.raw_decode(raw, i)
        except json.JSONDecodeError as exc:
            raise AnnotationError(name, exc.lineno, f"not JSON ({exc.msg})") from None
        out.append((raw.count("\n", 0, i) + 1, (task, raw[i:end])))
        i = end


def _text_of(task: dict[str, Any]) -> str | None:
    data = task.get("data")
    if isinstance(data, dict):
        if isinstance(data.get("text"), str):
            return str(data["text"])
        texts = [v for v in data.values() if isinstance(v, str)]
        return texts[0] if len(texts) == 1 else None
    return None


def read(path: Path) -> list[ForeignDoc]:
    raw = path.read_text(encoding="utf-8-sig")
    docs: list[ForeignDoc] = []
    for line, entry in _tasks(raw, path.name):
        task, source = entry if isinstance(entry, tuple) else (entry, raw)
        if not isinstance(task, dict):
            raise AnnotationError(path.name, line, "a task is not a JSON object")
        text = _text_of(task)
        if text is None:
            raise AnnotationError(path.name, line, "a task without data.text")
        doc = ForeignDoc(str(task.get("id", f"{path.stem}-{line}")), text, source=path.name)
        counting = Counting(text)
        annotations = task.get("annotations") or task.get("completions") or []
        for annotation in annotations:
            if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
                continue
            for result in annotation.get("result") or []:
                value = result.get("value") if isinstance(result, dict) else None
                if not isinstance(value, dict) or "start" not in value:
                    continue  # not a text span (a choice, a relation)
                at = line
                rid = result.get("id")
                if isinstance(rid, str) and rid:
                    found = source.find(json.dumps(rid))
                    at = line + (source.count("\n", 0, found) if found >= 0 else 0)
                doc.spans.extend(_spans(doc, counting, value, at))
        docs.append(doc)
    return docs


def _spans(doc: ForeignDoc, counting: Counting, value: dict[str, Any], line: int) -> list[Any]:
    start, end = value.get("start"), value.get("end")
    labels = value.get("labels") or value.get("hypertextlabels") or []
    if not isinstance(start, int) or not isinstance(end, int):
        raise AnnotationError(doc.source, line, "a span without integer offsets")
    quote = value.get("text") if isinstance(value.get("text"), str) else None
    if quote is not None and doc.text[start:end] != quote:
        a, b = counting.from_utf16(start), counting.from_utf16(end)
        if a is not None and b is not None and doc.text[a:b] == quote:
            start, end = a, b  # an export of a version that counted UTF-16 units
    if not labels:
        raise AnnotationError(doc.source, line, "a span without labels")
    return [checked_span(doc, start, end, str(label), line, quote) for label in labels]


def write(docs: list[ForeignDoc], out: Path) -> list[Path]:
    tasks = []
    for i, doc in enumerate(docs, 1):
        result = [{
            "id": f"r{i}-{j}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": s.start, "end": s.end, "text": doc.text[s.start:s.end],
                      "labels": [s.label]},
        } for j, s in enumerate(doc.spans, 1)]
        tasks.append({"id": i, "data": {"text": doc.text},
                      "annotations": [{"id": i, "result": result}]})
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return [out]
