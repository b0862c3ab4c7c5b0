"""The whole parse stage on the bundled Zhangjiagang report (Traditional script, half-width punctuation)."""

from __future__ import annotations

from pathlib import Path

from lawreport.parse import parse_text
from lawreport.core.script import to_hans

SEED = Path(__file__).resolve().parents[2] / "content" / "reports" / "zjg-2023"
SEED_SOURCE, SEED_YAML = SEED / "source.txt", SEED / "report.yaml"

SUBSECTIONS = {  # exactly as in the source (Traditional script, half-width comma)
    "1": ["加強法治政府建設統籌部署", "提升“關鍵少數”依法行政能力", "以法治督察推動依法行政工作"],
    "2": ["堅持黨的全面領導,統籌推進法治政府建設", "嚴格規范行政決策,提供高質量制度供給",
          "提高行政執法能力,嚴格規范公正文明執法", "營造最優營商環境,持續放大比較優勢",
          "多元化解矛盾糾紛,著力維護和諧穩定", "加強行政檢查監督,規范行政權力運行"],
    "3": ["法治政府建設體制機制有待加強", "行政執法規范化水平還有待提升", "行政訴訟案件“兩降一升”有待持續推進"],
    "4": ["深入學習貫徹黨的二十大精神和習近平法治思想", "開展行政執法突出問題專項整治",
          "全力做好行政訴訟“兩降一升”工作"],
}
ITEMS = {"2-1": 3, "2-2": 4, "2-3": 2, "2-4": 5, "2-5": 3, "2-6": 2}


def test_four_parts_with_categories(seed_result):
    parts = seed_result.report.sections
    assert [p.id for p in parts] == ["1", "2", "3", "4"]
    assert [p.number for p in parts] == ["一、", "二、", "三、", "四、"]
    assert [p.category for p in parts] == ["responsibilities", "measures", "shortcomings", "plan"]
    assert to_hans(parts[3].title) == "2024年度推进法治政府建设的主要安排"


def test_fifteen_subsections_with_source_titles(seed_result):
    report = seed_result.report
    for part in report.sections:
        assert [s.title for s in part.children] == SUBSECTIONS[part.id]
        assert [s.id for s in part.children] == [f"{part.id}-{i}" for i in range(1, len(part.children) + 1)]
    assert sum(len(p.children) for p in report.sections) == 15


def test_items_under_part_two(seed_result):
    report = seed_result.report
    for sub_id, count in ITEMS.items():
        items = report.find(sub_id).children
        assert [i.id for i in items] == [f"{sub_id}-{n}" for n in range(1, count + 1)]
        assert all(i.number == f"{n}." and i.title_end == "。" for n, i in enumerate(items, 1))
    assert to_hans(report.find("2-4-5").title) == "依法包容审慎监管"
    # subsections of the other parts are run-in headings with a body and no items
    assert report.find("3-2").title_end == "。" and report.find("3-2").text
    assert not any(s.children for s in report.find("1").children)


def test_metadata(seed_result):
    report = seed_result.report
    assert to_hans(report.addressee) == "苏州市人民政府"
    assert to_hans(report.issuer) == "张家港市人民政府"
    assert report.date == "2024-02-28"
    assert report.year == 2023
    assert to_hans(report.publication_note) == "此件公开发布"
    assert report.script == "zh-Hant"
    assert report.title_source == "inferred"
    assert to_hans(report.title) == "张家港市人民政府关于2023年度法治政府建设情况的报告"
    assert report.source["encoding"] == "utf-8" and report.source["newline"] == "LF"


def test_footer_stripped_and_recorded(seed_result):
    stripped = seed_result.report.stripped
    assert [(s.line, s.reason) for s in stripped] == [(47, "footer")]
    assert "32058202010198" in stripped[0].text
    assert "公網安備" not in seed_result.report.report_text()


def test_stray_point_is_kept_and_warned_at_line_32(seed_result):
    report = seed_result.report
    warnings = seed_result.diagnostics.warnings
    assert [(w.line, w.message.split(":")[0]) for w in warnings] == [(32, "enumeration")]
    assert "'三是'" in warnings[0].message and "2-6-2" in warnings[0].message
    assert "三是強化行政應訴能力建設" in report.find("2-6-2").text
    assert report.find("2-6-3") is None


def test_simplified_rendering_reads_as_the_original(seed_result):
    text = to_hans(seed_result.report.report_text())
    for phrase in ("关于法治政府建设决策部署", "领导干部", "后塍街道", "张家港"):
        assert phrase in text
    assert "後塍" not in text and "幹部" not in text


def test_bundled_yaml_is_what_lawreport_parse_writes(run_cli):
    code, out, err = run_cli("parse", SEED_SOURCE, "--id", "zjg-2023")
    assert code == 0
    assert out == SEED_YAML.read_text(encoding="utf-8")
    assert f"{SEED_SOURCE}:32: warning: enumeration:" in err


def test_crlf_and_bom_give_the_same_report(seed_result):
    data = SEED_SOURCE.read_bytes()
    variant = parse_text(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), "s.txt", "zjg-2023").report
    assert variant.source["newline"] == "CRLF" and variant.source["encoding"] == "utf-8-sig"
    assert [(s.id, s.title, s.text) for s in variant.walk()] == \
        [(s.id, s.title, s.text) for s in seed_result.report.walk()]


def test_simplified_full_width_copy_parses_alike(seed_result):
    """The same report converted to Simplified with full-width punctuation and digits."""
    from lawreport.core.normalise import _WIDTH_TABLE as _FOLD

    unfold = {v: k for k, v in _FOLD.items()}
    text = to_hans(SEED_SOURCE.read_text(encoding="utf-8"))
    text = "".join(chr(unfold.get(ord(c), ord(c))) if c in "(),.:;0123456789" else c for c in text)
    result = parse_text(text.encode("utf-8"), "s.txt", "x")
    report = result.report
    assert report.script == "zh-Hans"
    assert [s.id for s in report.walk()] == [s.id for s in seed_result.report.walk()]
    assert report.find("2-1").number == "（一）" and report.find("2-1-1").number == "１．"
    assert report.date == "2024-02-28" and report.issuer == "张家港市人民政府"
    assert [w.line for w in result.diagnostics.warnings] == [32]
