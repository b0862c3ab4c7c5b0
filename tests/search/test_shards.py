"""A sharded index answers every query exactly as the same index in one file (real search.js
under node), and a query loads only the shards it needs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from corpus_sites import synthetic_reports, write_index
from fixtures import site_pages
from jsrun import run_queries
from lawreport.search import format as shards
from lawreport.search.index import INDEX_FILE, SHARD_FROM_BYTES, index_files
from quality import load_queries

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from search_plan import ENGINE_FILES, download_plan  # noqa: E402  (a bench tool, not shipped)

REPORTS = 60
EXTRA = ["行政复议 人民调解", "执法 监督", "法治政府 建设", "合法性审核", "营商环境 优化", "区块链 执法",
         "\u201c放管服\u201d", "审核", "行政执法 公示", "复议 纠错", "矛盾纠纷 排查", "2023", "证明事项"]


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    reports = synthetic_reports(REPORTS, tmp_path_factory.mktemp("corpus"))
    whole = write_index(reports, tmp_path_factory.mktemp("whole"), shard_from=10**12)
    sharded = write_index(reports, tmp_path_factory.mktemp("sharded"), shard_from=SHARD_FROM_BYTES)
    return reports, whole, sharded


def queries(reports) -> list[dict]:
    qs = [{"query": q["q"], "limit": 50} for q in load_queries()] + [{"query": q, "limit": 50} for q in EXTRA]
    qs += [{**q, "script": "zh-Hant"} for q in qs[:15]]
    qs += [{"query": q, "limit": 50, "only": n} for q in EXTRA[:6] for n in (0, 7, len(reports) - 1)]
    return qs


def test_a_big_collection_is_sharded_and_a_small_one_is_not(indexes):
    reports, whole, sharded = indexes
    assert not (whole.parent / shards.FOLDER).exists()
    assert whole.stat().st_size > SHARD_FROM_BYTES  # so the default really shards it
    names = {p.name for p in (sharded.parent / shards.FOLDER).iterdir()}
    assert "meta.js" in names and len([n for n in names if n.startswith("t")]) > 10
    assert sharded.stat().st_size < whole.stat().st_size / 5
    assert list(index_files(reports[:1], site_pages())) == [INDEX_FILE]


def test_sharded_and_single_file_give_the_same_results_snippets_and_breadcrumbs(indexes):
    reports, whole, sharded = indexes
    qs = queries(reports)
    expected, got = run_queries(whole, qs), run_queries(sharded, qs)
    assert sum(1 for r in expected if r["results"]) > len(qs) * 0.7  # the queries do find things
    for q, want, have in zip(qs, expected, got):
        assert not want["loaded"], q  # (the sharded engine keeps what earlier queries loaded)
        del have["loaded"], want["loaded"]
        assert have == want, q


def test_a_two_term_query_loads_the_meta_and_its_term_shards_then_only_text_of_results(indexes):
    reports, _whole, sharded = indexes
    (result,) = run_queries(sharded, [{"query": "行政复议 人民调解", "limit": 20}])
    loaded = result["loaded"]
    assert loaded[0] == "meta" and result["results"]
    terms = [k for k in loaded if k.startswith("t")]
    blocks = [k for k in loaded if k.startswith("d")]
    assert 1 <= len(terms) <= 2
    manifest = json.loads(sharded.read_text(encoding="utf-8").split("=", 1)[1].rstrip().rstrip(";"))
    # text of the 20 results shown only: their sections, items and the headings above them
    assert len(blocks) <= 4 * 20 < manifest["shards"]["blocks"] / 10


def test_download_plan_names_the_files_the_engine_loads(indexes):
    reports, _whole, sharded = indexes
    site = sharded.parent
    for query in ["行政复议 人民调解", "執法監督", "法治政府 建设", "区块链", "\u201c放管服\u201d", "复议 纠错",
                  "区块链 执法", "审管执信 通办", "足球比赛"]:
        (result,) = run_queries(sharded, [{"query": query, "rankOnly": True}])
        plan = download_plan(site, query)
        engine = [site / f for f in ENGINE_FILES]
        assert plan[:len(engine) + 1] == engine + [site / INDEX_FILE]
        expect = {site / shards.FOLDER / f"{key}.js" for key in result["loaded"]}
        assert set(plan[len(engine) + 1:]) == expect, query


def test_download_plan_of_a_single_file_index_is_that_file(indexes):
    _reports, whole, _sharded = indexes
    assert download_plan(whole.parent, "行政复议") == [whole.parent / f for f in ENGINE_FILES] + [whole]


def test_a_word_outside_the_vocabulary_reads_only_the_scan_files_holding_its_character_pairs(indexes):
    reports, _whole, sharded = indexes
    (result,) = run_queries(sharded, [{"query": "足球比赛", "rankOnly": True}])
    scans = [k for k in result["loaded"] if k.startswith("s")]
    grams = [k for k in result["loaded"] if k.startswith("g")]
    assert result["results"] == [] and 1 <= len(grams) <= 3  # one n-gram shard per pair at most
    manifest = json.loads(sharded.read_text(encoding="utf-8").split("=", 1)[1].rstrip().rstrip(";"))
    assert len(scans) < manifest["shards"]["scans"]


def test_suggested_queries_are_the_same_without_the_postings_at_hand(indexes):
    _reports, whole, sharded = indexes
    (expected,), (got,) = run_queries(whole, [{"examples": 4}]), run_queries(sharded, [{"examples": 4}])
    assert got == expected and len(got) == 4


def test_shards_are_deterministic_scripts_that_register_themselves(indexes):
    reports, _whole, sharded = indexes
    first, again = index_files(reports[:20], site_pages(), shard_from=0), index_files(reports[:20], site_pages(), shard_from=0)
    assert first == again and len(first) > 20
    for rel, text in first.items():
        if rel == INDEX_FILE:
            assert text.startswith("window.__lawreportIndex={")
            continue
        key = rel.rsplit("/", 1)[1][:-3]
        assert rel.startswith(shards.FOLDER)
        assert text.startswith(f'(window.__lawreportShards=window.__lawreportShards||{{}})["{key}"]=')
