"""Property: damaged copies of real reports parse to what is certain, or fail with a clear error.

Lines are dropped, duplicated, swapped, broken or glued together, characters are deleted, noise
is injected.  The parser must then either return a report (whose text accounting holds: it is
checked inside parse_text) or raise LawreportError, never any other exception.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawreport.core.errors import LawreportError
from lawreport.parse import parse_text
from lawreport.parse.decode import decode

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "content" / "reports" / "zjg-2023" / "source.txt"] + sorted(
    (ROOT / "tests" / "fixtures" / "reports").glob("*/source.txt"))
TEXTS = [decode(p.read_bytes(), str(p)).text for p in SOURCES]
NOISE = ["苏公网安备 32058202010198号", "来源：市司法局", "【打印本页】", "（来源：某某市人民政府网站）", "一、", "（三）",
         "三是", "1.", "。", "\ufeff", "\u3000", "二〇二四年二月二十八日", "市人民政府：", "——"]


@st.composite
def damaged(draw) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "break", "glue", "cut", "noise"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif action == "break" and lines[i]:
            at = draw(st.integers(0, len(lines[i])))
            lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
        elif action == "glue" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
        elif action == "cut" and lines[i]:
            at = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:at] + lines[i][at + draw(st.integers(1, 5)):]
        elif action == "noise":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(NOISE)) + lines[i][at:]
    if draw(st.integers(0, 5)) == 0:
        return "".join(lines)  # every line break lost
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_reports_never_crash_or_lose_text(text):
    try:
        result = parse_text(text.encode("utf-8"), "source.txt", "damaged")
    except LawreportError as err:
        assert "\n" not in str(err) and str(err).startswith("source.txt")
        assert "parser bug" not in str(err), str(err)
        return
    assert result.report.sections
