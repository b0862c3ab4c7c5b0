"""Dated events in calendar order: 5月, 6月初, 5月中旬, 6月下旬, 12月底, 3月和10月, 年内, 年初…

Each date is read in the Simplified copy and kept as an exact span of the stored text, with
the clause it dates (up to the end of its sentence).  A date inside a document title or a
quotation (《…2023年…》) is a name, not an event.  Months are ordered by the part of the
month named (初 < 上旬 < plain < 中旬 < 下旬 < 底); events of the whole year (年内, 全年)
come last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report
from lawreport.parse.chars import cn_to_int

_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
PHASE_ORDER = {"初": 1, "上旬": 5, "": 10, "份": 10, "中旬": 15, "中": 15, "下旬": 25, "底": 30, "末": 30}
DATE = re.compile(
    rf"(?:(?P<year>(?:19|20)\d\d)年(?!度))?"
    rf"(?P<month>{_MONTH})月(?:(?P<day>[12]?\d|3[01])日)?(?P<phase>初|上旬|中旬|下旬|底|末|份)?"
    rf"(?:(?:和|、|至|到|-)(?P<month2>{_MONTH})月(?P<phase2>初|上旬|中旬|下旬|底|末|份)?)?"
    rf"|(?P<whole>年内|年初|年中|年底|年末|上半年|下半年|全年)"
)
WHOLE_YEAR = {"年初": (1, 1), "上半年": (6, 20), "年中": (6, 30), "下半年": (12, 5), "年底": (12, 30),
              "年末": (12, 30), "年内": (13, 0), "全年": (13, 0)}
SENTENCE_END = "。;!?；！？\n"


@dataclass
class Event:
    section: str
    when: str  # the date as written (stored text)
    what: str  # the clause it dates (stored text)
    start: int
    end: int
    year: int | None
    month: int  # 13: some time in the year
    order: int  # within the month
    second: bool = False  # the second month of 3月和10月


def _month(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def _protected(norm: str) -> list[tuple[int, int]]:
    spans = []
    for open_, close in (("《", "》"), ("“", "”"), ("(", ")")):
        for m in re.finditer(re.escape(open_) + r"[^" + re.escape(close) + r"]*" + re.escape(close), norm):
            if open_ != "(" or re.search(r"\d{4}", m.group()):  # (2023年版) is part of a title
                spans.append(m.span())
    return spans


def _what(text: str, norm: str, end: int) -> str:
    stop = end
    while stop < len(norm) and norm[stop] not in SENTENCE_END:
        stop += 1
    what = text[end:stop].lstrip(",，、 ")
    return what if len(what) <= 90 else what[:88] + "…"


def events(report: Report) -> list[Event]:
    out = []
    for position, section in enumerate(report.walk()):
        text = section.text
        norm = matching_copy(text)
        protected = _protected(norm)
        for m in DATE.finditer(norm):
            if any(a <= m.start() < b for a, b in protected):
                continue
            if m.start() > 0 and norm[m.start() - 1].isdigit():
                continue
            if m.group("whole"):
                if m.group("whole") in ("全年", "年内") and not _dates_event(norm, m.end()):
                    continue
                month, order = WHOLE_YEAR[m.group("whole")]
                year = report.year
            else:
                month, order = _month(m.group("month")), PHASE_ORDER[m.group("phase") or ""]
                if m.group("day"):
                    order = int(m.group("day"))
                year = int(m.group("year")) if m.group("year") else report.year
            what = _what(text, norm, m.end())
            out.append(Event(section.id, text[m.start():m.end()], what, m.start(), m.end(),
                             year, month, order))
            if m.group("month2"):
                out.append(Event(section.id, text[m.start():m.end()], what, m.start(), m.end(), year,
                                 _month(m.group("month2")), PHASE_ORDER[m.group("phase2") or ""], True))
    order_of = {s.id: i for i, s in enumerate(report.walk())}
    return sorted(out, key=lambda e: (e.year or 0, e.month, e.order, order_of[e.section], e.start))


def _dates_event(norm: str, end: int) -> bool:
    """年内 / 全年 date an event only at the head of a clause (年内审核完成…), not in 全年共…人."""
    return end < len(norm) and norm[end] not in "共累计"
