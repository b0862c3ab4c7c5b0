"""The bundled report: the figures the issue names, and none of the non-figures."""

import pytest

from lawreport.content import store
from lawreport.analyse.derived import derive
from lawreport.analyse.metrics import report_metrics
from pathlib import Path

SEED_YAML = Path(__file__).resolve().parents[2] / "content" / "reports" / "zjg-2023" / "report.yaml"


@pytest.fixture(scope="module")
def seed():
    return store.load(SEED_YAML)


@pytest.fixture(scope="module")
def figures(seed):
    return {(m.section, m.text): m for m in report_metrics(seed, include_hidden=True)}


@pytest.mark.parametrize("section,text,value,unit,qualifier", [
    ("2-1-2", "164人", 164, "人", None),
    ("2-1-2", "兩期", 2, "期", None),
    ("2-3-2", "2711件", 2711, "件", None),
    ("2-3-2", "5181萬余元", 51_810_000, "元", "more_than"),
    ("2-4-1", "超1200億元", 120_000_000_000, "元", "more_than"),
    ("2-4-4", "80%以上", 80, "%", "at_least"),
    ("2-4-4", "約260億元", 26_000_000_000, "元", "about"),
    ("2-5-2", "連續三年", 3, "年", None),
    ("2-5-2", "超40%", 40, "%", "more_than"),
    ("2-5-3", "40785件", 40785, "件", None),
    ("2-6-2", "100%", 100, "%", None),
])
def test_named_figures_are_found(figures, section, text, value, unit, qualifier):
    m = figures[(section, text)]
    assert (m.value, m.unit, m.qualifier) == (value, unit, qualifier)


def test_labels_of_the_issue(figures):
    assert figures[("2-3-2", "2711件")].label == "免罰輕罰案件"
    assert figures[("2-3-2", "5181萬余元")].label == "涉及金額"


@pytest.mark.parametrize("fragment", ["二十大", "首批", "12345", "12309", "123", "2021", "2035",
                                      "32058202010198", "2023年", "5月", "6月", "12月"])
def test_non_figures_are_absent(figures, fragment):
    assert not [t for _, t in figures if fragment in t]


def test_every_span_is_in_its_sections_text(seed):
    for section in seed.walk():
        for m in section.metrics:
            assert section.text[m["start"]:m["end"]] == m["text"]


def test_derived_rate_and_sum(seed):
    found = {(d.kind, d.section): d for d in derive(seed)}
    assert found[("rate", "2-5-3")].value == 99.98
    check = found[("sum", "2-2-2")]
    assert check.status == "pass" and [m.value for m in check.inputs] == [108, 71, 16, 21]
