"""Property: random reports of the genre, rendered to text in random styles, parse back exactly.

A report is generated as structure (parts > subsections > items > sub-items with titles and
bodies, metadata, page noise), rendered with random numbering styles, heading layouts, widths,
script, encoding and line ends, then parsed.  The parse must give back the same ids, numbers,
titles, bodies and metadata, and account for every character (parse_text checks that itself and
raises if it would lose text).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawreport.parse import parse_text
from lawreport.parse.accounting import squash
from lawreport.core.script import to_hans, to_hant

CN = "一二三四五六七八九十"
CITIES = ["常熟市", "太仓市", "昆山市", "吴江区", "如皋市", "海安市", "溧阳市", "江阴市", "宜兴市", "东台市"]
UPPER = ["苏州市人民政府", "南通市人民政府", "常州市人民政府", "无锡市人民政府", "市委、市政府"]
CLAUSES = [
    "全面推行行政执法公示制度", "严格落实重大行政决策程序", "持续深化综合行政执法改革", "组织开展法治专题培训",
    "完善行政规范性文件合法性审核机制", "推进政务服务事项网上办理", "健全矛盾纠纷多元化解机制",
    "全年办理行政复议案件{n}件", "审核规范性文件{n}件", "评查行政执法案卷{n}份", "培训执法人员{n}人次",
    "建立公平竞争审查工作机制", "发挥法律顾问和公职律师作用", "加强行政执法协调监督工作体系建设",
    "深化法治政府建设示范创建", "落实行政机关负责人出庭应诉制度", "开展道路交通安全专项整治",
]
TOPICS = ["加强组织领导", "健全依法决策机制", "规范行政执法行为", "优化法治化营商环境", "强化行政权力监督",
          "化解社会矛盾纠纷", "提升基层治理水平", "推进政务公开", "深化普法宣传教育", "加强执法队伍建设"]
PARTS = {  # heading -> category; {y} is the year reported on, {n} the next
    "measures": ["主要举措和成效", "{y}年法治政府建设主要工作", "强化组织保障，夯实法治建设根基", "工作开展情况"],
    "responsibilities": ["党政主要负责人履行推进法治建设第一责任人职责情况"],
    "shortcomings": ["存在的问题", "存在的不足和原因", "存在的主要问题"],
    "plan": ["{n}年工作安排", "下一步工作打算", "{n}年度推进法治政府建设的主要安排"],
}
NOISE_TOP = ["首页 > 政务公开 > 法治政府建设", "当前位置：首页 > 信息公开", "索引号：11320582014162345X/2024-00031",
             "发布日期：2024-02-28 10:31", "来源：市司法局", "浏览次数：356", "【打印本页】【关闭窗口】", "字号：大 中 小"]
NOISE_BOTTOM = ["苏公网安备 32058202010198号", "版权所有：某某市人民政府办公室", "苏ICP备05012345号-1", "网站地图 | 联系我们"]

FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# full-width <-> half-width for the punctuation a body may use
HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}


@dataclass
class Node:
    id: str
    number: str
    title: str
    title_end: str
    body: str
    run_in: bool  # heading and body on one line ("（一）加强领导。全年……")
    category: str | None = None
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


@st.composite
def sentence(draw) -> str:
    clauses = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=3))
    text = "，".join(c.format(n=draw(st.integers(2, 999))) for c in clauses)
    return text + "。"


@st.composite
def points(draw) -> str:
    """An inline enumeration: 一是……；二是……。"""
    n = draw(st.integers(2, 4))
    return "；".join(cn(i) + "是" + draw(st.sampled_from(CLAUSES)).format(n=i * 7) for i in range(1, n + 1)) + "。"


@st.composite
def paragraph(draw) -> str:
    return "".join(draw(st.lists(st.one_of(sentence(), sentence(), points()), min_size=1, max_size=3)))


@st.composite
def body(draw) -> str:
    return "\n".join(draw(st.lists(paragraph(), min_size=1, max_size=2)))


@st.composite
def report_spec(draw):
    year = draw(st.integers(2015, 2024))
    styles = {
        "sub": draw(st.sampled_from(["({})", "（{}）", "({}) ", "（{}） ", "{}）"])),
        "item": draw(st.sampled_from(["{}.", "{}、", "{}．", "FULL．"])),
        "subitem": draw(st.sampled_from(["({})", "（{}）"])),
    }
    flat = draw(st.integers(0, 4)) == 0  # a copy that lost every line break
    count_on = draw(st.booleans())  # item numbers keep counting across subsections
    categories = draw(st.lists(st.sampled_from(list(PARTS)), min_size=1, max_size=5))
    parts = []
    for p, category in enumerate(categories, 1):
        heading = draw(st.sampled_from(PARTS[category])).format(y=year, n=year + 1)
        part = Node(str(p), cn(p) + "、", heading, "", "", False, category)
        if (draw(st.booleans()) or category == "responsibilities") and not flat:
            part.body = draw(body())
        item_number = 0
        for s in range(1, draw(st.integers(0 if part.body else 1, 4)) + 1):
            sub = _heading(draw, f"{p}-{s}", styles["sub"].format(cn(s)), draw(st.sampled_from(TOPICS)),
                           flat=flat)
            part.children.append(sub)
            item_number = item_number if count_on else 0
            for _ in range(draw(st.integers(0, 3))):
                item_number += 1
                i = item_number
                item_style = styles["item"]
                number = (str(i).translate(FULL_DIGITS) + "．") if item_style == "FULL．" else item_style.format(i)
                item = _heading(draw, f"{sub.id}-{i}", number, draw(st.sampled_from(TOPICS)), needs_body=True,
                                flat=flat)
                sub.children.append(item)
                for k in range(1, draw(st.integers(0, 2)) + 1):
                    item.children.append(_heading(draw, f"{item.id}-{k}", styles["subitem"].format(k),
                                                  draw(st.sampled_from(TOPICS)), needs_body=True, flat=flat))
        parts.append(part)
    return {
        "year": year,
        "city": draw(st.sampled_from(CITIES)),
        "title": draw(st.sampled_from(["none", "one line", "two lines"])),
        "addressee": draw(st.sampled_from([None] + UPPER)),
        "signature": draw(st.booleans()),
        "signature_style": draw(st.sampled_from(["lines", "one line", "bracketed date", "joint"])),
        "bare_numbers": draw(st.booleans()),  # "一、" on a line of its own, the title below
        "date_under_title": draw(st.booleans()),
        "closing": draw(st.booleans()),  # "特此报告。" before the signature
        "note": draw(st.booleans()),
        "cn_date": draw(st.booleans()),
        "noise_top": draw(st.lists(st.sampled_from(NOISE_TOP), max_size=4, unique=True)),
        "noise_bottom": draw(st.lists(st.sampled_from(NOISE_BOTTOM), max_size=2, unique=True)),
        "half_width": draw(st.booleans()),
        "traditional": draw(st.booleans()),
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])),
        "newline": draw(st.sampled_from(["\n", "\r\n"])),
        "preamble": f"{year}年，我市坚持以习近平法治思想为指导，" + draw(paragraph()),
        "highlights": [] if flat else draw(st.lists(st.sampled_from(CLAUSES), max_size=3)),
        "highlight_style": draw(st.sampled_from(["——{}；", "{n}.{}；", "{n}、{}；", "（{n}）{}；"])),
        "flat": flat,
        "break_lines": not flat and draw(st.booleans()),  # paragraphs broken in mid-sentence
        "watermark": draw(st.booleans()),
        "parts": parts,
    }


def _heading(draw, sid: str, number: str, title: str, needs_body: bool = False, flat: bool = False) -> Node:
    text = draw(body()) if needs_body or draw(st.booleans()) else ""
    run_in = bool(text) and draw(st.booleans())
    # with no line breaks, only a 。 can end a heading
    title_end = "。" if run_in or flat or draw(st.booleans()) else ""
    return Node(sid, number, title, title_end, text, run_in)


def render(spec: dict) -> tuple[str, bytes]:
    """The spec as a web page's text would carry it: (text, bytes in the chosen encoding)."""
    lines = list(spec["noise_top"])
    title = f"{spec['city']}人民政府关于{spec['year']}年度法治政府建设情况的报告"
    if spec["title"] == "one line":
        lines.append(title)
    elif spec["title"] == "two lines":
        lines.extend([title[:14], title[14:]])
    if spec["date_under_title"] and spec["title"] != "none":
        lines.append("（" + _date_text(spec) + "）")
    if spec["addressee"]:
        lines.append(spec["addressee"] + "：")
    report_start = len(lines)
    lines.append(spec["preamble"])
    lines.extend(_highlights(spec))
    for part in spec["parts"]:
        for node in part.walk():
            number = node.number + ("\n" if spec["bare_numbers"] and not spec["flat"] else "")
            if node.run_in:
                lines.append(number + node.title + node.title_end + node.body)
            else:
                lines.append(number + node.title + node.title_end)
                if node.body:
                    lines.append(node.body)
    if spec["closing"]:
        lines.append("特此报告。")
    if spec["signature"]:
        style = spec["signature_style"]
        if style == "joint":
            lines.append(f"中共{spec['city'][:-1]}市委")
        if style == "one line":
            lines.append(f"{spec['city']}人民政府  {_date_text(spec)}")
        else:
            lines.append(f"{spec['city']}人民政府")
            lines.append(f"（{_date_text(spec)}）" if style == "bracketed date" else _date_text(spec))
        if spec["note"]:
            lines.append("（此件公开发布）")
    body_lines = "\n".join(lines[report_start:]).split("\n")
    if spec["watermark"]:  # injected after the first comma of the longest line
        longest = max(range(len(body_lines)), key=lambda i: len(body_lines[i]))
        cut = body_lines[longest].find("，") + 1
        if cut:
            body_lines[longest] = body_lines[longest][:cut] + WATERMARK + body_lines[longest][cut:]
    if spec["break_lines"]:
        body_lines = [_break(line) for line in body_lines]
    sep = "" if spec["flat"] else "\n"
    lines = lines[:report_start] + [sep.join(body_lines)] + spec["noise_bottom"]
    text = "\n".join(lines)
    if spec["half_width"]:
        text = "".join(HALF.get(ch, ch) for ch in text)
    if spec["traditional"]:
        text = to_hant(text)
    encoded = text.replace("\n", spec["newline"]).encode(spec["encoding"])
    if spec["encoding"] == "utf-16":
        encoded = codecs.BOM_UTF16_LE + text.replace("\n", spec["newline"]).encode("utf-16-le")
    return text, encoded


WATERMARK = "（来源：某某市人民政府网站）"


def _highlights(spec: dict) -> list[str]:
    """Highlights listed before part 一, with dashes or numbers of a deeper rank."""
    return [spec["highlight_style"].format(h.format(n=7), n=i) for i, h in enumerate(spec["highlights"], 1)]


def _break(line: str) -> str:
    """Break a long paragraph after a comma in its middle, as a copy-paste from a PDF does."""
    cut = line.find("，", len(line) // 2)
    return line if len(line) < 60 or cut < 30 else line[:cut + 1] + "\n" + line[cut + 1:]


def _date_text(spec: dict) -> str:
    y = spec["year"] + 1
    if spec["cn_date"]:
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(y)) + "年二月二十八日"
    return f"{y}年2月28日"


def _same(parsed: str, expected: str) -> bool:
    """Compare across script and width: the parser keeps the source's characters."""
    def norm(s: str) -> str:
        return squash(to_hans(s)).translate(str.maketrans("，：；（）", ",:;()"))
    return norm(parsed) == norm(expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_spec())
def test_generated_reports_parse_back(spec):
    text, data = render(spec)
    result = parse_text(data, "source.txt", "gen")  # raises if any text would be lost
    report = result.report

    expected = [n for part in spec["parts"] for n in part.walk()]
    parsed = list(report.walk())
    assert [s.id for s in parsed] == [n.id for n in expected], text
    for section, node in zip(parsed, expected):
        assert _same(section.number, node.number.strip()), (section.number, node.number)
        assert _same(section.title, node.title), (section.title, node.title)
        assert section.title_end == node.title_end
        assert _same(section.text, node.body), (section.id, section.text, node.body)
        if node.category:
            assert section.category == node.category, (section.title, node.category)

    assert report.year == spec["year"]
    assert report.script == ("zh-Hant" if spec["traditional"] else "zh-Hans")
    assert _same(report.preamble, spec["preamble"] + "".join(_highlights(spec)))
    watermarks = [s for s in report.stripped if s.reason == "watermark"]
    assert len(report.stripped) - len(watermarks) == len(spec["noise_top"]) + len(spec["noise_bottom"])
    assert len(watermarks) == ("人民政府网站" in to_hans(text))
    if spec["title"] != "none":
        assert report.title_source == "source"
        assert _same(report.title, f"{spec['city']}人民政府关于{spec['year']}年度法治政府建设情况的报告")
    if spec["addressee"]:
        assert _same(report.addressee, spec["addressee"])
    closing = to_hant("特此报告。") if spec["traditional"] else "特此报告。"
    assert (report.signature[:1] == [closing]) == spec["closing"]
    if spec["signature"]:
        joint = f"中共{spec['city'][:-1]}市委 " if spec["signature_style"] == "joint" else ""
        assert _same(report.issuer, joint + spec["city"] + "人民政府")
        assert report.date == f"{spec['year'] + 1}-02-28"
        assert bool(report.publication_note) == spec["note"]
    else:
        assert report.issuer == ""
        dated = spec["date_under_title"] and spec["title"] != "none"
        assert report.date == (f"{spec['year'] + 1}-02-28" if dated else "")
    assert not result.diagnostics.warnings or not spec["signature"], \
        [d.format("source.txt") for d in result.diagnostics.warnings]
