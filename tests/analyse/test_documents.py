import pytest

from lawreport.analyse.documents import documents, kind_of
from lawreport.core.model import Report, Section


@pytest.mark.parametrize("title,kind", [
    ("长江保护法", "law"), ("中华人民共和国行政复议法", "law"), ("优化营商环境条例", "law"),
    ("江苏省行政执法监督办法", "local"), ("江苏省数据条例", "local"),
    ("2023年张家港市法治政府建设工作要点", "local"), ("市政府规范性文件制定工作计划", "local"),
    ("苏州市优化营商环境实施方案(试行)", "local"),
    ("习近平新时代中国特色社会主义思想学习纲要(2023年版)", "other"),
])
def test_kinds(title, kind):
    assert kind_of(title) == kind


def test_citations_grouped_across_scripts_and_brackets():
    report = Report(id="t", title="t", script="zh-Hant", sections=[
        Section(id="1", number="一、", title="t", text="學習《中華人民共和國行政復議法》。"),
        Section(id="2", number="二、", title="t", text="貫徹《中華人民共和國行政復議法》和《某市管理辦法》。"),
    ])
    docs = documents(report)
    assert [(d.title, d.kind, [c.section for c in d.citations]) for d in docs] == [
        ("中華人民共和國行政復議法", "law", ["1", "2"]), ("某市管理辦法", "local", ["2"])]
    c = docs[0].citations[1]
    assert report.sections[1].text[c.start:c.end] == c.text
