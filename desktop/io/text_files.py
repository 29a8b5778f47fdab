"""Reading a text report from disk: size and binary checks, encoding detection."""

from __future__ import annotations

import codecs
from pathlib import Path

from desktop.domain.errors import RefusedInput

MAX_BYTES = 50 * 1024 * 1024


class ImportRefused(RefusedInput):
    """A file that cannot be imported; the message says why, for the user."""


_GUESSES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]


def _guess(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most coherent among those Chinese reports
    come in without a BOM (GB18030 and its subsets, Big5, UTF-16 of either order)."""
    from charset_normalizer import from_bytes  # only where it is used (start-up time)

    try:
        best = from_bytes(data[:200_000], cp_isolation=_GUESSES).best()
    except Exception:  # a detector failure is no reason to refuse: fall back below
        return None
    return None if best is None else best.encoding


def decode_text(data: bytes, name: str) -> str:
    """Decode report bytes: BOMs first, then UTF-8, then what charset-normalizer finds
    (Big5, UTF-16 without a BOM, GB18030 without a declaration), then GB18030 (a
    superset of GBK and GB2312, the usual encodings of Chinese government files)."""
    if not data.strip():
        raise ImportRefused("{name}: the file is empty.", message_id="import.empty",
                            params={"name": name})
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ImportRefused("{name}: the text is not valid {encoding}.",
                                    message_id="import.bad_encoding",
                            params={"name": name, "encoding": enc.upper()}) from exc
    if b"\x00" not in data[:8192]:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for guess in (_guess(data), "gb18030"):
        if guess is None:
            continue
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            continue
        if not _mostly_unprintable(text):
            return text
    if b"\x00" in data[:8192]:
        raise ImportRefused("{name}: this is a binary file, not a text report.",
                            message_id="import.binary", params={"name": name})
    raise ImportRefused(
        "{name}: the text encoding is not recognised "
        "(tried UTF-8, UTF-16, Big5 and GB18030); this does not look like text.",
        message_id="import.unknown_encoding", params={"name": name})


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t")
    return bad > len(sample) * 0.05


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A report file's bytes, refused before reading when too large and when empty."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused("{name}: cannot be read ({reason}).", message_id="import.unreadable",
                            params={"name": path.name, "reason": exc.strerror}) from exc
    if size > max_bytes:
        raise ImportRefused(
            "{name}: the file is {size} MB; reports over {limit} MB are refused.",
            message_id="import.too_large",
            params={"name": path.name, "size": f"{size / 2**20:.0f}",
                    "limit": f"{max_bytes / 2**20:.0f}"})
    if size == 0:
        raise ImportRefused("{name}: the file is empty.", message_id="import.empty",
                            params={"name": path.name})
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportRefused("{name}: cannot be read ({reason}).", message_id="import.unreadable",
                            params={"name": path.name, "reason": exc.strerror}) from exc


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> str:
    text = decode_text(read_file_bytes(path, max_bytes), path.name)
    if _mostly_unprintable(text):
        raise ImportRefused("{name}: this does not look like text.", message_id="import.not_text",
                            params={"name": path.name})
    return text
