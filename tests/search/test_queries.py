"""Search quality on the seed: every query of queries.yaml, through the real search.js."""

from pathlib import Path

from jsrun import ids, search_reports
from lawreport.content import store
from quality import load_queries, score

ROOT = Path(__file__).resolve().parents[2]

# Floors: every expected section in the top 5, and the first relevant hit on average near rank 1.
RECALL_AT_5_FLOOR = 1.0
MRR_FLOOR = 0.9


def test_query_set_is_big_and_varied_enough():
    queries = load_queries()
    kinds = {q["kind"] for q in queries}
    assert len(queries) >= 30
    assert {"hans", "hant", "sub", "number", "multi", "phrase", "none"} <= kinds


def test_recall_at_5_and_mrr_on_the_seed(tmp_path):
    report = store.load(ROOT / "content/reports/zjg-2023/report.yaml", "zjg-2023")
    queries = load_queries()
    results = search_reports([report], [q["q"] for q in queries], tmp_path)
    figures = score(queries, [ids(r) for r in results])
    assert figures["recall@5"] >= RECALL_AT_5_FLOOR, figures["misses"]
    assert figures["mrr"] >= MRR_FLOOR, figures
    assert figures["empty_ok"] == 1.0, figures["misses"]
