"""No text lost, none invented: the parsed report plus its stripped noise must reproduce the source.

Whitespace is ignored (the parser trims and rejoins lines).  Stripped fragments
are taken out of the source line they were recorded on before comparing, which
is how they interleave: a footer line is gone whole, a watermark leaves the
rest of its line in place.  What remains of the source, in order, must equal
front + preamble + headings + bodies + signature, in order.
"""

from __future__ import annotations

import bisect
import re

from lawreport.core.errors import LawreportError
from lawreport.core.model import Report

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def check_accounting(source_text: str, report: Report, path: str) -> None:
    """Raise LawreportError naming the first source line whose text the report lost (or changed)."""
    rows = [squash(line) for line in source_text.split("\n")]
    for item in report.stripped:
        fragment = squash(item.text)
        row = rows[item.line - 1] if 0 < item.line <= len(rows) else ""
        at = row.find(fragment)
        if at < 0:
            raise LawreportError(f"parser bug: stripped text {item.text[:30]!r} is not on this line",
                                 path, item.line)
        rows[item.line - 1] = row[:at] + row[at + len(fragment):]
    starts, offset = [], 0
    for row in rows:
        starts.append(offset)
        offset += len(row)
    source = "".join(rows)
    parsed = squash(report.report_text())
    if source == parsed:
        return
    at = next((i for i, (a, b) in enumerate(zip(source, parsed)) if a != b), min(len(source), len(parsed)))
    line = bisect.bisect_right(starts, min(at, max(len(source) - 1, 0)))
    if at < len(source):
        lost = source[at:at + 20]
        raise LawreportError(f"parser bug: text {lost!r} from this line is missing from (or altered in) "
                             "the parsed report", path, line)
    raise LawreportError(f"parser bug: the parsed report has text that is not in the source: "
                         f"{parsed[at:at + 20]!r}", path, line)
