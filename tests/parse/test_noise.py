"""parse.noise: page chrome is recognised, report lines that merely mention chrome words are kept."""

from __future__ import annotations

import pytest

from lawreport.parse.noise import classify_line, strip_inline, strip_noise
from lawreport.core.script import to_hant

CHROME = {
    "metadata": ["发布时间：2024-03-01 来源：张家港市司法局 浏览次数：120", "· 索引号:014133869/2022-00012",
                 "索 引 号：11320582014162345X/2024-00031", "标 题：张家港市人民政府关于2023年度法治政府建设情况的报告",
                 "文 号：张政发〔2024〕12号", "成文日期：2024-02-28", "信息来源：市司法局   发布时间：2024-03-01",
                 "阅读次数：1024", "- 发布机构: 市司法局",
                 "字号:[ 大 中 小 ]  打印本页  关闭窗口"],
    "breadcrumb": ["当前位置：首页 > 政务公开", "首页 > 政务公开 > 法治政府建设", "您现在的位置:首页>信息公开"],
    "footer": ["蘇公網安備 32058202010198號", "苏ICP备05012345号-1", "版权所有 © 2024 张家港市人民政府",
               "网站标识码：3205820001", "网站地图 | 联系我们", "主办：张家港市人民政府办公室  承办：张家港市大数据管理局"],
    "page control": ["【字体：大 中 小】", "字体：【大】【中】【小】", "分享到：", "【打印】【关闭】", "打印本页 | 关闭窗口",
                     "[ 打印 ] [ 关闭 ]", "扫一扫在手机打开当前页", "收藏本页", "【我要打印】【关闭窗口】", "【 大 中 小 】",
                     "上一篇：关于印发某某的通知", "繁體 | 无障碍 | 长者模式", "简体版 | 繁体版", "English",
                     "【我要纠错】", "分享到：微信 微博 QQ空间", "网站支持IPv6"],
}
REPORT_LINES = [
    "(二)压实主办单位和承办单位责任。", "3.强化技术支持保障。", "(三)畅通联系我们的渠道", "(一)完善网站地图和政务公开栏目",
    "来源于群众的意见建议得到及时回应。", "作者单位积极参与普法宣传。", "打印机采购严格执行政府采购程序。", "关闭违法违规企业23家。",
    "大中小学生法治教育全覆盖。", "收藏家协会积极参与。", "1.来源:市统计局", "一、主要举措和成效", "苏州市人民政府:",
    "张家港市人民政府", "2024年2月28日", "(此件公开发布)",
]


@pytest.mark.parametrize("reason, line", [(r, line) for r, lines in CHROME.items() for line in lines])
def test_chrome_lines(reason, line):
    assert classify_line(line) == reason
    assert classify_line(to_hant(line)) == reason  # the same page in Traditional script


@pytest.mark.parametrize("line", REPORT_LINES)
def test_report_lines_are_kept(line):
    assert classify_line(line) is None


def test_long_lines_are_never_chrome():
    assert classify_line("来源：" + "全面推进依法行政，" * 20) is None


@pytest.mark.parametrize("line, fragment", [
    ("全年受理案件（本文来源：张家港市人民政府网）123件。", "（本文来源：张家港市人民政府网）"),
    ("全年受理案件 http://www.zjg.gov.cn/art/2024/3/1/art_123.html 123件。", "http://www.zjg.gov.cn/art/2024/3/1/art_123.html"),
    ("全年受理案件(来源:常熟市人民政府网站)123件。", "(来源:常熟市人民政府网站)"),
    ("全年受理案件123件。苏公网安备 32058202010198号", "苏公网安备 32058202010198号"),
])
def test_inline_fragments(line, fragment):
    clean, found = strip_inline(line)
    assert [text for _, text in found] == [fragment]
    assert clean.replace(" ", "") == line.replace(fragment, "").replace(" ", "")


def test_inline_keeps_report_text_alone():
    line = "全年受理案件123件,来源于群众来信来访的占六成。"
    assert strip_inline(line) == (line, [])


def test_strip_noise_records_line_numbers_and_drops_blank_lines():
    lines = list(enumerate(["首页 > 政务公开", "", "一、主要举措", "  ", "苏公网安备 1号"], start=1))
    kept, stripped = strip_noise(lines)
    assert kept == [(3, "一、主要举措")]
    assert [(s.line, s.reason) for s in stripped] == [(1, "breadcrumb"), (5, "footer")]
