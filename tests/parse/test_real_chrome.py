"""Page chrome of real government pages (../shared/real-excerpts: the first ~2,000 bytes of the
pages as published) never reaches the preamble or the front matter, and the report's own title and
addressee are found under it.  Each row names chrome the page really has."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawreport.parse import parse_text

EXCERPTS = Path(__file__).resolve().parents[2].parent / "shared" / "real-excerpts"

CASES = [
    # file, chrome that must be stripped, title the parser must find (None: the excerpt has none)
    ("02-guangzhou-2023.txt", ["听全文", "分享到", "2024-01-23"], "广州市人民政府关于2023年度法治政府建设情况的报告"),
    ("03-guangzhou-2024.txt", ["听全文", "分享到"], "广州市人民政府关于2024年度法治政府建设情况的报告"),
    ("04-jiashan-2022.txt", ["您当前的位置", "政策文件及解读", "浏览次数"], "嘉善县人民政府关于2022年度法治政府建设情况的报告"),
    ("05-jiashan-2024.txt", ["您当前的位置", "计划总结"], "嘉善县人民政府关于2024年度法治政府建设情况的报告"),
    ("06-chaoyang-beijing-2022.txt", ["日期:2023-03-31", "分享:", "字號"], "北京市朝陽區人民政府2022年法治政府建設年度情況報告"),
    ("08-bishan-daxingzhen-2023.txt", ["您当前的位置", "日期:2024-02-29"], "重庆市璧山区大兴镇人民政府关于2023年法治政府建设情况的报告"),
    ("11-henan-province-2023.txt", ["10001-01-2024-00122", "发文机关", "发布时间"], None),
    ("15-guyongzhen-jiangle-2024.txt", ["备注/文号", "公文生成日期", "发布机构"], None),
]


@pytest.mark.parametrize("name,chrome,title", CASES, ids=[c[0] for c in CASES])
def test_real_page_chrome_is_stripped(name, chrome, title):
    path = EXCERPTS / name
    if not path.is_file():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{path} is missing")
        pytest.skip(f"{path} is missing (shared/ not beside the repository)")
    report = parse_text(path.read_bytes(), name, "x").report
    kept = "\n".join([report.preamble, *report.front])
    for text in chrome:
        assert text not in kept, f"{text!r} reached the report"
        assert any(text in s.text for s in report.stripped), f"{text!r} not recorded as stripped"
    if title:
        assert report.title == title
