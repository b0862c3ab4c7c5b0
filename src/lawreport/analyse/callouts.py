"""Which figures to show as callout cards, and how a figure reads when shown.

The rule (``telling``): a percentage or a sum of money says most about results, then counts,
then durations; within a kind a larger figure says more (log scale, so 40785 cases do not
drown 164 trained officials); a figure whose label is a bare verb (化解, 废止) reads badly
on its own and ranks lower.  Cards take the best figures in that order, at most
``PER_SECTION`` from any one section so that one busy paragraph does not fill the row.
Durations (连续三年, 5个工作日) qualify another figure and are never a card on their own.
"""

from __future__ import annotations

import math

from lawreport.analyse import numbers as num
from lawreport.analyse.metrics import Metric
from lawreport.analyse.units import kind
from lawreport.core.script import HANS, convert, to_hans

KIND_WEIGHT = {"percent": 3.0, "money": 3.0, "count": 2.0, "duration": 1.0}
CARDS_REPORT = 6
CARDS_SECTION = 3
PER_SECTION = 1
_VERBISH_LABEL = 2  # labels this short are usually a verb (化解, 废止)


def telling(m: Metric) -> float:
    unit_kind = kind(to_hans(m.unit))
    score = KIND_WEIGHT[unit_kind]
    if unit_kind == "percent":
        score += min(float(m.value), 100.0) / 100
    else:
        score += math.log10(max(float(m.value), 1.0)) / 4
    if len(m.label) <= _VERBISH_LABEL:
        score -= 1.0
    return score


def choose(metrics: list[Metric], limit: int, per_section: int = PER_SECTION) -> list[Metric]:
    """The ``limit`` most telling figures, at most ``per_section`` from one section, in reading order."""
    ranked = sorted(((i, m) for i, m in enumerate(metrics) if kind(to_hans(m.unit)) != "duration"),
                    key=lambda im: (-telling(im[1]), im[0]))
    taken: list[tuple[int, Metric]] = []
    per: dict[str, int] = {}
    for i, m in ranked:
        if per.get(m.section, 0) < per_section:
            taken.append((i, m))
            per[m.section] = per.get(m.section, 0) + 1
        if len(taken) == limit:
            break
    return [m for _, m in sorted(taken, key=lambda im: im[0])]


def value_text(m: Metric, script: str = HANS) -> str:
    """The normalised value without unit: 51810000 元 -> '5181万' ('5181萬' in Traditional),
    2711 -> '2,711'."""
    if kind(to_hans(m.unit)) == "money" and abs(m.value) >= 10_000:
        return convert(num.format_cn(m.value), HANS, script)
    return num.format_value(m.value)


def qualifier_text(m: Metric, script: str) -> str:
    return convert(num.QUALIFIER_ZH[m.qualifier], HANS, script) if m.qualifier else ""


def tip(m: Metric, label: str, unit: str, script: str) -> str:
    """What hovering or focusing a figure shows: 涉及金额：超过 5181万 元 (51,810,000)."""
    exact = num.format_value(m.value)
    shown = value_text(m, script)
    extra = f"（{exact}）" if shown != exact else ""
    q = qualifier_text(m, script)
    return f"{label}：{q}{shown} {unit}{extra}".strip()
