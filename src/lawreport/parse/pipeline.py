"""The parse stage, step by step:

decode bytes -> strip page chrome -> front (title, addressee) -> signature
(issuer, date, note) -> paragraphs (repairing broken lines) -> section tree ->
categories, year, inferred title -> diagnostics.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from lawreport.core.errors import LawreportError
from lawreport.core.model import Report, Section, StrippedLine
from lawreport.parse import metadata as meta
from lawreport.parse.accounting import check_accounting
from lawreport.parse.chars import CLOSED_END, fold
from lawreport.parse.classify import classify, is_unrecognised
from lawreport.parse.decode import decode, read_source
from lawreport.parse.diagnostics import Diagnostics
from lawreport.parse.enumerators import match_at
from lawreport.parse.noise import strip_noise
from lawreport.parse.structure import Paragraph, TreeBuilder, top_rank, unnumbered_headings
from lawreport.core.script import detect, to_hans

BULLET_START = tuple("—-–·•●★◆■▲☆◇□○▪►*")
_FRONT_SCAN = 8  # title and addressee stand within the first lines of the text
_GENRE = re.compile(r"法治|依法|法制|行政")
_HTML_TAG = re.compile(r"<(?:!doctype|html|head|body|div|p|span|br|table|td|script|meta)\b", re.IGNORECASE)


@dataclass
class ParseResult:
    report: Report
    diagnostics: Diagnostics


def parse_source(path: str | Path, report_id: str | None = None) -> ParseResult:
    path = Path(path)
    data = read_source(path)  # refuses FIFOs and devices, stops at the size limit
    # The CLI extracts web pages, .docx and PDF before parsing (lawreport.extract); a source.txt in
    # content/ that is really a saved page is refused here, since its markup would become the text.
    if len(_HTML_TAG.findall(data[:50000].decode("utf-8", errors="ignore"))) >= 3:
        raise LawreportError("this is a web page's HTML, not the report's text: add the page with "
                             "`lawreport add FILE`, which extracts the report from it", str(path))
    return parse_text(data, str(path), report_id or path.parent.name or path.stem, path.name)


def parse_text(data: bytes, path: str, report_id: str, file_name: str = "source.txt",
               hints: dict | None = None) -> ParseResult:
    """Parse a report's text.  ``hints``: metadata of the page or file the text was extracted from
    (title, issuer, date as YYYY-MM-DD); used only where the text itself does not give them."""
    hints = hints or {}
    decoded = decode(data, path)
    diag = Diagnostics()
    numbered = list(enumerate(decoded.text.split("\n"), start=1))
    lines, stripped = strip_noise(numbered)
    if not lines:
        raise LawreportError("no report text: every line is page chrome", path)
    lines = _split_run_in_front(lines)
    lines = _split_run_in_signature(lines)

    report = Report(id=report_id, title="", script=detect(decoded.text))
    start = _read_front(lines, report, stripped)
    end = _read_signature(lines, start, report)
    _use_hints(report, hints, diag, lines[-1][0])
    paragraphs = _paragraphs(lines[start:end], diag)

    builder = TreeBuilder(diag, top_rank([p.text for p in paragraphs]))
    for para in paragraphs:
        builder.add(para)
    report.preamble, report.sections = builder.finish()
    if not report.sections:
        if not _GENRE.search(to_hans(decoded.text)):
            raise LawreportError("this does not look like a report on rule-of-law government "
                                 "(no numbered headings, no 法治/依法/行政 in the text)", path)
        report.preamble, report.sections = _unnumbered(lines[start:end], diag)

    body = "\n".join(s.full_text() for s in report.sections)
    report.year = meta.year_covered(report.title, report.preamble, body, report.date)
    for part in report.sections:
        part.category = classify(part.title, report.year)
        if part.title and is_unrecognised(part.title, report.year):  # untitled: warned already
            diag.warn(part.line, f"part {part.number}{part.title!r} fits no category "
                                 "(responsibilities, measures, shortcomings, plan); marked 'other'")
    if not report.title and hints.get("title") and meta.is_title_line(hints["title"]):
        report.title, report.title_source = hints["title"].strip(), "source"
        diag.note(1, f"no title in the text; the page's title {report.title!r} is used")
    if not report.title:
        report.title = meta.infer_title(report.issuer, report.year, report.script)
        report.title_source = "inferred"
        diag.note(1, f"no title in the text; inferred {report.title!r}")
    _report_missing(report, diag, lines)
    for item in sorted(stripped, key=lambda s: s.line):
        diag.note(item.line, f"stripped page noise ({item.reason}): {item.text[:40]!r}")
    report.stripped = sorted(stripped, key=lambda s: (s.line, s.text))
    report.source = {
        "file": file_name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "encoding": decoded.encoding,
        "newline": {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[decoded.newline],
    }
    diag.sort(key=lambda d: d.line)
    check_accounting(decoded.text, report, path)  # a parse that loses text must not pass silently
    return ParseResult(report, diag)


# -- front: title and addressee ---------------------------------------------------

def _read_front(lines: list[tuple[int, str]], report: Report, stripped: list[StrippedLine]) -> int:
    """Consume title lines and the addressee at the top; return the index of the first body line."""
    i = 0
    while i < min(len(lines), _FRONT_SCAN):
        number, line = lines[i]
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        if report.title and _same_text(line, report.title):
            stripped.append(StrippedLine(number, line.strip(), "repeated title"))
            i += 1
        elif not report.title and not report.addressee and meta.is_title_line(line) and not match_at(line):
            report.title, report.title_source = line.strip(), "source"
            report.front.append(line.strip())
            i += 1
        elif (not report.title and not report.addressee and following
              and meta.is_title_start(line, following.strip())):
            report.title, report.title_source = line.strip() + following.strip(), "source"
            report.front.extend([line.strip(), following.strip()])
            i += 2
        elif report.title and not report.addressee and not report.date and (date := meta.parse_date(line)):
            report.date = date  # "（2024年2月28日）" under the title; a signature date overrides it
            report.front.append(line.strip())
            i += 1
        elif not report.addressee and (addressee := meta.addressee_of(line)) and not match_at(line):
            report.addressee = addressee
            report.front.append(line.strip())
            i += 1
            break
        else:
            break
    return i


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s", "", fold(to_hans(a))) == re.sub(r"\s", "", fold(to_hans(b)))


def _is_flat(lines: list[tuple[int, str]]) -> bool:
    """A copy that lost its line breaks: one long line, or the whole text on a line or two."""
    return len(lines[0][1]) >= 200 or len(lines) <= 2


_RUN_IN_ADDRESSEE = re.compile(r"^([^。,;:：，；\n]{2,30}?(?:政府|委员会|委|办公室|领导|同志们?))[:：]")
_RUN_IN_TITLE = re.compile(r"^([^。;:：；\n]{6,80}?报告)(?=[^。]{2,30}?[:：])")


def _split_run_in_front(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A copy with no line breaks: cut the title and the addressee off the first line."""
    number, first = lines[0]
    if not _is_flat(lines):
        return lines
    pieces = []
    m = _RUN_IN_TITLE.match(first)
    if m and meta.is_title_line(m.group(1)):
        pieces.append(m.group(1))
        first = first[m.end():]
    m = _RUN_IN_ADDRESSEE.match(first)
    if m:
        pieces.append(first[:m.end()])
        first = first[m.end():]
    return [(number, p) for p in pieces] + [(number, first)] + lines[1:]


_RUN_IN_SIGNATURE = re.compile(
    r"(?:^|(?<=[。!?”]))\s*([^。,;:\s]{2,30}?(?:人民政府|政府|委员会|办公室))\s*"
    r"([(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*"
    r"[\d一二三四五六七八九十]{1,3}\s*日\s*[)]?)"
    r"\s*([(]\s*此件[^)]{0,10}[)])?\s*$")


_RUN_IN_CLOSING = re.compile(r"(?<=[。!?”])\s*((?:特此报告|专此报告|以上报告|现予报告)[。.!]?)\s*$")


def _split_run_in_signature(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Issuer and date run into the last line (a copy with no line breaks, or a signature
    written on one line): cut issuer, date and note off so each is a line of its own."""
    at = len(lines) - 1
    if at > 0 and meta.is_publication_note(lines[at][1]):  # the note may stand on its own below
        at -= 1
    number, last = lines[at]
    probe = fold(to_hans(last))
    if len(probe) != len(last):  # conversion changed the length: offsets would not match
        probe = fold(last)
    m = _RUN_IN_SIGNATURE.search(probe)
    cut = m.start(1) if m else len(last)
    tail = [(number, last[m.start(g):m.end(g)]) for g in (1, 2, 3) if m.group(g)] if m else []
    closing = _RUN_IN_CLOSING.search(probe[:cut])  # "……。特此报告。" before the signature
    if closing and closing.start(1) > 0:
        tail.insert(0, (number, last[closing.start(1):cut]))
        cut = closing.start(1)
    if not tail:
        return lines
    head = last[:cut]
    return lines[:at] + ([(number, head)] if head.strip() else []) + tail + lines[at + 1:]


# -- signature ------------------------------------------------------------------------

def _read_signature(lines: list[tuple[int, str]], start: int, report: Report) -> int:
    """Consume closing formula, issuer(s), date and note at the end; return the end of the body.

    Joint reports are signed by two bodies on two lines (中共某市委 / 某市人民政府).
    """
    end = len(lines)
    found: list[str] = []
    note = date = False
    issuers: list[str] = []
    while end > start and len(found) < 5:
        line = lines[end - 1][1]
        if not note and meta.is_publication_note(line):
            report.publication_note = line.strip().strip("()（）[]【】 ")
            note = True
        elif not date and (value := meta.parse_date(line)):
            report.date, date = value, True
        elif not date and meta.unreal_date(line):  # still the signature's date line; warned below
            date = True
        elif len(issuers) < 2 and meta.is_issuer(line) and not match_at(line):
            issuers.insert(0, line.strip())
        elif meta.is_closing(line):  # "特此报告。" belongs with the signature, not the last section
            found.append(line.strip())
            end -= 1
            break
        else:
            break
        found.append(line.strip())
        end -= 1
    if issuers:
        report.issuer = " ".join(issuers)
    report.signature = list(reversed(found))
    return end


def _use_hints(report: Report, hints: dict, diag: Diagnostics, last_line: int) -> None:
    """Issuer and date from the page's metadata (发布机构, 成文日期) when the signature has none."""
    if not report.issuer and hints.get("issuer"):
        report.issuer = hints["issuer"].strip()
        diag.note(last_line, f"no issuer in the text; the page's 发布机构 {report.issuer!r} is used")
    if not report.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", hints.get("date") or ""):
        report.date = hints["date"]
        diag.note(last_line, f"no date in the text; the page's 成文日期 {report.date} is used")


# -- reports without numbered headings ----------------------------------------------------

def _unnumbered(lines: list[tuple[int, str]], diag: Diagnostics) -> tuple[str, list[Section]]:
    """Parts from unnumbered heading lines; failing those, one section holding the whole text."""
    if not lines:
        return "", []
    heads = unnumbered_headings([text for _, text in lines])
    if not heads:
        diag.warn(lines[0][0], "no numbered or unnumbered headings found: the whole text is kept as "
                               "one section (an editor can divide it in the YAML)")
        section = Section(id="1", number="", title="", line=lines[0][0])
        section.text = "\n".join(p.text for p in _paragraphs(lines, diag))
        return "", [section]
    diag.warn(lines[heads[0]][0], f"no numbered headings: the structure was inferred from {len(heads)} "
                                  "unnumbered heading lines (short, no full stop, followed by text): check it")
    preamble = "\n".join(p.text for p in _paragraphs(lines[:heads[0]], diag))
    sections = []
    for n, at in enumerate(heads, start=1):
        number, title = lines[at]
        body = lines[at + 1:heads[n] if n < len(heads) else len(lines)]
        section = Section(id=str(n), number="", title=title.strip(), line=number)
        section.text = "\n".join(p.text for p in _paragraphs(body, diag))
        sections.append(section)
    return preamble, sections


# -- paragraphs ---------------------------------------------------------------------

def _paragraphs(lines: list[tuple[int, str]], diag: Diagnostics) -> list[Paragraph]:
    """One paragraph per line, except a line broken in mid-sentence, which is joined back."""
    paragraphs: list[Paragraph] = []
    for number, line in lines:
        text = line.strip()
        prev = paragraphs[-1] if paragraphs else None
        if prev and _bare_number(prev.text):
            diag.note(prev.line, f"heading number {prev.text!r} on a line of its own; "
                                 "joined to the next line")
            prev.text += text
        elif prev and _continues(prev.text, text):
            diag.note(number, "line joined to the previous one (broken in mid-sentence)")
            prev.text += text
        else:
            paragraphs.append(Paragraph(number, text))
    return paragraphs


def _bare_number(text: str) -> bool:
    """A line holding only a heading number ("一、"), its title on the next line."""
    enum = match_at(text)
    return bool(enum) and enum.end >= len(text)


def _continues(prev: str, text: str) -> bool:
    if len(prev) < 20 or prev[-1] in CLOSED_END or prev.startswith(BULLET_START):
        return False
    if text.startswith(BULLET_START) or match_at(text):
        return False
    enum = match_at(prev)
    if enum and "。" not in prev:  # a heading line, which ends without a full stop
        return False
    return True


def _report_missing(report: Report, diag: Diagnostics, lines: list[tuple[int, str]]) -> None:
    last_line = lines[-1][0] if lines else 1
    if not report.issuer:
        diag.warn(last_line, "no issuer found in a signature at the end of the text")
    ends = dict(lines[:6] + lines[-6:])  # where a date stands: under the title, in the signature
    unreal = [(n, line) for n, line in ends.items() if meta.unreal_date(line)]  # kept as text
    for number, line in unreal:
        diag.warn(number, f"{line.strip()!r} is not a real date (no such day): not taken as the date")
    if not report.date and not unreal:
        diag.warn(last_line, "no date found in a signature at the end of the text")
    if not report.addressee:
        diag.note(lines[0][0] if lines else 1, "no addressee line (such as 市人民政府:) found")
