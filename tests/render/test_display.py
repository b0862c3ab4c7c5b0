from hypothesis import given, strategies as st

from lawreport.site.display import display_text


def test_half_width_between_chinese_becomes_full_width():
    assert display_text("之年,我市") == "之年，我市"
    assert display_text("苏州市人民政府:") == "苏州市人民政府："
    assert display_text("(一)加强统筹") == "（一）加强统筹"
    assert display_text("规划(2021~2035)”") == "规划（2021~2035）”"
    assert display_text("整改;回复") == "整改；回复"
    assert display_text("问题?") == "问题？"


def test_ascii_context_left_alone():
    for text in ("1,000", "12:30", "GB (T) ok", "a,b", "3.5", "1.加强"):
        assert display_text(text) == text


def test_unbalanced_bracket_is_not_converted_alone():
    assert display_text("(一加强") == "(一加强"


@given(st.text(alphabet="一二三汉字,:;()!?ab12 ", max_size=40))
def test_only_punctuation_changes(text):
    out = display_text(text)
    assert len(out) == len(text)
    fold = str.maketrans("，：；（）！？", ",:;()!?")
    assert out.translate(fold) == text.translate(fold)
