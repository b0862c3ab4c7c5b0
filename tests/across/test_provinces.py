"""An issuer's province: from its name, else a place in it or in the addressee (divisions.yaml)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import yaml

from lawreport.analyse.across import issuers, provinces
from lawreport.content import store
from lawreport.core.model import Report
from lawreport.parse import parse_text

REPO = Path(__file__).resolve().parents[2]
EXCERPTS = Path(os.environ.get("REAL_EXCERPTS", REPO.parent / "shared" / "real-excerpts"))


def test_the_table_is_complete_for_province_and_prefecture_level_units():
    data = yaml.safe_load(provinces.DIVISIONS.read_text(encoding="utf-8"))["divisions"]
    assert len(data) == 34  # 23 provinces (with 台湾省), 5 autonomous regions, 4 municipalities, 2 SARs
    prefectures = [p for units in data.values() for p in (units or {}) if p != provinces.DIRECT]
    assert len(prefectures) == 333 == len(set(prefectures))  # 293 cities, 7 地区, 30 自治州, 3 盟
    assert {p for p in prefectures if p.endswith("盟")} == {"兴安盟", "锡林郭勒盟", "阿拉善盟"}
    assert {"吴江区", "张家港市", "昆山市", "太仓市", "常熟市"} <= set(data["江苏省"]["苏州市"])
    assert data["广东省"]["东莞市"] == []  # a prefecture-level city with no counties


def test_the_bundled_report_gets_its_province_from_its_city_and_its_addressee():
    report = store.load(REPO / "content" / "reports" / "zjg-2023" / "report.yaml")
    assert report.issuer == "張家港市人民政府" and report.addressee == "蘇州市人民政府"
    assert issuers.group([report])[0].province == "江苏省"
    # the addressee alone settles it too: a township whose own name is in no table
    assert provinces.province_of("某某镇人民政府", report.addressee) == "江苏省"


@pytest.mark.parametrize("issuer, addressee, expected", [
    ("江苏省人民政府", "", "江苏省"),
    ("北京市朝陽區人民政府", "", "北京市"),  # Traditional
    ("朝阳区人民政府", "", ""),  # 朝阳区 is in 北京市 and in 长春市
    ("朝阳区人民政府", "北京市人民政府", "北京市"),
    ("中共苏州市吴江区委 苏州市吴江区人民政府", "", "江苏省"),
    ("广西壮族自治区人民政府", "", "广西壮族自治区"),
    ("重庆市长寿区司法局", "", "重庆市"),
    ("沛县人民政府", "", "江苏省"),  # a two-character name where a name starts
    ("中共沛县县委", "", "江苏省"),
    ("中心城区管委会", "", ""),  # 城区 (a district of 阳泉市…) inside a word is not that place
    ("阳泉市城区人民政府", "", "山西省"),
    ("莱芜市人民政府", "", "山东省"),  # a former prefecture-level city (merged into 济南市, 2019)
    ("某某镇人民政府", "市委、市政府", ""),
])
def test_province_of(issuer, addressee, expected):
    assert provinces.province_of(issuer, addressee) == expected


def test_the_name_comes_before_the_addressee():
    assert provinces.province_of("嘉善县人民政府", "苏州市人民政府") == "浙江省"


EXCERPT_PROVINCES = [
    ("01-guangzhou-2022.txt", "广东省"), ("04-jiashan-2022.txt", "浙江省"),  # 嘉善县: its county
    ("06-chaoyang-beijing-2022.txt", "北京市"), ("07-chaoyang-beijing-2024.txt", ""),  # 朝阳区 alone
    ("08-bishan-daxingzhen-2023.txt", "重庆市"), ("10-changning-shanghai-2023.txt", "上海市"),  # addressee 中共长宁区委
    ("11-henan-province-2023.txt", "河南省"), ("12-huaian-2017.txt", "江苏省"),
    ("14-xinjiang-2017.txt", "新疆维吾尔自治区"), ("16-renhezhen-ningyuan-2024.txt", ""),  # 仁和镇: no county named
    ("18-changshou-sifaju-2022.txt", "重庆市"), ("20-shijiazhuang-2016.txt", "河北省"),
]


@pytest.mark.parametrize("name, expected", EXCERPT_PROVINCES, ids=[c[0] for c in EXCERPT_PROVINCES])
def test_real_excerpts(name, expected):
    path = EXCERPTS / name
    if not path.is_file():
        pytest.skip(f"{path} is missing (shared/ not beside the repository)")
    report = parse_text(path.read_bytes(), name, "x").report
    assert issuers.group([report])[0].province == expected


def test_a_title_opening_with_guanyu_names_no_issuer():
    assert issuers.issuer_id(Report(id="r", title="关于2023年度法治政府建设情况的报告")) == "unknown"


def test_the_site_and_database_give_the_bundled_reports_province(across_site):
    corpus = (across_site / "corpus" / "index.html").read_text(encoding="utf-8")
    assert "江苏省" in corpus
    db = sqlite3.connect(across_site / "data" / "corpus.sqlite")
    try:
        rows = dict(db.execute("SELECT id, province FROM issuers").fetchall())
    finally:
        db.close()
    assert rows["zhangjiagang-shi"] == "江苏省" and rows["wujiang-qu"] == "江苏省"
