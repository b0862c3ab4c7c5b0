"""Documents across spellings, and the required-contents table."""

from __future__ import annotations

from lawreport.analyse.across import documents, required

from .html import rows

GANGYAO = "法治政府建设实施纲要(2021-2025年)"


def test_spellings_are_one_document(across_reports):
    docs = {d.key: d for d in documents.across(list(across_reports.values()))}
    gangyao = docs[GANGYAO]
    # —, -, －, 〔〕 and () spellings of the fixtures, one document
    assert {"wujiang-2021", "wujiang-2022", "wujiang-2023", "kunshan-2023", "taicang-2023"} <= set(gangyao.report_ids)
    assert len(gangyao.spellings) >= 5


def test_document_page_lists_each_citing_report(across_site):
    page = across_site / "documents" / documents.doc_id(GANGYAO) / "index.html"
    table = rows(page, "citing")
    cited = [r["attrs"]["data-report"] for r in table]
    assert sorted(cited) == sorted(set(cited))
    assert {"wujiang-2021", "wujiang-2022", "wujiang-2023", "kunshan-2023", "taicang-2023"} <= set(cited)
    kunshan = next(r for r in table if r["attrs"]["data-report"] == "kunshan-2023")
    assert "../../kunshan-2023/1-1/index.html" in kunshan["links"]
    assert "〔2021-2025年〕" in kunshan["cells"][3]
    listing = (across_site / "documents" / "index.html").read_text(encoding="utf-8")
    assert documents.doc_id(GANGYAO) in listing


def test_required_contents(across_reports):
    checks = {q.report.id: q for q in required.across(list(across_reports.values()))}
    assert checks["kunshan-2023"].missing == ["responsibilities"]  # no 第一责任人 part
    assert checks["kunshan-2023"].timing == "late"  # 2024-04-08, after 31 March
    assert checks["taicang-2023"].complete and checks["taicang-2023"].timing == "on_time"
    assert checks["wujiang-2022"].causes_stated  # 存在的问题和原因
    assert not checks["wujiang-2021"].causes_stated
    assert checks["wujiang-2021"].parts["responsibilities"] == ["1"]


def test_required_table(across_site):
    table = {r["attrs"]["data-report"]: r for r in rows(across_site / "required" / "index.html", "required")}
    assert len(table) == 6
    kunshan = table["kunshan-2023"]
    assert kunshan["attrs"]["class"] == "check-fail"
    assert kunshan["cells"][3] == "缺" and kunshan["cells"][-1].startswith("逾期")
    assert table["taicang-2023"]["cells"][-1].startswith("按期")
    hant = (across_site / "zh-hant" / "required" / "index.html").read_text(encoding="utf-8")
    assert "規定內容核對" in hant
