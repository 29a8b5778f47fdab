"""Reading a text report from disk: size and binary checks, encoding detection."""

from __future__ import annotations

import codecs
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


class ImportRefused(Exception):
    """A file that cannot be imported; the message says why, for the user."""


def decode_text(data: bytes, name: str) -> str:
    """Decode report bytes: BOMs first, then UTF-8, then GB18030 (a superset of GBK and
    GB2312, the usual encodings of Chinese government files)."""
    if not data.strip():
        raise ImportRefused(f"{name}: the file is empty.")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ImportRefused(f"{name}: the text is not valid {enc.upper()}.") from exc
    if b"\x00" in data[:8192]:
        raise ImportRefused(f"{name}: this is a binary file, not a text report.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{name}: the text encoding is not recognised (tried UTF-8, UTF-16 and GB18030)."
        ) from exc
    if _mostly_unprintable(text):
        raise ImportRefused(f"{name}: this does not look like text.")
    return text


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t")
    return bad > len(sample) * 0.05


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A report file's bytes, refused before reading when too large and when empty."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(f"{path.name}: cannot be read ({exc.strerror}).") from exc
    if size > max_bytes:
        raise ImportRefused(
            f"{path.name}: the file is {size / 2**20:.0f} MB; reports over "
            f"{max_bytes / 2**20:.0f} MB are refused."
        )
    if size == 0:
        raise ImportRefused(f"{path.name}: the file is empty.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"{path.name}: cannot be read ({exc.strerror}).") from exc


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> str:
    text = decode_text(read_file_bytes(path, max_bytes), path.name)
    if _mostly_unprintable(text):
        raise ImportRefused(f"{path.name}: this does not look like text.")
    return text
