"""Title, addressee, signature (issuer, date, publication note) and the year covered.

All matching is on a Simplified, half-width copy; the values returned are the
source's own characters (the report keeps its script).
"""

from __future__ import annotations

import datetime as dt
import re

from lawreport.parse.chars import cn_digits_to_int, cn_to_int, fold
from lawreport.core.script import to_hans, to_hant

_DIGITS = r"\d〇零○一二三四五六七八九"
DATE = re.compile(  # "2024年2月28日", "二〇二四年二月二十八日", "（2024年2月28日）"
    rf"^\s*[(\[【]?\s*([{_DIGITS}]{{4}})\s*年\s*([\d一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"([\d一二三四五六七八九十]{{1,3}})\s*日\s*[)\]】]?\s*$")
NOTE = re.compile(r"^\s*[(\[【]?\s*(此件|本件)[^)\]】]{0,12}[)\]】]?\s*$")
ISSUER_END = re.compile(r"(人民政府|政府|委员会|办公室|办公厅|管委会|管理委员会|局|厅|委|党委|街道办事处|办事处|人民法院|检察院)$")
TITLE = re.compile(r"报告$")
TITLE_WORDS = re.compile(r"法治|依法行政|法制")
ADDRESSEE = re.compile(r"^[^。,;!?]{2,40}[:]\s*$")
YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年\s*度?")
YEAR_OF_WORK = re.compile(r"(\d{4})\s*年(?:度)?(?:是|以来|,|我[市区县旗]|全[市区县])")


def probe(text: str) -> str:
    return fold(to_hans(text)).strip()


def _written_date(line: str) -> tuple[int, int, int] | None:
    m = DATE.match(probe(line))
    if not m:
        return None
    return cn_digits_to_int(m.group(1)), cn_to_int(m.group(2)), cn_to_int(m.group(3))


def parse_date(line: str) -> str | None:
    """``YYYY-MM-DD`` of a date line, or None; a day that does not exist (2月30日) is no date."""
    written = _written_date(line)
    if not written or unreal_date(line):
        return None
    return "{:04d}-{:02d}-{:02d}".format(*written)


def unreal_date(line: str) -> bool:
    """A line written as a date whose day does not exist (2024年2月30日, 2024年13月45日)."""
    written = _written_date(line)
    if not written:
        return False
    try:
        dt.date(*written)
    except (ValueError, TypeError):  # TypeError: a part that is no number at all
        return True
    return False


def is_publication_note(line: str) -> bool:
    return bool(NOTE.match(probe(line)))


CLOSING = re.compile(r"^(特此报告|专此报告|以上报告|现予报告|妥否,请批示|请审阅|请审议)[。.!]?$")


def is_closing(line: str) -> bool:
    """The formula that closes a report before its signature ("特此报告。")."""
    return bool(CLOSING.match(probe(line)))


def is_issuer(line: str) -> bool:
    p = probe(line)
    return 2 <= len(p) <= 40 and not re.search(r"[。,;:!?]", p) and bool(ISSUER_END.search(p))


def is_title_line(line: str) -> bool:
    p = probe(line)
    return len(p) <= 80 and not re.search(r"[。;!?]", p) and bool(TITLE.search(p))


def is_title_start(line: str, following: str) -> bool:
    """A title split over two lines: this line plus the next ends in 报告."""
    p = probe(line)
    return (len(p) <= 60 and not re.search(r"[。;:!?]", p) and bool(TITLE_WORDS.search(p + following))
            and is_title_line(line + following))


def addressee_of(line: str) -> str | None:
    p = probe(line)
    if not ADDRESSEE.match(p) or len(p) > 40:
        return None
    return line.strip().rstrip(":：").strip()


def year_covered(title: str, preamble: str, body: str, date: str) -> int | None:
    for text in (title, preamble):
        m = YEAR_IN_TITLE.search(probe(text)) if text is title else YEAR_OF_WORK.search(probe(text))
        if m:
            return int(m.group(1))
    if date:
        return int(date[:4]) - 1
    m = YEAR_OF_WORK.search(probe(body))
    return int(m.group(1)) if m else None


def infer_title(issuer: str, year: int | None, script: str) -> str:
    hans_issuer = to_hans(issuer)
    if year:
        title = f"{hans_issuer}关于{year}年度法治政府建设情况的报告"
    else:
        title = f"{hans_issuer}关于法治政府建设情况的报告"
    return to_hant(title) if script == "zh-Hant" else title
