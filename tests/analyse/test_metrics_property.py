"""Whatever the text, extraction never fails and every span points into the stored text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lawreport.analyse.metrics import extract_text
from lawreport.core.script import to_hant

PIECES = ["2711", "5181", "1,283", "99.5", "两", "十二", "三千五百", "二〇二三", "一", "件", "人", "万", "亿",
          "元", "万元", "%", "余", "多", "超", "近", "约", "以上", "左右", "年", "月", "日", "第", "首批",
          "“", "”", "《", "》", "(", ")", "~", "-", ",", "。", "、", "１２３", "個", "億元", "萬餘元",
          "受理", "化解", "案件", "共", "办理", "热线", "12345", "连续", "三年", "\n", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_spans_point_into_the_text(pieces):
    text = "".join(pieces)
    for variant in (text, to_hant(text)):
        found = extract_text(variant, "1", "zh-Hant")
        ids = [m.id for m in found]
        assert len(ids) == len(set(ids))
        for m in found:
            assert variant[m.start:m.end] == m.text and m.start < m.end
            assert m.value == m.value  # not NaN
