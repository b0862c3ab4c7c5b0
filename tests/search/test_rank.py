"""Ranking and snippets of the real search.js (run under node) on a small hand-made corpus."""

import pytest

from fixtures import corpus
from jsrun import ids, search_reports
from lawreport.core.script import to_hant


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rank")
    cache = {}

    def run(query, script="zh-Hans"):
        key = (query, script)
        if key not in cache:
            cache[key] = search_reports([corpus()], [{"query": query, "script": script}], tmp)[0]
        return cache[key]
    return run


def test_heading_hit_outranks_body_hits(search):
    # 1-2's heading says 合法性审核; 1-3 only mentions 审核 in its body
    assert ids(search("审核"))[0] == "1-2"


def test_item_is_preferred_over_its_parent_when_it_holds_all_hits(search):
    assert ids(search("包容审慎")) == ["1-3"]
    assert "1" not in ids(search("告知承诺制"))


def test_parent_is_found_when_the_terms_are_spread_over_its_items(search):
    # 公示 only in 1-1, 包容 only in 1-3: only their common parent holds both
    assert ids(search("公示 包容")) == ["1"]


def test_adjacent_terms_rank_above_scattered_ones(search):
    # both 1-2 and 1-3 hold 审核 and 执法; only 1-3 has them close together
    result = search("执法 审核")
    assert result["mode"] == "and"
    assert ids(result)[:1] == ["1-3"]


def test_and_first_then_or(search):
    result = search("包容 足球")
    assert result["mode"] == "or" and ids(result)[0] == "1-3"
    assert search("包容 审慎")["mode"] == "and"


def test_traditional_query_gives_the_same_results_as_simplified(search):
    for hans, hant in [("合法性审核", "合法性審核"), ("证明事项", "證明事項"), ("执法人员", "執法人員")]:
        assert ids(search(hant)) == ids(search(hans)) != []


def test_numbers_find_the_section_that_states_them(search):
    for number in ("5181万", "5181", "2711", "100%"):
        assert ids(search(number))[:1] == ["1-2"], number


def test_quoted_phrase_must_appear_as_written(search):
    assert ids(search("“审核率100%”")) == ["1-2"]
    assert ids(search('"审核 执法"')) == []


def test_query_cut_differently_from_the_text_still_matches(search):
    # 核率 straddles jieba's 审核|率 boundary: not a vocabulary word, found as a substring
    result = search("核率")
    assert ids(result) == ["1-2"]
    assert [t["kind"] for t in result["terms"]] == ["sub"]


def test_nothing_found(search):
    assert ids(search("区块链")) == []


def test_snippet_marks_the_terms_and_keeps_markup_as_text(search):
    hit = search("执法记录")["results"][0]
    assert hit["id"] == "2-1"
    text = "".join(s["text"] for s in hit["snippet"])
    assert "<script>alert(1)</script>" in text  # plain text segments; the page uses text nodes
    assert [s["text"] for s in hit["snippet"] if s["mark"]] == ["执法", "执法", "记录"]


def test_snippet_and_breadcrumb_in_traditional(search):
    hit = search("合法性审核", "zh-Hant")["results"][0]
    # the site's Traditional is OpenCC's (審覈 here), shown the same way in results
    assert [s["text"] for s in hit["snippet"] if s["mark"]][:1] == [to_hant("合法性审核")]
    assert "".join(s["text"] for s in hit["title"]) == to_hant("(二)加强合法性审核。")
    assert hit["breadcrumb"] == [to_hant(corpus().title), "一、主要舉措"]
