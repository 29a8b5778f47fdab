"""Annotations of other tools, read into and written from `ForeignDoc`s: one module per
format. Offsets: doccano and brat count code points; Label Studio counts code points
(its front end since it stopped counting UTF-16 units; files of older versions in UTF-16
units are recognised by the span text each result carries); WebAnno/INCEpTION TSV 3 counts
UTF-16 units (Java strings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.annotations import ForeignDoc
from desktop.domain.errors import RefusedInput

from . import brat, doccano, labelstudio, webanno

FORMATS = ("doccano", "labelstudio", "brat", "webanno")

_READERS: dict[str, Callable[[Path], list[ForeignDoc]]] = {
    "doccano": doccano.read, "labelstudio": labelstudio.read, "brat": brat.read,
    "webanno": webanno.read,
}
_WRITERS: dict[str, Callable[[list[ForeignDoc], Path], list[Path]]] = {
    "doccano": doccano.write, "labelstudio": labelstudio.write, "brat": brat.write,
    "webanno": webanno.write,
}


def guess_format(path: Path) -> str:
    """The format of a file (or a brat folder) by its name and first characters."""
    if path.is_dir() or path.suffix.lower() in (".ann",):
        return "brat"
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "doccano"
    if suffix == ".tsv":
        return "webanno"
    head = path.read_text(encoding="utf-8-sig", errors="replace")[:4096].lstrip()
    if head.startswith("#FORMAT=WebAnno"):
        return "webanno"
    if head.startswith("["):
        return "labelstudio"
    if head.startswith("{"):
        return "doccano"
    if suffix == ".txt" and path.with_suffix(".ann").exists():
        return "brat"
    raise RefusedInput("{name}: not a doccano, Label Studio, brat or WebAnno TSV file",
                       message_id="annotations.unknown_file", params={"name": path.name})


def read(path: Path, fmt: str | None = None) -> list[ForeignDoc]:
    fmt = fmt or guess_format(path)
    if fmt not in _READERS:
        raise RefusedInput("unknown annotation format {fmt!r} (one of {known})",
                           message_id="annotations.unknown_format",
                           params={"fmt": fmt, "known": ", ".join(FORMATS)})
    return _READERS[fmt](path)


def write(docs: list[ForeignDoc], out: Path, fmt: str) -> list[Path]:
    """Write the documents; returns the files written."""
    if fmt not in _WRITERS:
        raise RefusedInput("unknown annotation format {fmt!r} (one of {known})",
                           message_id="annotations.unknown_format",
                           params={"fmt": fmt, "known": ", ".join(FORMATS)})
    return _WRITERS[fmt](docs, out)
