"""JSON export: the schema documented in README ("JSON export"), and script conversion."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lawreport.analyse.across.issuers import issuer_id
from lawreport.build.run import build
from lawreport.content import export

from lawreport.content import store
from lawreport.core.script import to_hans

ROOT = Path(__file__).resolve().parents[1]
SEED_YAML = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"

TOP_KEYS = {  # README, "JSON export": key -> allowed types
    "json_schema_version": (int,), "id": (str,), "title": (str,), "title_source": (str,),
    "issuer": (str,), "issuer_id": (str, type(None)), "addressee": (str,), "date": (str, type(None)), "year": (int, type(None)),
    "publication_note": (str,), "script": (str,), "source": (dict,), "preamble": (str,),
    "sections": (list,), "signature": (list,), "stripped": (list,),
}
SECTION_KEYS = {
    "id": (str,), "number": (str,), "title": (str,), "title_end": (str,), "level": (int,),
    "category": (str, type(None)), "text": (str,), "metrics": (list,), "children": (list,),
}


@pytest.fixture(scope="module")
def seed():
    return store.load(SEED_YAML)


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s["children"])


def test_top_level_schema(seed):
    data = json.loads(export.dumps(seed))
    assert set(data) == set(TOP_KEYS)
    for key, types in TOP_KEYS.items():
        assert isinstance(data[key], types), key
    assert data["json_schema_version"] == 1 and data["id"] == "zjg-2023"
    assert data["date"] == "2024-02-28" and data["year"] == 2023 and data["script"] == "zh-Hant"
    assert set(data["source"]) == {"file", "sha256", "encoding", "newline"}
    assert data["stripped"] == [{"line": 47, "text": "蘇公網安備 32058202010198號", "reason": "footer"}]
    assert all(isinstance(line, str) for line in data["signature"])


def test_section_schema_levels_and_categories(seed):
    data = json.loads(export.dumps(seed))
    sections = list(_sections(data["sections"]))
    assert len(sections) == len(list(seed.walk()))
    for s in sections:
        assert set(s) == set(SECTION_KEYS), s["id"]
        for key, types in SECTION_KEYS.items():
            assert isinstance(s[key], types), (s["id"], key)
        assert s["level"] == s["id"].count("-") + 1
        assert (s["category"] is not None) == (s["level"] == 1)
    assert [p["category"] for p in data["sections"]] == ["responsibilities", "measures", "shortcomings", "plan"]


def test_headings_and_bodies_reproduce_the_report_text(seed):
    data = json.loads(export.dumps(seed))
    pieces = [s["number"] + s["title"] + s["title_end"] + s["text"] for s in _sections(data["sections"])]
    expected = ["".join(sec.full_text().split("\n")[:1]) + sec.text for sec in seed.walk()]
    assert pieces == expected


def test_conversion_to_simplified(seed):
    data = json.loads(export.dumps(seed, "zh-Hans"))
    assert data["script"] == "zh-Hans" and data["converted_from"] == "zh-Hant"
    assert data["issuer"] == "张家港市人民政府" and data["addressee"] == "苏州市人民政府"
    assert data["sections"][0]["children"][0]["title"] == to_hans(seed.find("1-1").title)
    # identifiers and hashes are never converted
    assert [s["id"] for s in _sections(data["sections"])] == [s.id for s in seed.walk()]
    assert data["source"]["sha256"] == seed.source["sha256"]
    assert data["stripped"][0]["reason"] == "footer"


def test_no_conversion_to_the_stored_script(seed):
    assert "converted_from" not in json.loads(export.dumps(seed, "zh-Hant"))


def test_empty_date_is_null(seed):
    seed_copy = store.loads(SEED_YAML.read_text(encoding="utf-8").replace("date: '2024-02-28'\n", ""),
                            "report.yaml", "x")
    assert json.loads(export.dumps(seed_copy))["date"] is None


def test_output_is_deterministic_utf8_json(seed):
    text = export.dumps(seed)
    assert text == export.dumps(store.load(SEED_YAML)) and text.endswith("\n")
    assert "張家港" in text  # real characters, not \\u escapes


def test_issuer_id_is_the_one_given_else_the_yamls_else_null(seed):
    assert json.loads(export.dumps(seed))["issuer_id"] is None  # the seed's YAML has none
    assert json.loads(export.dumps(seed, issuer_id=issuer_id(seed)))["issuer_id"] == "zhangjiagang-shi"
    edited = store.loads(SEED_YAML.read_text(encoding="utf-8").replace(
        "issuer: 張家港市人民政府\n", "issuer: 張家港市人民政府\nissuer_id: suzhou-zhangjiagang\n"),
        "report.yaml", "zjg-2023")
    assert json.loads(export.dumps(edited))["issuer_id"] == "suzhou-zhangjiagang"
    assert json.loads(export.dumps(edited, "zh-Hans"))["issuer_id"] == "suzhou-zhangjiagang"


def test_cli_export_gives_the_derived_issuer_id(tmp_path):
    out = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "lawreport.cli", "export", str(SEED_YAML), "--json",
                             "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["issuer_id"] == "zhangjiagang-shi"


def test_site_downloads_carry_the_issuer_id(tmp_path):
    """report.json always has it (derived, or the editor's); report.yaml has it when the YAML has it."""
    content = tmp_path / "content" / "reports"
    for rid, extra in (("zjg-2023", ""), ("zjg-copy", "issuer_id: suzhou-zhangjiagang\n")):
        (content / rid).mkdir(parents=True)
        text = SEED_YAML.read_text(encoding="utf-8").replace("issuer: 張家港市人民政府\n",
                                                             "issuer: 張家港市人民政府\n" + extra)
        if extra:
            text = text.replace("year: 2023", "year: 2022")
        (content / rid / "report.yaml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build(tmp_path / "content", site, ROOT / "templates", log=lambda m: None)
    derived, edited = (json.loads((site / rid / "report.json").read_text(encoding="utf-8"))
                       for rid in ("zjg-2023", "zjg-copy"))
    assert derived["issuer_id"] == "zhangjiagang-shi" and edited["issuer_id"] == "suzhou-zhangjiagang"
    assert "issuer_id" not in (site / "zjg-2023" / "report.yaml").read_text(encoding="utf-8")
    assert store.loads((site / "zjg-copy" / "report.yaml").read_text(encoding="utf-8"), "report.yaml",
                       "zjg-copy").issuer_id == "suzhou-zhangjiagang"
