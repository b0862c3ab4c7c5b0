"""recall@5 and MRR of a query set (tests/search/queries.yaml), shared by the test and bench."""

from __future__ import annotations

from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("queries.yaml")


def load_queries() -> list[dict]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [{**q, "q": str(q["q"]), "expect": [str(e) for e in q["expect"]]} for q in data["queries"]]


def score(queries: list[dict], ranked: list[list[str]], k: int = 5) -> dict:
    """Mean recall@k and MRR over queries that expect something; share of empty ones kept empty."""
    recalls, rranks, misses, empty_ok = [], [], [], []
    for query, got in zip(queries, ranked):
        if not query["expect"]:
            empty_ok.append(not got)
            if got:
                misses.append((query["q"], got[:k]))
            continue
        top = got[:k]
        recalls.append(sum(e in top for e in query["expect"]) / len(query["expect"]))
        rank = next((i + 1 for i, sid in enumerate(got) if sid in query["expect"]), None)
        rranks.append(1 / rank if rank else 0.0)
        if recalls[-1] < 1:
            misses.append((query["q"], top))
    return {"recall@5": sum(recalls) / len(recalls), "mrr": sum(rranks) / len(rranks),
            "empty_ok": sum(empty_ok) / max(1, len(empty_ok)), "misses": misses, "n": len(queries)}
