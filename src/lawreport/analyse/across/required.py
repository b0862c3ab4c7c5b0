"""Required contents: what the 2019 法治政府建设与责任落实督察工作规定 asks of the annual report,
and whether each report has it.

Article 25 lists five contents; each is found by the category of the report's top-level parts
(``parse.classify``):

    measures          上一年度推进法治政府建设的主要举措和成效
    shortcomings      存在的不足和原因 (whether causes are stated, 原因 in the part, is shown apart)
    responsibilities  党政主要负责人履行推进法治建设第一责任人职责情况
    plan              下一年度推进法治政府建设的主要安排
    other             其他需要报告的情况 (only when there is any: its absence is no gap)

Article 24 asks for the report in the first quarter of the following year: the signature date
is compared with 31 March of year + 1 (``on_time``, ``late``, or ``unknown`` without a date or
a year).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

REQUIRED = ("measures", "shortcomings", "responsibilities", "plan")
OPTIONAL = ("other",)
CONTENTS = REQUIRED + OPTIONAL


@dataclass
class Required:
    report: Report
    parts: dict[str, list[str]] = field(default_factory=dict)  # content -> ids of its parts
    causes_stated: bool = False
    deadline: str = ""  # YYYY-03-31 of the following year, "" without a year
    timing: str = "unknown"  # on_time, late, unknown

    @property
    def missing(self) -> list[str]:
        return [c for c in REQUIRED if not self.parts.get(c)]

    @property
    def complete(self) -> bool:
        return not self.missing


def check(report: Report) -> Required:
    out = Required(report, {c: [p.id for p in report.sections if p.category == c] for c in CONTENTS})
    out.causes_stated = any("原因" in matching_copy(p.full_text())
                            for p in report.sections if p.category == "shortcomings")
    if report.year:
        out.deadline = f"{report.year + 1}-03-31"
        if report.date:
            out.timing = "on_time" if report.date <= out.deadline else "late"
    return out


def across(reports: list[Report]) -> list[Required]:
    """One row per report: newest year first, then by id."""
    ordered = sorted(reports, key=lambda r: r.id)
    ordered.sort(key=lambda r: r.year or 0, reverse=True)
    return [check(r) for r in ordered]
