"""report.yaml: validated loading with FILE:LINE:COL errors, and a stable dump -> load -> dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.core.errors import LawreportError
from lawreport.core.model import Report, Section, StrippedLine

SEED_YAML = Path(__file__).resolve().parents[1] / "content" / "reports" / "zjg-2023" / "report.yaml"

VALID = """\
schema_version: 1
title: 测试市人民政府关于2023年度法治政府建设情况的报告
script: zh-Hans
sections:
- id: '1'
  number: 一、
  title: 主要举措和成效
  category: measures
  children:
  - id: 1-1
    number: (一)
    title: 加强组织领导
    title_end: 。
    text: 全年召开专题会议3次。
- id: '2'
  number: 二、
  title: 存在的问题
  category: shortcomings
"""


def _error(text: str) -> str:
    with pytest.raises(LawreportError) as err:
        store.loads(text, "report.yaml", "x")
    return str(err.value)


def test_valid_minimal_file_loads():
    report = store.loads(VALID, "report.yaml", "x")
    assert [s.id for s in report.walk()] == ["1", "1-1", "2"]
    assert report.find("1-1").title_end == "。" and report.find("1-1").text == "全年召开专题会议3次。"
    assert report.title_source == "editor"  # a file that does not say where its title came from


def test_unknown_key_names_line_column_and_path():
    text = VALID.replace("    title_end: 。\n", "    title_end: 。\n    colour: red\n")
    assert _error(text).startswith("report.yaml:14:5: error: sections[0].children[0].colour: unknown key")


def test_missing_id():
    text = VALID.replace("- id: '2'\n  number: 二、", "- number: 二、")
    assert _error(text).startswith("report.yaml:15:3: error: sections[1]: missing key 'id'")


def test_duplicate_id_points_at_both_uses():
    text = VALID.replace("- id: '2'", "- id: '1'")
    message = _error(text)
    assert message.startswith("report.yaml:15:7: error: sections[1].id: duplicate id '1'")
    assert "first used on line 5" in message


@pytest.mark.parametrize("old, new, where", [
    ("title: 加强组织领导", "title: [加强, 组织领导]", "report.yaml:12:12: error: sections[0].children[0].title: must be a string"),
    ("schema_version: 1", "schema_version: one", "report.yaml:1:17: error: schema_version: must be a whole number"),
    ("    text: 全年", "    text: {a: 1}\n    x: 全年", "report.yaml:14:11: error: sections[0].children[0].text: must be a string"),
    ("  number: 二、", "  number: 二、\n  children: 3", "report.yaml:17:13: error: sections[1].children: must be a list"),
    ("sections:\n", "year: 2023年\nsections:\n", "report.yaml:4:7: error: year: must be a whole number"),
])
def test_wrong_type(old, new, where):
    assert _error(VALID.replace(old, new, 1)).startswith(where)


@pytest.mark.parametrize("old, new, message", [
    ("category: measures", "category: achievements", "sections[0].category: 'achievements' is not one of"),
    ("script: zh-Hans", "script: zh-TW", "script: must be zh-Hans or zh-Hant"),
    ("sections:\n", "date: 28/02/2024\nsections:\n", "date: must be a date written YYYY-MM-DD"),
    ("schema_version: 1", "schema_version: 9", "schema_version: unsupported version 9"),
    ("- id: '2'", "- id: 'two words'", "sections[1].id: 'two words' is not a valid id"),
])
def test_invalid_values(old, new, message):
    assert message in _error(VALID.replace(old, new, 1))


def test_invalid_yaml_syntax_gives_line_and_column():
    text = VALID.replace("  title: 存在的问题", "  title: [存在的问题")
    message = _error(text)
    assert message.startswith("report.yaml:") and ": error: invalid YAML" in message
    assert "\n" not in message


@pytest.mark.parametrize("text, message", [
    ("", "report.yaml: error: file is empty"),
    ("- just\n- a list\n", "report.yaml:1:1: error: must be a mapping"),
])
def test_empty_or_not_a_mapping(text, message):
    assert _error(text) == message


def test_load_reports_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(LawreportError, match="cannot read"):
        store.load(tmp_path / "missing" / "report.yaml")
    bad = tmp_path / "report.yaml"
    bad.write_bytes(VALID.encode("gb18030"))
    with pytest.raises(LawreportError, match="not UTF-8"):
        store.load(bad)


def test_seed_round_trip_is_identical():
    text = SEED_YAML.read_text(encoding="utf-8")
    report = store.loads(text, str(SEED_YAML), "zjg-2023")
    assert store.dumps(report) == text


def test_round_trip_of_awkward_strings(tmp_path):
    """Strings YAML would otherwise turn into other types, or that need quoting or block style."""
    awkward = ["2023", "yes", "null", "1-1", "- 开头是横线", "含有: 冒号", "#号开头", "  前后空格 ",
               "多行\n第二行", "“引号”和'单引号'", "一、", "(一)", "~", "@", "0x1F", "1e3"]
    sections = [Section(id=f"s{i}", number=s, title=s, text=s) for i, s in enumerate(awkward)]
    report = Report(id="x", title="2024", preamble="no", sections=sections,
                    front=["true"], signature=["2024年2月28日"],
                    stripped=[StrippedLine(3, "苏公网安备 1号", "footer")])
    path = tmp_path / "report.yaml"
    store.write(report, path)
    loaded = store.load(path, "x")
    assert [(s.number, s.title, s.text) for s in loaded.sections] == [(s, s, s) for s in awkward]
    assert (loaded.title, loaded.preamble, loaded.front) == ("2024", "no", ["true"])
    assert store.dumps(loaded) == path.read_text(encoding="utf-8")


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    report = store.loads(VALID, "report.yaml", "x")
    store.write(report, tmp_path / "report.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.yaml"]


AWKWARD = ["", " ", " a", "a ", "a\n", "\na", "a\n\nb", "a\n b", "tab\there", "x: y", "- a", "#c", "'q'",
           '"d"', "null", "yes", "1.0", "~", "\u2028", "a\u2028b", "\x85", "\ufeff頭", "\u3000全角\u3000",
           "長" * 40, "長" * 40 + "\n", "\t長" * 20, "a\r\nb", "\x07bell", "\ue000私用", "𠀀𡈽村",
           "C:\\Users\\長", "長 #", "- 長" * 20, "長\n\n\n", "長\n  長", "!tag", "&a", "*a", "{a}", "|", "😀"]


@pytest.mark.parametrize("value", AWKWARD)
def test_fast_dump_writes_the_pure_python_emitters_bytes(value):
    """libyaml is used for speed only where it writes what PyYAML's own emitter writes."""
    import yaml

    for data in ({"k": value}, {"k": [value, {"x": value}], "t": "長" * 40}):
        pure = yaml.dump(data, Dumper=store._Dumper, **store._DUMP_OPTIONS)
        assert store._dump(data) == pure


def test_fast_dump_keeps_characters_beyond_the_basic_plane_unescaped():
    assert store._dump({"place": "𠀀𡈽村"}) == "place: 𠀀𡈽村\n"


def test_seed_dump_is_the_pure_python_emitters():
    import yaml

    data = store.report_to_dict(store.load(SEED_YAML, "zjg-2023"))
    assert store._dump(data) == yaml.dump(data, Dumper=store._Dumper, **store._DUMP_OPTIONS)
