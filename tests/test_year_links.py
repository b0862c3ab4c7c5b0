"""Every overview links to its issuer's previous and next year's report (build/identity.py): on a
clean build, after a year is added or deleted (incremental: the neighbours' overviews change and
nothing else of theirs), whatever the number of workers, and when a YAML's identity lines cannot
be read ahead (the guess is checked against the loaded reports)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lawreport.build.run import build
from lawreport.content import store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "across" / "fixtures"  # 吴江区 2021-2023 under three name variants
WUJIANG = ("wujiang-2021", "wujiang-2022", "wujiang-2023")


def add(content: Path, rid: str) -> None:
    (content / "reports" / rid).mkdir(parents=True)
    shutil.copy(FIXTURES / rid / "source.txt", content / "reports" / rid / "source.txt")


def run(content: Path, site: Path, **options) -> str:
    return build(content, site, ROOT / "templates", log=lambda m: None, **options)


def overview(site: Path, rid: str, prefix: str = "") -> str:
    return (site / prefix / rid / "index.html").read_text(encoding="utf-8")


def links(site: Path, rid: str, prefix: str = "") -> tuple[str | None, str | None]:
    page = overview(site, rid, prefix)
    if 'class="prev-next year-links"' not in page:
        return None, None
    nav = page.split('class="prev-next year-links"', 1)[1].split("</nav>", 1)[0]
    found = []
    for rel in ("prev", "next"):
        marker = f'<a rel="{rel}" href="../'
        found.append(nav.split(marker, 1)[1].split("/index.html", 1)[0] if marker in nav else None)
    return found[0], found[1]


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    return {str(p.relative_to(site)): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture()
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    for rid in WUJIANG:
        add(root, rid)
    return root


def test_the_middle_year_links_both_ways_in_both_scripts(content, tmp_path):
    site = tmp_path / "site"
    run(content, site, jobs=1)
    for prefix, words in (("", ("上一年度", "2021年度报告", "下一年度", "2023年度报告")),
                          ("zh-hant/", ("上一年度", "2021年度報告", "下一年度", "2023年度報告"))):
        assert links(site, "wujiang-2022", prefix) == ("wujiang-2021", "wujiang-2023")
        page = overview(site, "wujiang-2022", prefix)
        assert all(w in page for w in words)
        assert "../issuers/wujiang-qu/index.html" in page  # and the issuer's page
    assert links(site, "wujiang-2021") == (None, "wujiang-2022")
    assert links(site, "wujiang-2023") == ("wujiang-2022", None)


def test_adding_and_deleting_a_year_updates_the_neighbours_overviews(content, tmp_path):
    site = tmp_path / "site"
    shutil.rmtree(content / "reports" / "wujiang-2023")
    run(content, site)
    assert links(site, "wujiang-2022") == ("wujiang-2021", None)
    before = snapshot(site)

    add(content, "wujiang-2023")
    summary = run(content, site)
    assert "(2 rebuilt)" in summary  # the new report and its neighbour, not wujiang-2021
    assert links(site, "wujiang-2022") == ("wujiang-2021", "wujiang-2023")
    assert links(site, "wujiang-2023") == ("wujiang-2022", None)
    after = snapshot(site)
    changed = {p for p in before if p in after and after[p] != before[p]}
    assert {"wujiang-2022/index.html", "zh-hant/wujiang-2022/index.html"} <= changed
    # of wujiang-2022's own pages only the overview changed; wujiang-2021 is untouched
    assert {p for p in changed if p.startswith(("wujiang-2022/", "zh-hant/wujiang-2022/"))} == {
        "wujiang-2022/index.html", "zh-hant/wujiang-2022/index.html"}
    assert not {p for p in changed if "wujiang-2021/" in p}

    shutil.rmtree(content / "reports" / "wujiang-2023")
    run(content, site)
    assert links(site, "wujiang-2022") == ("wujiang-2021", None)
    assert "下一年度" not in overview(site, "wujiang-2022")
    assert snapshot(site)["wujiang-2022/index.html"][1] == before["wujiang-2022/index.html"][1]


def test_incremental_equals_clean_and_one_worker_equals_two(content, tmp_path):
    for rid in ("kunshan-2023", "taicang-2023"):
        add(content, rid)
    shutil.rmtree(content / "reports" / "wujiang-2022")
    run(content, tmp_path / "inc", jobs=2)
    add(content, "wujiang-2022")
    run(content, tmp_path / "inc", jobs=2)
    run(content, tmp_path / "one", jobs=1, clean=True)
    run(content, tmp_path / "two", jobs=2, clean=True)
    trees = [{k: v[1] for k, v in snapshot(tmp_path / name).items()} for name in ("inc", "one", "two")]
    assert trees[0] == trees[1] == trees[2]
    assert links(tmp_path / "two", "wujiang-2022") == ("wujiang-2021", "wujiang-2023")


def test_a_yaml_whose_identity_lines_cannot_be_read_ahead_is_still_linked_right(content, tmp_path):
    site = tmp_path / "site"
    run(content, site)
    yaml_path = content / "reports" / "wujiang-2022" / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert "\nyear: 2022\n" in text
    # a quoted key is valid YAML, but not a line the identity read knows: the year is guessed wrong
    yaml_path.write_text(text.replace("\nyear: 2022\n", '\n"year": 2022\n'), encoding="utf-8")
    assert store.identity_fields(yaml_path.read_text(encoding="utf-8"))["year"] is None
    run(content, site)
    assert links(site, "wujiang-2021") == (None, "wujiang-2022")
    assert links(site, "wujiang-2022") == ("wujiang-2021", "wujiang-2023")
    assert links(site, "wujiang-2023") == ("wujiang-2022", None)
    clean = tmp_path / "clean"
    run(content, clean, clean=True)
    assert {k: v[1] for k, v in snapshot(site).items()} == {k: v[1] for k, v in snapshot(clean).items()}


def test_an_editors_issuer_id_moves_a_report_to_another_issuer(content, tmp_path):
    site = tmp_path / "site"
    run(content, site)
    yaml_path = content / "reports" / "wujiang-2023" / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("\naddressee:", "\nissuer_id: elsewhere\naddressee:", 1), encoding="utf-8")
    run(content, site)
    assert links(site, "wujiang-2022") == ("wujiang-2021", None)
    assert links(site, "wujiang-2023") == (None, None)


def test_identity_fields_read_as_the_full_load_reads_them():
    seed = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"
    text = seed.read_text(encoding="utf-8")
    report = store.loads(text, str(seed), "zjg-2023")
    assert store.identity_fields(text) == {"title": report.title, "issuer": report.issuer,
                                           "issuer_id": "", "year": 2023}
    joint = text.replace("issuer: 張家港市人民政府\n", "issuer: |-\n  中共張家港市委\n  張家港市人民政府\nissuer_id: zjg\n")
    assert store.identity_fields(joint) == {"title": report.title, "issuer": "中共張家港市委\n張家港市人民政府",
                                            "issuer_id": "zjg", "year": 2023}
    assert store.identity_fields("{title: x, year: 2023}") is None  # not laid out as written: no guess
    assert store.identity_fields(text.replace("year: 2023", "year: twenty")) is None
    assert store.identity_fields(text.replace("\nyear: 2023\n", "\nyear: 2023\nyear: 2024\n")) is None


def test_year_neighbours():
    from lawreport.analyse.across.issuers import year_neighbours
    found = year_neighbours({"a21": ("a", 2021), "a23": ("a", 2023), "a23b": ("a", 2023), "a24": ("a", 2024),
                             "ax": ("a", None), "u1": ("unknown", 2021), "u2": ("unknown", 2022),
                             "b22": ("b", 2022)})
    assert found["a21"] == (None, "a23")  # a gap year: the nearest later one
    assert found["a23"] == ("a21", "a24") and found["a23b"] == ("a21", "a24")
    assert found["a24"] == ("a23", None)  # of two reports of one year, the first by id
    assert found["ax"] == (None, None) and found["u1"] == found["u2"] == (None, None)
    assert found["b22"] == (None, None)
