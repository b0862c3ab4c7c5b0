"""Re-import of a revised source keeps ids, notes' targets, metric edits and title overrides."""

from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.cli import main
from lawreport.parse import parse_text
from lawreport.parse.reimport import reimport

SEED = Path(__file__).resolve().parents[1] / "content" / "reports" / "zjg-2023" / "source.txt"


def _revise(text: str) -> str:
    """A revised version: 二(一)3 removed, 二(二)1 reworded, a new 二(七) added, 三(一) dropped so
    三(二)/(三) shift up to (一)/(二)."""
    lines = text.split("\n")
    out = []
    for line in lines:
        if line.startswith("3.組織旁聽庭審"):
            continue  # removed
        if line.startswith("1.科學編制年度計劃"):
            line = line.replace("嚴格落實法定決策程序", "嚴格落實法定決策程序,全過程接受社會監督")
        if line.startswith("(一)法治政府建設體制機制有待加強"):
            continue
        if line.startswith("(二)行政執法規范化水平還有待提升"):
            line = "(一)" + line[3:]
        if line.startswith("(三)行政訴訟案件"):
            line = "(二)" + line[3:]
        out.append(line)
        if line.startswith("2.開展專項法治督察"):
            out.append("(七)推進數字法治政府建設")
            out.append("1.建設執法監督平臺。全年上線執法監督平臺,歸集執法數據12萬條。")
    return "\n".join(out)


def _parse(text: str):
    return parse_text(text.encode("utf-8"), "source.txt", "zjg-2023").report


@pytest.fixture()
def pair():
    text = SEED.read_text(encoding="utf-8")
    old = _parse(text)
    old.find("2-2-1").metrics = [{"id": "m1", "label": "editor label", "source": "editor"}]
    old.title, old.title_source = "编辑改过的标题", "editor"
    return old, _parse(_revise(text))


def test_surviving_sections_keep_their_ids(pair):
    old, new = pair
    old_titles = {s.id: s.title for s in old.walk()}
    result = reimport(old, new)
    new_ids = {s.id: s.title for s in result.report.walk()}
    # the shortcomings that moved up from (二)/(三) keep 3-2 and 3-3
    assert new_ids["3-2"] == old_titles["3-2"]
    assert new_ids["3-3"] == old_titles["3-3"]
    assert ("3-2", "三、(二)", "三、(一)") in result.renumbered
    # every old id that survived still names the same title
    for sid, title in new_ids.items():
        if sid in old_titles and not any(a.id == sid for a in result.added):
            assert old_titles[sid] == title


def test_removed_sections_are_kept_with_a_nearest_target(pair):
    old, new = pair
    result = reimport(old, new)
    removed = {r.id: r for r in result.report.removed}
    assert set(removed) == {"2-1-3", "3-1"}
    assert removed["2-1-3"].nearest == "2-1-2"  # previous sibling survives
    assert removed["3-1"].nearest == "3"  # first child: its parent


def test_added_and_reworded_sections(pair):
    old, new = pair
    result = reimport(old, new)
    assert [s.id for s in result.added] == ["2-7", "2-7-1"]
    assert "2-2-1" in result.text_changed
    assert result.report.find("2-2-1").metrics == [{"id": "m1", "label": "editor label", "source": "editor"}]
    assert result.report.title == "编辑改过的标题" and result.report.title_source == "editor"


def test_new_ids_never_reuse_a_removed_id(pair):
    old, new = pair
    first = reimport(old, new).report
    # a third version brings back a section numbered like the removed 3-1, with new words
    text = _revise(SEED.read_text(encoding="utf-8")).replace(
        "(一)行政執法規范化", "(一)基層法治隊伍建設不足。全新的內容,與以往完全不同,涉及人員培訓。\n(二)行政執法規范化").replace(
        "(二)行政訴訟案件", "(三)行政訴訟案件")
    result = reimport(first, _parse(text))
    ids = [s.id for s in result.report.walk()]
    assert len(ids) == len(set(ids))
    assert "3-1" not in ids  # 3-1 was removed: its permalink stays a tombstone
    assert {r.id for r in result.report.removed} >= {"3-1", "2-1-3"}


def test_cli_update_writes_yaml_and_prints_summary(tmp_path, capsys):
    folder = tmp_path / "zjg-2023"
    folder.mkdir()
    (folder / "source.txt").write_bytes(SEED.read_bytes())
    assert main(["parse", str(folder / "source.txt"), "-o", str(folder / "report.yaml"), "-q"]) == 0
    revised = tmp_path / "revised.txt"
    revised.write_text(_revise(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["parse", str(revised), "--update", str(folder / "report.yaml"), "-q"]) == 0
    err = capsys.readouterr().err
    assert "added: 2, removed: 2, renumbered: 2, text changed: 1" in err
    report = store.load(folder / "report.yaml")
    assert report.find("2-7") is not None and {r.id for r in report.removed} == {"2-1-3", "3-1"}


def test_original_source_is_found_only_beside_the_yaml_and_only_unchanged(tmp_path):
    """The original source tells whose a title is; the YAML's source.file may name only a file
    beside it (never a path elsewhere), and only one whose sha256 still matches."""
    import hashlib

    from lawreport.parse.reimport import original_source

    data = SEED.read_bytes()
    folder = tmp_path / "zjg-2023"
    folder.mkdir()
    yaml_path = folder / "report.yaml"
    old = _parse(data.decode("utf-8"))
    revised = _parse(_revise(data.decode("utf-8")))
    assert original_source(yaml_path, old, _parse(data.decode("utf-8"))) is not None  # same sha: the new text
    assert original_source(yaml_path, old, revised) is None  # no source.txt beside the YAML
    (folder / "source.txt").write_bytes(data)
    found = original_source(yaml_path, old, revised)
    assert found is not None and [s.title for s in found.walk()] == [s.title for s in old.walk()]
    (tmp_path / "elsewhere.txt").write_bytes(data)
    old.source["file"] = "../elsewhere.txt"
    assert original_source(yaml_path, old, revised) is None
    old.source["file"] = "source.txt"
    (folder / "source.txt").write_bytes(data + "\n補記。".encode("utf-8"))
    assert hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest() != old.source["sha256"]
    assert original_source(yaml_path, old, revised) is None  # overwritten by the new version
