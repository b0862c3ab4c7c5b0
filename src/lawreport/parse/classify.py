"""Category of a top-level part from what its heading says, not where it stands.

Rules run in order; the first that matches wins.  Shortcomings and plans are
tested first because their headings often also name the work they are about.
"""

from __future__ import annotations

import re

from lawreport.parse.metadata import probe

RULES = [
    # "其他需要报告的情况", the last part of the statutory outline
    ("other", re.compile(r"^(其他|其它)")),
    ("shortcomings", re.compile(r"不足|存在.{0,8}问题|问题和原因|问题及原因|短板|薄弱环节|差距|困难和问题|"
                                r"问题与不足")),
    ("plan", re.compile(r"打算|安排|计划|思路|下一步|下步|今后|展望|明年|工作重点|重点工作|努力方向")),
    ("responsibilities", re.compile(r"第一责任人|主要负责人|履行.{0,10}职责|党政.{0,6}负责")),
    ("measures", re.compile(r"举措|成效|主要工作|工作情况|进展|成绩|做法|基本情况|建设情况|开展情况|情况$|"
                            r"^(强化|加强|推进|深化|健全|完善|坚持|提升|提高|优化|推动|严格|规范|全面|持续|"
                            r"着力|聚焦|坚决|扎实|不断|切实|创新|落实|构建|打造|夯实|筑牢|做优|做实|多元)")),
]


_YEAR = re.compile(r"(\d{4})\s*年")
# "2024年工作" with no other clue: work for a year after the one reported on is a plan.
_YEAR_WORK = re.compile(r"\d{4}\s*年度?.{0,12}(工作|推进|主要)")


def is_unrecognised(title: str, year: int | None = None) -> bool:
    """Did no rule recognise this heading ("other" by default rather than by the 其他 rule)?"""
    return classify(title, year) == "other" and not RULES[0][1].search(probe(title))


def classify(title: str, year: int | None = None) -> str:
    p = probe(title)
    years = {int(y) for y in _YEAR.findall(p)}
    if year and year + 1 in years:
        return "plan"
    for category, pattern in RULES:
        # a heading naming the year reported on describes that year's work, not a plan
        if category == "plan" and year in years:
            continue
        if pattern.search(p):
            return category
    if _YEAR_WORK.search(p) and (year is None or max(years) > year):
        return "plan"
    return "other"
