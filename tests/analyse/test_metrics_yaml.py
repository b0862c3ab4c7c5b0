"""Figures in report.yaml: validation with FILE:LINE:COL errors, and `lawreport metrics`."""

import shutil
from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.core.errors import LawreportError

SEED_YAML = Path(__file__).resolve().parents[2] / "content" / "reports" / "zjg-2023" / "report.yaml"

DOC = """schema_version: 1
title: t
script: zh-Hans
sections:
- id: '1'
  number: 一、
  title: t
  text: 办理案件300件。
  metrics:
  - id: 1:300件
    value: {value}
    unit: 件
    qualifier: {qualifier}
    label: 案件
    text: {text}
    start: 4
    end: 8
    source: {source}
"""


def _load(**kw):
    fields = {"value": "300", "qualifier": "more_than", "text": "300件", "source": "extracted", **kw}
    return store.loads(DOC.format(**fields), "r.yaml", "r")


def test_valid_figure_loads():
    m = _load().sections[0].metrics[0]
    assert (m["value"], m["qualifier"], m["source"]) == (300, "more_than", "extracted")


@pytest.mark.parametrize("kw,line,message", [
    ({"value": "三百"}, 11, "must be a number"),
    ({"qualifier": "lots"}, 13, "is not one of"),
    ({"source": "robot"}, 18, "must be extracted or editor"),
    ({"source": "editor", "text": "400件"}, 15, "is not in the section's text"),
])
def test_bad_figure_names_file_line_and_key(kw, line, message):
    with pytest.raises(LawreportError) as err:
        _load(**kw)
    text = str(err.value)
    assert text.startswith(f"r.yaml:{line}:") and message in text and "metrics[0]" in text


def test_unknown_metric_key_is_an_error():
    doc = DOC.format(value=1, qualifier="about", text="300件", source="editor") + "    colour: red\n"
    with pytest.raises(LawreportError, match=r"r.yaml:19:5: .*unknown key"):
        store.loads(doc, "r.yaml", "r")


def test_metrics_command_is_idempotent_and_keeps_edits(tmp_path, run_cli):
    path = tmp_path / "zjg-2023" / "report.yaml"
    path.parent.mkdir()
    shutil.copy(SEED_YAML, path)
    text = path.read_text(encoding="utf-8")
    edited = text.replace("label: 免罰輕罰案件", "label: 免罚轻罚案件数", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    code, out, err = run_cli("metrics", path)
    assert code == 0 and "0 new, 0 removed" in out
    assert path.read_text(encoding="utf-8") == edited


def test_metrics_command_reports_a_broken_file(tmp_path, run_cli):
    path = tmp_path / "report.yaml"
    path.write_text(DOC.format(value="x", qualifier="about", text="300件", source="editor"), encoding="utf-8")
    code, out, err = run_cli("metrics", path)
    assert code == 1 and err.strip().startswith(f"{path}:11:") and "Traceback" not in err
