from lawreport.analyse.derived import derive
from lawreport.analyse.metrics import refresh
from lawreport.core.model import Report, Section


def _derive(*texts):
    report = Report(id="t", title="t", sections=[
        Section(id=str(i + 1), number="一、", title="t", text=t) for i, t in enumerate(texts)])
    refresh(report)
    return derive(report)


def test_rate_from_a_received_resolved_pair():
    [d] = _derive("全年受理行政复议申请200件,办结190件。")
    assert (d.kind, d.value, d.unit, d.label) == ("rate", 95.0, "%", "办结率")
    assert [m.value for m in d.inputs] == [200, 190]


def test_no_rate_across_sentences_or_units():
    assert _derive("受理申请200件。办结190件。") == []
    assert _derive("受理申请200件,化解纠纷190人。") == []


def test_breakdown_that_adds_up_passes():
    [d] = _derive("清理规范性文件108件,继续施行71件、拟修改16件、废止21件。")
    assert (d.kind, d.status, d.value) == ("sum", "pass", 108)
    assert d.formula == "71 + 16 + 21 = 108"


def test_breakdown_that_does_not_add_up_fails_visibly():
    [d] = _derive("清理规范性文件108件,继续施行71件、拟修改16件、废止20件。")
    assert d.status == "fail" and "≠" in d.formula


def test_parts_before_a_stated_total():
    [d] = _derive("新建站点12个、改建站点8个,共计20个。")
    assert (d.status, d.value) == ("pass", 20)


def test_qiyong_partial_breakdown():
    [d] = _derive("办理案件300件,其中行政处罚120件、行政许可100件。")
    assert d.status == "partial"


def test_unrelated_figures_make_no_check():
    assert _derive("培训干部164人,组织旁听156人。") == []
    assert _derive("明确8个方面31项任务,服务企业1621家。") == []
