"""A report text as a Word file (python-docx) and as a PDF (reportlab, CID font STSong-Light),
made inside the tests the way offices produce them."""

from __future__ import annotations

import io
import re

HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def make_docx(text: str, run_in_bold: bool = True) -> bytes:
    """Title centred, a part heading (一、) in a heading style, a run-in subheading （一）…。 in bold
    followed by its body in the same paragraph, a table, the rest as body paragraphs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title = "文档1"
    lines = [line for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        if i == 0 and line.endswith("报告"):
            p = document.add_paragraph(line, style="Title")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif re.match(r"^[一二三四五六七八九十]+、", line):
            document.add_heading(line, level=1)
        elif run_in_bold and (m := re.match(r"^([（(][一二三四五六七八九十]+[)）][^。]{2,40}。)(.+)$", line)):
            p = document.add_paragraph()
            p.add_run(m.group(1)).bold = True
            p.add_run(m.group(2))
        else:
            p = document.add_paragraph()
            for k in range(0, len(line), 9):  # Word splits a paragraph into many runs
                p.add_run(line[k:k + 9])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(text: str, header: str = "某市人民政府文件", chars_per_line: int = 28) -> bytes:
    """A4 pages: a running header, page numbers "- N -", paragraphs indented two characters and
    broken at the line width (as a word processor prints them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    width, height = A4
    size, left, top, bottom = 15, 72, height - 90, 80
    page = 1

    def start_page():
        pdf.setFont("STSong-Light", 9)
        pdf.drawCentredString(width / 2, height - 50, header)
        pdf.setFont("STSong-Light", size)

    def end_page():
        nonlocal page
        pdf.setFont("STSong-Light", 10)
        pdf.drawCentredString(width / 2, 40, f"- {page} -")
        pdf.showPage()
        page += 1

    start_page()
    y = top
    lines = [t for t in text.split("\n") if t.strip()]
    last_body = max(i for i, t in enumerate(lines) if t.endswith("。"))
    for n, line in enumerate(lines):
        centred = n == 0 and line.endswith("报告")
        signature = n > last_body  # issuer and date, right-aligned under the text
        chunks = [line] if centred or signature else _wrap(line if _flush(line) else "　　" + line,
                                                             chars_per_line * size, size)
        for chunk in chunks:
            if y < bottom:
                end_page()
                start_page()
                y = top
            if centred:  # titles are set larger (二号小标宋 in the national standard)
                pdf.setFont("STSong-Light", 21)
                pdf.drawCentredString(width / 2, y, chunk)
                pdf.setFont("STSong-Light", size)
                y -= size
            elif signature:
                pdf.drawRightString(width - 100, y, chunk)
            else:
                pdf.drawString(left, y, chunk)
            y -= size * 1.8
    end_page()
    pdf.save()
    return buffer.getvalue()


def _flush(line: str) -> bool:
    """The addressee line is not indented."""
    return len(line) <= 30 and line.endswith(("：", ":"))


def _wrap(line: str, width: float, size: float) -> list[str]:
    """Break at the width as a word processor does: as many characters as fit, and no line
    starting with a closing mark (the character before it moves down with it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, current = [], ""
    for ch in line:
        if stringWidth(current + ch, "STSong-Light", size) > width:
            if ch in "，。、；：！？”）》" and len(current) > 1:
                out.append(current[:-1])
                current = current[-1]
            else:
                out.append(current)
                current = ""
        current += ch
    return out + [current] if current else out


def make_scanned_pdf() -> bytes:
    """A PDF page holding only an image (a scan): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    import struct
    import zlib

    def png(w: int, h: int) -> bytes:
        raw = b"".join(b"\x00" + bytes([(x * y) % 256 for x in range(w)]) for y in range(h))
        chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data  # noqa: E731
                                    + struct.pack(">I", zlib.crc32(kind + data)))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(io.BytesIO(png(120, 160))), 50, 100, 480, 640)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
