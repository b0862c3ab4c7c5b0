"""parse.classify: categories of top-level parts by what the heading says."""

from __future__ import annotations

import pytest

from lawreport.parse.classify import classify, is_unrecognised
from lawreport.core.script import to_hant


@pytest.mark.parametrize("title, year, category", [
    ("党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设情况", 2023, "responsibilities"),
    ("主要举措和成效", 2023, "measures"),
    ("2023年法治政府建设主要工作", 2023, "measures"),
    ("2023年度法治政府建设工作情况", 2023, "measures"),
    ("强化组织保障，夯实法治建设根基", 2023, "measures"),
    ("推进严格规范公正文明执法，提升执法质效", 2023, "measures"),
    ("存在不足和原因", 2023, "shortcomings"),
    ("存在的主要问题", 2023, "shortcomings"),
    ("存在的问题和下一步工作打算", 2023, "shortcomings"),
    ("2024年度推进法治政府建设的主要安排", 2023, "plan"),
    ("下一步工作打算", 2023, "plan"),
    ("2024年工作", 2023, "plan"),
    ("2024年工作", None, "plan"),
    ("其他需要说明的事项", 2023, "other"),
    ("其他需要报告的情况", 2023, "other"),
])
def test_classify(title, year, category):
    assert classify(title, year) == category
    assert classify(to_hant(title), year) == category


def test_covered_year_is_not_a_plan_even_with_plan_words():
    assert classify("2023年重点工作推进情况", 2023) == "measures"
    assert classify("2023年重点工作推进情况", 2022) == "plan"


def test_only_unrecognised_headings_are_flagged():
    assert is_unrecognised("关于若干事项", 2023)
    assert not is_unrecognised("其他需要报告的情况", 2023)  # recognised as "other" by its own rule
    assert not is_unrecognised("主要举措和成效", 2023)
