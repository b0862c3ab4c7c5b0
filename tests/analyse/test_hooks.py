"""Figures are extracted when the YAML is first produced: `lawreport parse` and the first build."""

import shutil
from pathlib import Path

from lawreport.content import folders as content
from lawreport.build.load import load_report

from lawreport.content import store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
SOURCE = FIXTURES / "kunshan-2022-topical" / "source.txt"


def test_parse_writes_figures(tmp_path, run_cli):
    out = tmp_path / "report.yaml"
    code, _, _ = run_cli("parse", SOURCE, "-o", out, "-q")
    assert code == 0
    report = store.load(out)
    figures = [m for s in report.walk() for m in s.metrics]
    assert figures and all(m["source"] == "extracted" for m in figures)
    for s in report.walk():
        for m in s.metrics:
            assert s.text[m["start"]:m["end"]] == m["text"]


def test_first_build_writes_yaml_with_figures_then_keeps_it(tmp_path):
    folder = tmp_path / "reports" / "kunshan-2022"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE, folder / "source.txt")
    found = content.discover(tmp_path)
    report, _ = load_report(found.reports[0])
    assert any(s.metrics for s in report.walk())
    written = (folder / "report.yaml").read_text(encoding="utf-8")
    assert "metrics:" in written
    again, messages = load_report(content.discover(tmp_path).reports[0])
    assert messages == [] and [s.metrics for s in again.walk()] == [s.metrics for s in report.walk()]
