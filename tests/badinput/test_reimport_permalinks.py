"""Re-import keeps permalinks (issue 12, defect 5): `lawreport parse NEW --update report.yaml` after an
editor changed titles, with sections removed, restored, reordered, renumbered and reworded.

Every case runs the real command on a copy of a report (the bundled seed, and a fixture report of
another city whose parts have headings with no text of their own) and reads the YAML it wrote."""

from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "reports" / "zjg-2023" / "source.txt"
KUNSHAN = ROOT / "tests" / "fixtures" / "reports" / "kunshan-2022-topical" / "source.txt"

# id -> editor's title; in each report: a part, a text-less parent below it, an item with text
EDITS = {
    SEED: {"1": "第一责任人履职情况（编者）", "2-1": "党的全面领导（编者）", "2-5-1": "矛调中心（编者）"},
    KUNSHAN: {"1": "组织保障（编者）", "1-2": "制度体系（编者）", "2-1-1": "执法事项下放（编者）"},
}


def _ids(report) -> list[str]:
    return [s.id for s in report.walk()]


def _setup(tmp_path: Path, source: Path, edits: dict[str, str] | None = None) -> Path:
    """A report folder as `build` leaves it (source.txt + report.yaml), then the editor's edits."""
    folder = tmp_path / source.parent.name
    folder.mkdir()
    (folder / "source.txt").write_bytes(source.read_bytes())
    yaml_path = folder / "report.yaml"
    assert main(["parse", str(folder / "source.txt"), "-o", str(yaml_path), "-q"]) == 0
    if edits:
        report = store.load(yaml_path)
        for sid, title in edits.items():
            report.find(sid).title = title
        store.write(report, yaml_path)
    return yaml_path


def _update(yaml_path: Path, text: str, capsys, name="revised.txt") -> str:
    new = yaml_path.parent.parent / name
    new.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["parse", str(new), "--update", str(yaml_path), "-q"]) == 0
    return capsys.readouterr().err


@pytest.mark.parametrize("source", [SEED, KUNSHAN], ids=["zjg-2023", "kunshan-2022"])
def test_unchanged_source_after_title_edits_changes_no_id(tmp_path, capsys, source):
    yaml_path = _setup(tmp_path, source, EDITS[source])
    before = store.load(yaml_path)
    for round_ in range(2):  # and again: the second re-import reads title_source from the YAML
        err = _update(yaml_path, source.read_text(encoding="utf-8"), capsys)
        after = store.load(yaml_path)
        assert _ids(after) == _ids(before), round_
        assert after.removed == []
        assert "added: 0, removed: 0, renumbered: 0, text changed: 0" in err
        for sid, title in EDITS[source].items():
            assert after.find(sid).title == title
            assert after.find(sid).title_source == "editor"
        untouched = [s for s in after.walk() if s.id not in EDITS[source]]
        assert all(s.title_source == "source" for s in untouched)
        assert [s.title for s in untouched] == [s.title for s in before.walk() if s.id not in EDITS[source]]
    assert "title_source: editor" in yaml_path.read_text(encoding="utf-8")


def test_source_title_change_is_taken_when_the_yaml_title_is_the_sources(tmp_path, capsys):
    """The rule cuts both ways: a title nobody edited follows the revised source."""
    yaml_path = _setup(tmp_path, SEED, {"2-1": "党的全面领导（编者）"})
    ids = _ids(store.load(yaml_path))
    text = SEED.read_text(encoding="utf-8").replace("(二)嚴格規范行政決策,提供高質量制度供給",
                                                    "(二)嚴格規范重大行政決策")
    _update(yaml_path, text, capsys)
    after = store.load(yaml_path)
    assert after.find("2-2").title == "嚴格規范重大行政決策" and after.find("2-2").title_source == "source"
    assert after.find("2-1").title == "党的全面领导（编者）"
    assert _ids(after) == ids


def test_removed_section_comes_back_with_its_id_and_its_tombstone_lifted(tmp_path, capsys):
    yaml_path = _setup(tmp_path, SEED, EDITS[SEED])
    ids = _ids(store.load(yaml_path))
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    without = "\n".join(l for l in lines if not l.startswith(("3.組織旁聽庭審", "(一)法治政府建設體制機制")))
    err = _update(yaml_path, without, capsys)
    gone = store.load(yaml_path)
    assert {r.id for r in gone.removed} == {"2-1-3", "3-1"}
    assert {r.id: r.nearest for r in gone.removed} == {"2-1-3": "2-1-2", "3-1": "3"}
    assert "removed: 2" in err and "2-1-3" not in _ids(gone)

    err = _update(yaml_path, text, capsys)  # the source as it was
    back = store.load(yaml_path)
    assert _ids(back) == ids
    assert back.removed == []
    assert "removed:" not in yaml_path.read_text(encoding="utf-8")
    assert "restored: 2" in err
    assert all(back.find(sid).title == title for sid, title in EDITS[SEED].items())


def test_reordered_and_renumbered_sections_keep_their_ids(tmp_path, capsys):
    """二 gains a new (一), so every old subsection shifts down one number; 四(二)/(三) swap places."""
    yaml_path = _setup(tmp_path, SEED, EDITS[SEED])
    before = {s.id: (s.title, s.text) for s in store.load(yaml_path).walk()}
    lines = SEED.read_text(encoding="utf-8").split("\n")
    numerals = "一二三四五六七"
    out, part = [], ""
    for line in lines:
        if line[:2] in ("一、", "二、", "三、", "四、"):
            part = line[0]
        if part == "二" and line.startswith("(") and line[1] in numerals and line[2] == ")":
            line = f"({numerals[numerals.index(line[1]) + 1]})" + line[3:]
        out.append(line)
        if line.startswith("二、"):
            out += ["(一)推進數字法治政府建設", "1.建設執法監督平臺。全年上線執法監督平臺,歸集執法數據12萬條。"]
    second = next(i for i, l in enumerate(out) if l.startswith("(二)開展行政執法突出問題"))
    out[second], out[second + 1] = "(二)" + out[second + 1][3:], "(三)" + out[second][3:]
    err = _update(yaml_path, "\n".join(out), capsys)
    after = store.load(yaml_path)
    assert after.removed == []
    for sid, (title, text) in before.items():  # every old id: same section, same words
        assert after.find(sid).text == text, sid
        assert after.find(sid).title == title, sid
    assert after.find("2-1").number == "(二)" and after.find("2-6").number == "(七)"
    assert after.find("4-2").number == "(三)" and after.find("4-3").number == "(二)"
    added = [s.id for s in after.walk() if s.id not in before]
    assert added == ["2-1b", "2-1b-1"]  # new ids never reuse an old one
    assert "added: 2, removed: 0, renumbered: 27, text changed: 0" in err  # children count too


def test_slightly_edited_text_is_matched_by_content(tmp_path, capsys):
    """Items reworded in the source, with an editor's title on one and every number shifted."""
    yaml_path = _setup(tmp_path, SEED, EDITS[SEED])
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("6月下旬", "6月中下旬").replace("(五)多元化解矛盾糾紛", "(五)多元化解各類矛盾糾紛")
    text = text.replace("1.加強矛調中心建設。", "0.前言項目。一句新的內容。\n1.加強矛調中心建設。")
    err = _update(yaml_path, text, capsys)
    after = store.load(yaml_path)
    item = after.find("2-5-1")
    assert item.title == EDITS[SEED]["2-5-1"] and "6月中下旬" in item.text
    assert after.find("2-5").title == "多元化解各類矛盾糾紛,著力維護和諧穩定"
    assert after.removed == [] and "text changed 2-5-1" in err and "text changed 2-5\n" in err + "\n"


def test_without_the_original_source_an_edited_title_is_kept_and_said(tmp_path, capsys):
    """source.txt was overwritten with the new version: nothing tells whose a title is, so the
    YAML's is kept (an edit is never lost) and the summary names it."""
    yaml_path = _setup(tmp_path, SEED, EDITS[SEED])
    text = SEED.read_text(encoding="utf-8").replace("6月下旬", "6月中下旬")
    (yaml_path.parent / "source.txt").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["parse", str(yaml_path.parent / "source.txt"), "--update", str(yaml_path), "-q"]) == 0
    err = capsys.readouterr().err
    after = store.load(yaml_path)
    assert all(after.find(sid).title == title for sid, title in EDITS[SEED].items())
    assert "title kept 2-1: '党的全面领导（编者）'; the source has '堅持黨的全面領導,統籌推進法治政府建設' " \
           "(original source not found: kept as the editor's)" in err


def test_bad_title_source_is_one_line_with_file_and_line(tmp_path, capsys):
    yaml_path = _setup(tmp_path, SEED)
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("    number: (二)\n", "    number: (二)\n    title_source: editr\n", 1),
                         encoding="utf-8")
    line = next(i for i, l in enumerate(yaml_path.read_text(encoding="utf-8").split("\n"), 1)
                if "title_source: editr" in l)
    capsys.readouterr()
    assert main(["export", str(yaml_path), "--json"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"{yaml_path}:{line}:19: error: sections[0].children[1].title_source: "
                   "'editr' is not one of source, editor")
