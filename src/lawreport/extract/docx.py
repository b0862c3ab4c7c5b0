"""A Word file -> the report's text: paragraphs and tables in document order.

Headings (a ``Heading``/``标题`` style) are their own paragraphs already.  A bold run at the start of
a body paragraph is a run-in heading ("（一）加强组织领导。" in bold, then the body): it is put on a
line of its own, so an unnumbered report's headings are seen as headings too.  Table rows become
lines, cells separated by a tab.
"""

from __future__ import annotations

import io
import re

from lawreport.core.errors import LawreportError


def extract_docx(data: bytes, path: str) -> tuple[str, dict]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise LawreportError(f"cannot read this .docx file: {exc}", path) from None
    except Exception as exc:  # noqa: BLE001 - a damaged zip/XML surfaces as many lxml/zip errors
        raise LawreportError(f"cannot read this .docx file ({type(exc).__name__})", path) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(_paragraph_lines(block))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    props = document.core_properties
    meta = {}
    if (props.title or "").strip():
        meta["title"] = props.title.strip()
    if not any(line.strip() for line in lines):
        raise LawreportError("this .docx file has no text", path)
    return "\n".join(line for line in lines if line.strip()), meta


def _paragraph_lines(paragraph) -> list[str]:
    text = paragraph.text
    if not text.strip():
        return []
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if re.match(r"(Heading|Title|标题)", style):
        return [text.strip()]
    head = ""
    for run in paragraph.runs:
        if not run.text.strip() and not head:
            continue
        if run.bold:
            head += run.text
        else:
            break
    if head.strip() and len(head.strip()) < len(text.strip()) and len(head.strip()) <= 60:
        at = text.find(head)
        if at >= 0:
            rest = text[at + len(head):]
            return [text[:at + len(head)].strip(), rest.strip()]
    return [text.strip()]


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines
