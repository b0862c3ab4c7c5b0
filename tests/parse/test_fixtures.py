"""Fixture reports of other governments and years, each with its own layout, parse as expected.

Each folder of tests/fixtures/reports/ holds ``source.txt`` (bytes as a site would serve them:
UTF-8, GBK, UTF-16) and ``expected.yaml`` (metadata, outline, every warning, stripped lines).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from lawreport.content import store
from lawreport.parse import parse_source
from lawreport.parse.accounting import squash
from lawreport.parse.decode import decode
from lawreport.core.script import to_hans

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
NAMES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.yaml").exists())


def _parsed(name: str):
    return parse_source(FIXTURES / name / "source.txt", name)


def _expected(name: str) -> dict:
    return yaml.safe_load((FIXTURES / name / "expected.yaml").read_text(encoding="utf-8"))


def test_there_are_at_least_six_fixtures():
    assert len(NAMES) >= 6


@pytest.mark.parametrize("name", NAMES)
def test_metadata_and_source(name):
    report, expected = _parsed(name).report, _expected(name)
    for key, value in expected["metadata"].items():
        assert getattr(report, key) == value, key
    assert report.source["encoding"] == expected["encoding"]
    assert report.source["newline"] == expected["newline"]


@pytest.mark.parametrize("name", NAMES)
def test_outline(name):
    report, expected = _parsed(name).report, _expected(name)
    sections = list(report.walk())
    assert len(sections) == len(expected["outline"])
    for section, line in zip(sections, expected["outline"]):
        sid, number, rest = line.split(" ", 2)
        category = None
        if rest.endswith("]"):
            rest, category = rest[:-1].rsplit(" [", 1)
        assert (section.id, section.number, section.category) == (sid, number, category)
        if rest.endswith("…"):  # a heading the parser cannot delimit: only its start is certain
            assert section.title.startswith(rest[:-1])
        else:
            assert section.title == rest


@pytest.mark.parametrize("name", NAMES)
def test_every_warning_is_expected(name):
    result, expected = _parsed(name), _expected(name)
    found = [f"{w.line}: {w.message}" for w in result.diagnostics.warnings]
    assert len(found) == len(expected["warnings"]), found
    for message, prefix in zip(found, expected["warnings"]):
        assert message.startswith(prefix)


@pytest.mark.parametrize("name", NAMES)
def test_stripped_lines(name):
    report, expected = _parsed(name).report, _expected(name)
    assert [f"{s.line} {s.reason}" for s in report.stripped] == expected["stripped"]


@pytest.mark.parametrize("name", NAMES)
def test_round_trips_through_yaml(name, tmp_path):
    report = _parsed(name).report
    text = store.dumps(report)
    (tmp_path / "report.yaml").write_text(text, encoding="utf-8")
    assert store.dumps(store.load(tmp_path / "report.yaml", name)) == text


@pytest.mark.parametrize("name", NAMES)
def test_nothing_lost_or_invented(name):
    """Restated independently of parse.accounting: the same characters, counted."""
    report = _parsed(name).report
    data = (FIXTURES / name / "source.txt").read_bytes()
    source = Counter(squash(decode(data, name).text))
    kept = Counter(squash(report.report_text()))
    removed = Counter(squash("".join(s.text for s in report.stripped)))
    assert source == kept + removed


# -- what each layout variant shows ----------------------------------------------------------

def test_responsibilities_folded_into_a_measures_subsection():
    report = _parsed("kunshan-2022-topical").report
    assert report.find("1").category == "measures"
    assert "第一责任人职责" in report.find("1-1").title
    assert "一是带头学法" in report.find("1-1").text and "三是带头督法" in report.find("1-1").text


def test_responsibilities_as_the_last_part():
    report = _parsed("rugao-2020-unsigned").report
    assert [p.category for p in report.sections] == ["measures", "shortcomings", "plan", "responsibilities"]
    assert report.find("4").text.startswith("县政府主要负责人")
    assert [s.id for s in report.find("1-1-2").walk()] == \
        ["1-1-2", "1-1-2-1", "1-1-2-2", "1-1-2-2-1", "1-1-2-2-2"]
    assert report.find("1-1-2-2-1").number == "①"


def test_item_numbers_counting_across_subsections_keep_their_number():
    report = _parsed("wujiang-2021-chrome").report
    assert [s.id for s in report.find("1-2").children] == ["1-2-3", "1-2-4"]
    assert [s.id for s in report.find("1-3").children] == ["1-3-5", "1-3-6"]


def test_highlights_and_broken_line_in_the_chrome_fixture():
    report = _parsed("wujiang-2021-chrome").report
    assert report.preamble.count("\n——") == 3  # the dash bullets stay separate lines of the preamble
    assert "企业1200余家,减少重复检查频次" in report.find("1-3-5").text  # joined back
    assert report.front == ["吴江区人民政府关于2021年度法治政府", "建设情况的报告", "苏州市人民政府:"]


def test_gbk_spaced_and_damaged_subsection_numbers():
    report = _parsed("taicang-2020-gbk").report
    assert [s.number for s in report.find("1").children] == ["（一）", "（二）", "三）"]
    assert report.find("1-1").text.startswith("市政府主要负责人")  # heading on its own line with 。
    assert report.find("1-2-1").number == "１．"
    assert report.find("2-1").id == "2-1"  # numbered afresh under part 二


def test_flat_copy_recovers_structure_and_strips_the_watermark():
    report = _parsed("changshu-2023-flat").report
    assert [p.id for p in report.sections] == ["1", "2", "3", "4"]
    assert report.find("1").text.startswith("市政府主要负责人带头尊法学法守法用法")
    assert "抽查行政处罚案卷520份" in report.find("2-2-2").text
    assert report.stripped[0].text == "（来源：常熟市人民政府网站）"


def test_traditional_utf16_copy():
    result = _parsed("haimen-2019-utf16")
    report = result.report
    assert report.script == "zh-Hant"
    assert to_hans(report.title) == "海门市人民政府关于2019年度法治政府建设情况的报告"
    assert report.find("1-2-1-2").text == "為一線執法人員配備執法記錄儀620台,實現執法全過程音像記錄。".replace(",", "，")


def test_joint_report_from_a_pdf_copy():
    report = _parsed("pizhou-2022-joint").report
    assert report.issuer == "中共邳州市委 邳州市人民政府" and report.date == "2023-01-16"
    assert report.front[2] == "（2023年1月16日）"
    assert [p.number for p in report.sections] == ["一、", "二、", "三、", "四、"]  # numbers on lines of their own
    assert report.find("2-1-2-1").number == "1)"
    assert report.signature[0] == "特此报告。" and report.find("4-2").text.endswith("常态化制度化。")
