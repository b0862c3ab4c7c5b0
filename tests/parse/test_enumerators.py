"""parse.enumerators: the genre's numbering in every width and with the damage copies show."""

from __future__ import annotations

import pytest

from lawreport.parse.enumerators import enumeration_runs, find_points, match_at


@pytest.mark.parametrize("text, kind, value, written", [
    ("一、主要举措", "part", 1, "一、"), ("一.主要举措", "part", 1, "一."), ("十一、其他", "part", 11, "十一、"),
    ("（一）加强", "subsection", 1, "（一）"), ("(一) 加强", "subsection", 1, "(一)"),
    ("( 一 )加强", "subsection", 1, "( 一 )"), ("一）加强", "subsection", 1, "一）"), ("一)加强", "subsection", 1, "一)"),
    ("（十二）加强", "subsection", 12, "（十二）"),
    ("1.加强", "item", 1, "1."), ("1、加强", "item", 1, "1、"), ("1．加强", "item", 1, "1．"), ("１．加强", "item", 1, "１．"),
    ("12.加强", "item", 12, "12."),
    ("（1）加强", "subitem", 1, "（1）"), ("(1)加强", "subitem", 1, "(1)"), ("1)加强", "subitem", 1, "1)"),
    ("（１）加强", "subitem", 1, "（１）"), ("①加强", "circled", 1, "①"), ("⑫加强", "circled", 12, "⑫"),
])
def test_enumerators(text, kind, value, written):
    enum = match_at(text)
    assert (enum.kind, enum.value, enum.text) == (kind, value, written)
    assert text[enum.end:].startswith("加强") or text[enum.end:] in ("主要举措", "其他")


@pytest.mark.parametrize("text", [
    "1.2万件", "3、4月份", "2023年", "一、二等奖", "一、二季度，全市", "(2021—2025年)", "第一，加强", "一是加强",
    "二〇二四年", "（此件公开发布）", "“十四五”规划",
])
def test_not_enumerators(text):
    assert match_at(text) is None


def test_match_at_an_offset():
    text = "开会3次。（二）规范执法"
    enum = match_at(text, 5)
    assert (enum.kind, enum.value) == ("subsection", 2) and text[enum.end:] == "规范执法"


def test_points_and_runs():
    text = "一是带头学法；二是带头述法；三是带头督法。另外，四是"
    points = find_points(text)
    assert [p.marker for p in points] == ["一是", "二是", "三是", "四是"]
    runs, strays = enumeration_runs(points)
    assert [[p.value for p in run] for run in runs] == [[1, 2, 3, 4]] and strays == []


def test_a_point_that_starts_no_run_is_a_stray():
    points = find_points("全年评查案卷。三是强化应诉能力。一是开会；二是发文。")
    runs, strays = enumeration_runs(points)
    assert [p.marker for p in strays] == ["三是"]
    assert [[p.value for p in run] for run in runs] == [[1, 2]]


def test_points_only_at_clause_starts():
    assert find_points("统一是关键，唯一是标准。") == []
