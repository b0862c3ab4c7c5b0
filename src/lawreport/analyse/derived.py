"""Figures computed from figures, only where the text pairs them.

- a rate from a received/resolved pair in one sentence (受理40785件, 化解40775件 -> 99.98%);
- a sum the text breaks down (完成108件…, 继续施行71件、拟修改16件、废止21件), checked:
  it passes when the parts add up to the total and fails visibly when they do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawreport.analyse.metrics import Metric, report_metrics
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report
from lawreport.core.script import HANS, convert

RECEIVED = ("受理", "收到", "接收", "接到", "登记", "收案", "立案", "排查", "收集", "申请", "申报")
RESOLVED = ("化解", "办结", "调处成功", "调解成功", "结案", "解决", "答复", "处理", "整改", "审结",
            "办理", "受理", "采纳", "通过", "成功")
TOTAL_WORDS = ("共", "共计", "合计", "总计", "累计")
SENTENCE_END = re.compile(r"[。!?！？;；\n]")
_CLAUSE_START = re.compile(r"[,，、:：;；。]")
MAX_GAP = 30  # characters between a total and its first part, or between two parts


@dataclass
class Derived:
    kind: str  # "rate" or "sum"
    section: str
    label: str
    value: float | int
    unit: str
    inputs: list[Metric] = field(default_factory=list)
    status: str = ""  # sums: "pass", "fail" or "partial" (其中… covers part of the total)
    formula: str = ""


def _sentence_of(norm: str, pos: int) -> int:
    return len(SENTENCE_END.findall(norm, 0, pos))


def _head(norm: str, start: int) -> str:
    """The clause before a figure (受理矛盾纠纷 for 受理矛盾纠纷40785件)."""
    cut = max((m.end() for m in _CLAUSE_START.finditer(norm, 0, start)), default=0)
    return norm[cut:start]


def _verb(head: str, verbs: tuple[str, ...]) -> str | None:
    found = [(head.rfind(v), v) for v in verbs if v in head]
    return max(found)[1] if found else None


def _num(value) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def rates(norm: str, metrics: list[Metric], section_id: str, script: str = HANS) -> list[Derived]:
    out = []
    for i, a in enumerate(metrics):
        got = _verb(_head(norm, a.start), RECEIVED)
        if not got or a.unit in ("%", "‰") or not a.value:
            continue
        for b in metrics[i + 1:]:
            if _sentence_of(norm, b.start) != _sentence_of(norm, a.start):
                break
            done = _verb(_head(norm, b.start), RESOLVED)
            if b.unit == a.unit and done and done != got and 0 <= b.value <= a.value:
                rate = round(b.value / a.value * 100, 2)
                out.append(Derived("rate", section_id, convert(f"{done}率", HANS, script), rate, "%", [a, b],
                                   formula=f"{_num(b.value)} ÷ {_num(a.value)} = {_num(rate)}%"))
                break
    return out


def sums(norm: str, metrics: list[Metric], section_id: str) -> list[Derived]:
    out, used = [], set()
    for i, total in enumerate(metrics):
        if total.id in used:
            continue  # a part of one breakdown is not the total of another
        sentence = _sentence_of(norm, total.start)
        parts, last_end = [], total.end
        for m in metrics[i + 1:]:
            if _sentence_of(norm, m.start) != sentence or m.unit != total.unit or \
                    m.start - last_end > MAX_GAP:
                break
            parts.append(m)
            last_end = m.end
        before = []
        if not parts and any(w in _head(norm, total.start) for w in TOTAL_WORDS):
            for m in reversed(metrics[:i]):  # parts listed first, then 共计 the total
                if _sentence_of(norm, m.start) != sentence or m.unit != total.unit:
                    break
                before.insert(0, m)
            parts = before
        if len(parts) < 2 or any(p.value >= total.value for p in parts) or total.unit in ("%", "‰"):
            continue
        added = sum(p.value for p in parts)
        between = norm[total.end:parts[0].start] if not before else ""
        if added == total.value:
            status = "pass"
        elif "其中" in between and added < total.value:
            status = "partial"
        else:
            status = "fail"
        sign = {"pass": "=", "partial": "≤", "fail": "≠"}[status]
        formula = " + ".join(_num(p.value) for p in parts) + f" {sign} {_num(total.value)}"
        used.update(p.id for p in parts)
        out.append(Derived("sum", section_id, total.label, added, total.unit, [total] + parts,
                           status=status, formula=formula))
    return out


def derive(report: Report) -> list[Derived]:
    """Rates and sum checks of every section, in reading order."""
    by_section: dict[str, list[Metric]] = {}
    for m in report_metrics(report):
        by_section.setdefault(m.section, []).append(m)
    out = []
    for section in report.walk():
        metrics = by_section.get(section.id, [])
        if len(metrics) < 2:
            continue
        norm = matching_copy(section.text)
        out.extend(rates(norm, metrics, section.id, report.script))
        out.extend(sums(norm, metrics, section.id))
    return out
