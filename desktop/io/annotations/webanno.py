"""WebAnno / INCEpTION TSV 3 (3.2, 3.3): span layers only.

A header names the layers (``#T_SP=layer|feature…``, also ``#T_CH``/``#T_RL``, whose
columns are counted and skipped); each sentence is ``#Text=…`` followed by one line per
token: ``sent-token<TAB>begin-end<TAB>token<TAB>`` and one column per feature. A span over
several tokens carries an id (``Program[3]``); stacked spans are joined by ``|``. Offsets
are UTF-16 units (INCEpTION is Java). The document's text is rebuilt from the sentences
at their offsets, the gaps between them as line breaks. Export writes one sentence per
line of text and one token per character, so any span falls on token boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.annotations import AnnotationError, Counting, ForeignDoc, checked_span

LAYER = "webanno.custom.ReportMark"
_TOKEN = re.compile(r"^(\d+)-(\d+)(?:\.\d+)?$")
_VALUE = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)


@dataclass
class _Layer:
    name: str
    features: list[str]
    span: bool

    @property
    def width(self) -> int:
        return max(1, len(self.features)) if self.span else len(self.features)

    def label_column(self) -> int:
        for wanted in ("value", "label", "tag", "name"):
            if wanted in self.features:
                return self.features.index(wanted)
        return 0


@dataclass
class _Sentence:
    text: str
    line: int
    tokens: list[tuple[int, int, str, list[str], int]] = field(default_factory=list)


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1),
                                                                            m.group(1)), value)


def _escape(value: str) -> str:
    return re.sub(r"([\\\[\]|_*;>\->])", r"\\\1", value).replace("\t", " ").replace("\n", " ")


def _split_stack(cell: str) -> list[str]:
    return [p for p in re.split(r"(?<!\\)\|", cell) if p]


def read(path: Path) -> list[ForeignDoc]:
    name = path.name
    layers: list[_Layer] = []
    sentences: list[_Sentence] = []
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if number == 1 and not line.startswith("#FORMAT=WebAnno TSV 3"):
            raise AnnotationError(name, 1, "not a WebAnno TSV 3 file (no #FORMAT=WebAnno TSV 3)")
        if line.startswith(("#T_SP=", "#T_CH=", "#T_RL=")):
            parts = line[6:].split("|")
            layers.append(_Layer(parts[0], parts[1:], line.startswith("#T_SP=")))
        elif line.startswith("#Text="):
            if sentences and not sentences[-1].tokens:
                sentences[-1].text += "\n" + _unescape(line[6:])  # a sentence over lines
            else:
                sentences.append(_Sentence(_unescape(line[6:]), number))
        elif line and not line.startswith("#"):
            cells = line.split("\t")
            if len(cells) < 3 or not _TOKEN.match(cells[0]) or not sentences:
                raise AnnotationError(name, number, "not a token line")
            try:
                begin, end = (int(x) for x in cells[1].split("-"))
            except ValueError:
                raise AnnotationError(name, number, f"bad offsets {cells[1]!r}") from None
            sentences[-1].tokens.append((begin, end, cells[2], cells[3:], number))
    if not layers or not any(layer.span for layer in layers):
        raise AnnotationError(name, 2, "no span layer (#T_SP=) in the header")
    text = _rebuild(name, sentences)
    doc = ForeignDoc(path.stem, text, source=name)
    counting = Counting(text)
    open_spans: dict[tuple[int, str], list[int]] = {}  # (layer, id) -> [start, end, line]
    labels: dict[tuple[int, str], str] = {}
    for sentence in sentences:
        for begin, end, token, cells, number in sentence.tokens:
            a, b = counting.from_utf16(begin), counting.from_utf16(end)
            if a is None or b is None or text[a:b] != token:
                raise AnnotationError(name, number, f"the token {token!r} is not at "
                                      f"{begin}-{end} of the text")
            column = 0
            for index, layer in enumerate(layers):
                if layer.span:
                    cell = cells[column + layer.label_column()] if column < len(cells) else "_"
                    for i, value in enumerate(_split_stack(cell) if cell not in ("_", "") else []):
                        match = _VALUE.match(value)
                        assert match is not None
                        label = _unescape(match.group(1))
                        if label in ("*", ""):
                            label = layer.name.rsplit(".", 1)[-1]
                        key = (index, match.group(2) or f"single-{number}-{i}")
                        span = open_spans.setdefault(key, [a, b, number])
                        span[0], span[1] = min(span[0], a), max(span[1], b)
                        labels[key] = label
                column += layer.width
    for key, (start, end, number) in open_spans.items():
        doc.spans.append(checked_span(doc, start, end, labels[key], number))
    doc.spans.sort(key=lambda s: (s.start, s.end, s.label))
    return [doc]


def _rebuild(name: str, sentences: list[_Sentence]) -> str:
    """The document's text: each sentence placed at its first token's offset (UTF-16)."""
    pieces: list[str] = []
    at = 0  # UTF-16 units written so far
    for sentence in sentences:
        if not sentence.tokens:
            continue
        begin, _, token, _, number = sentence.tokens[0]
        inside = sentence.text.find(token)
        if inside < 0:
            raise AnnotationError(name, number, f"the token {token!r} is not in its sentence")
        start = begin - Counting(sentence.text[:inside]).utf16_len()
        if start < at:
            raise AnnotationError(name, sentence.line, "sentences overlap")
        pieces.append("\n" * (start - at))
        pieces.append(sentence.text)
        at = start + Counting(sentence.text).utf16_len()
    return "".join(pieces)


def write(docs: list[ForeignDoc], out: Path) -> list[Path]:
    """One .tsv per document: `out` itself for one document, else a folder of them."""
    if len(docs) == 1 and out.suffix.lower() == ".tsv":
        targets = [out]
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = [out / f"doc{i:04d}.tsv" for i in range(1, len(docs) + 1)]
    for doc, target in zip(docs, targets, strict=True):
        target.write_text(_document(doc), encoding="utf-8")
    return targets


def _document(doc: ForeignDoc) -> str:
    counting = Counting(doc.text)
    multi = {i: i + 1 for i, s in enumerate(doc.spans) if s.end - s.start > 1}
    cover: dict[int, list[str]] = {}  # character -> the spans over it, as cells say them
    for k, s in enumerate(doc.spans):
        value = f"{_escape(s.label)}[{multi[k]}]" if k in multi else _escape(s.label)
        for i in range(s.start, s.end):
            cover.setdefault(i, []).append(value)
    out = ["#FORMAT=WebAnno TSV 3.3", f"#T_SP={LAYER}|value", "", ""]
    sentence_no, pos = 0, 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        chars = [i for i in range(start, start + len(line)) if not doc.text[i].isspace()]
        if not chars:
            continue
        sentence_no += 1
        out.append("#Text=" + line.replace("\\", "\\\\"))
        for t, i in enumerate(chars, 1):
            cell = "|".join(cover.get(i, ())) or "_"
            begin, end = counting.to_utf16(i), counting.to_utf16(i + 1)
            out.append(f"{sentence_no}-{t}\t{begin}-{end}\t{doc.text[i]}\t{cell}\t")
        out.append("")
    return "\n".join(out) + "\n"
