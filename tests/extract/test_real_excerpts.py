"""The 20 real excerpts (shared/real-excerpts beside the repository: the first ~2,000 bytes of government pages,
their chrome as text) wrapped in page shapes: the same sections as the plain excerpt, none of the
page's chrome, and none of the chrome INDEX.md lists in any section or the preamble beyond what the
parse of the plain excerpt itself keeps (extraction adds no chrome; the chrome-as-text lines the
parse stage does not recognise yet, e.g. 您当前的位置 and "• 听全文" bullets, are a parse-stage gap)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import outline, plain_report, reader_text
from pages import SHAPES

from lawreport.content import store

EXCERPTS = Path(os.environ.get("REAL_EXCERPTS", Path(__file__).resolve().parents[2].parent / "shared" / "real-excerpts"))
FILES = sorted(EXCERPTS.glob("[0-9][0-9]-*.txt")) if EXCERPTS.is_dir() else []
# the chrome lines INDEX.md describes: footers, breadcrumbs, metadata bullets and tables, controls
CHROME = ["Copyright", "公网安备", "ICP", "当前位置", "您当前的位置", "听全文", "分享到", "分享:", "字号:",
          "字號:", "浏览次数", "发布日期:", "发布时间:", "日期:", "來源:", "索 引 号", "发布机构:",
          "发文机关", "备注/文号", "公文生成日期", "字体:【大 中 小】", "首页→", "网站公告", "首页 >"]
SHAPE_NAMES = list(SHAPES)


@pytest.mark.skipif(not FILES, reason=f"real excerpts not found in {EXCERPTS}")
@pytest.mark.parametrize("index", range(20))
def test_real_excerpt_in_a_page(run_cli, tmp_path, index):
    source = FILES[index]
    text = source.read_text(encoding="utf-8")
    shape = SHAPE_NAMES[index % len(SHAPE_NAMES)]
    data, page_chrome = SHAPES[shape]("法治政府建设情况报告", text)
    page = tmp_path / "page.html"
    page.write_bytes(data)
    code, _, err = run_cli("parse", page, "-o", tmp_path / "r.yaml", "-q")
    assert code == 0, err
    got = store.load(tmp_path / "r.yaml", "x")
    plain = plain_report(text)
    assert outline(got.sections) == outline(plain.sections)
    kept_by_parse = "\n".join(reader_text(plain))
    for piece in reader_text(got):
        for chrome in page_chrome:
            assert chrome not in piece or chrome in text, (shape, chrome, piece[:60])
        for chrome in CHROME:
            assert chrome not in piece or chrome in kept_by_parse, (shape, chrome, piece[:60])
