"""What form a published report arrived in, recognised by its bytes (never by the file name)."""

from __future__ import annotations

import io
import re
import zipfile

# Tags that only markup has; a report text quoting one "<p>" is still text (three are needed).
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|div|p|span|br|table|td|meta|script|title|ul|li|a|h[1-6]|section|link|style)\b",
                     re.IGNORECASE)
_UTF16_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|span|br|table|td|meta)\b", re.IGNORECASE)


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'html' or 'text' (anything else is left to the text decoder to refuse)."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    if len(_MARKUP.findall(data[:65536])) >= 3:
        return "html"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a page saved as UTF-16
        probe = data[:65536].decode("utf-16", errors="ignore")
        if len(_UTF16_MARKUP.findall(probe)) >= 3:
            return "html"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
