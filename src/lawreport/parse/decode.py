"""Bytes -> text: the encodings real reports arrive in, and clear errors for what is not text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from lawreport.core import safefile
from lawreport.core.errors import LawreportError

MAX_BYTES = 4 * 1024 * 1024  # a long report is ~100 KB; anything this big is not one


@dataclass
class Decoded:
    text: str
    encoding: str
    newline: str


def read_source(path) -> bytes:
    """A source file's bytes: a regular file only, read no further than the size limit."""
    return safefile.read_bytes(path, MAX_BYTES, "report")


def decode(data: bytes, path: str) -> Decoded:
    if len(data) > MAX_BYTES:
        raise LawreportError(
            f"file is {len(data) / 1e6:.1f} MB; a report is at most {MAX_BYTES // (1024 * 1024)} MB",
            path)
    text, encoding = _decode_bytes(data, path)
    if not text.strip():
        raise LawreportError("file is empty", path)
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    if control > max(8, len(text) // 1000):
        raise LawreportError("file looks binary (control characters in the text)", path)
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, newline)


def _decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], name, path), "utf-16"
    if b"\x00" in data:
        raise LawreportError("file looks binary (NUL bytes and no UTF-16 byte-order mark)", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        # the encoding that read further is the one the file was meant to be in
        best, name = max((utf8_error, "UTF-8"), (exc, "GB18030"), key=lambda e: e[0].start)
        line = data[: best.start].count(b"\n") + 1
        raise LawreportError(
            f"not valid UTF-8, UTF-16 or GB18030/GBK text (read as {name}, byte {best.start} is wrong: "
            f"{data[best.start:best.start + 4].hex(' ')})", path, line) from None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LawreportError(f"invalid {encoding} at byte {exc.start}", path) from None
