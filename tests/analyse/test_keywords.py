from lawreport.analyse.keywords import keywords
from lawreport.analyse.stopwords import is_content_word
from lawreport.core.model import Report, Section

TEXT_A = "加强行政复议工作,推进行政复议规范化建设,开展行政复议案件评查。行政复议案件办理质量提升。"
TEXT_B = "深入开展人民调解工作,推进人民调解组织建设,加强矛盾纠纷排查化解。人民调解员培训。"


def _report():
    return Report(id="t", title="t", sections=[
        Section(id="1", number="一、", title="行政复议", text=TEXT_A),
        Section(id="2", number="二、", title="人民调解", text=TEXT_B)])


def test_genre_words_never_rank():
    for ks in keywords(_report()):
        for k in ks.tfidf + ks.textrank:
            assert k.word not in {"工作", "推进", "加强", "开展", "建设", "深入"}


def test_topic_words_rank_first_with_counts_and_sections():
    overall, part1, part2 = keywords(_report())
    assert overall.scope_id is None and part1.scope_id == "1"
    # the heading counts too: 行政复议 is the title and four times in the text
    assert part1.tfidf[0].word == "行政复议" and part1.tfidf[0].count == 5
    assert part1.tfidf[0].sections == [("1", 5)]
    assert part2.textrank[0].word == "人民调解"
    assert {"行政复议", "人民调解"} <= {k.word for k in overall.tfidf[:4]}


def test_deterministic():
    a = keywords(_report())
    b = keywords(_report())
    assert [(k.word, k.score) for k in a[0].textrank] == [(k.word, k.score) for k in b[0].textrank]


def test_content_word_rule():
    assert is_content_word("行政复议")
    assert not is_content_word("工作") and not is_content_word("法") and not is_content_word("2023年")
