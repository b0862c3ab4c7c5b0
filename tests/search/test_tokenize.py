from lawreport.core.normalise import fold, fold_width, normalise, simplified_copy
from lawreport.search.tokenize import tokenize


def terms(text: str) -> list[str]:
    return [t.term for t in tokenize(normalise(text))]


def test_search_mode_yields_words_inside_longer_words():
    got = terms("严把合法性审核关")
    assert "合法性" in got and "合法" in got and "审核" in got


def test_traditional_text_is_tokenised_as_its_simplified_form():
    assert terms("嚴把合法性審核關") == terms("严把合法性审核关")
    assert terms("深入推進證明事項告知承諾制") == terms("深入推进证明事项告知承诺制")


def test_numbers_are_kept_whole_with_and_without_unit():
    got = terms("涉及金额5181万余元,共2711件,出庭应诉率99.98%,规划(2021~2035)")
    for number in ("5181万", "5181", "2711", "99.98%", "99.98", "2021", "2035"):
        assert number in got
    assert "99" not in got and "98" not in got


def test_full_width_digits_and_latin_are_folded():
    assert normalise("ＡＢＣ１２３") == "abc123"
    assert "2711" in terms("共２７１１件")
    assert "pagefind" in terms("用Pagefind检索")


def test_mixed_text_keeps_offsets_in_the_original_text():
    text = "建立“2+1”合法性审查模式,覆盖ABC系统"
    folded = normalise(text)
    assert len(folded) == len(text)
    for token in tokenize(folded):
        assert folded[token.start:token.start + len(token.term)] == token.term


def test_stop_words_and_single_characters_are_not_indexed():
    got = terms("我市的工作进一步加强")
    assert "的" not in got and "我市" not in got and "进一步" not in got
    assert "工作" in got and "加强" in got
    assert all(len(t) > 1 or t.isdigit() for t in terms("市镇村的人和事"))


def test_fold_is_one_character_to_one_and_lower_cases_only_the_search_form():
    text = "（一）１．Ａ　bＣ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "(一)1.a bc"
    assert fold_width(text) == "(一)1.A bC"  # the parser's and the analysis's form keeps case


def test_the_parser_and_the_analysis_fold_as_the_one_normaliser_does():
    # parse.chars.fold and analyse.textnorm.matching_copy are to become these two (issue 13);
    # until then they must agree character for character
    from lawreport.analyse.textnorm import matching_copy
    from lawreport.parse.chars import fold as parse_fold

    every = "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0x3000, 0x3040))
    every += "".join(chr(c) for c in range(0xFF00, 0xFFEF)) + "嚴把合法性審核關，證明事項２０２３年乾隆"
    assert fold_width(every) == parse_fold(every)
    for text in (every, "深入推進證明事項告知承諾制（２０２１～２０３５）", "於是乎後來"):
        assert simplified_copy(fold_width(text)) == matching_copy(text)


from hypothesis import given, settings, strategies as st

MIXED = st.text(alphabet=st.sampled_from(list("證明事項证明事项合法性審核审核執法执法５１８１万亿%.,ＡＢab 　（）「」、。0123456789")),
                max_size=40)


@settings(max_examples=150, deadline=None)
@given(MIXED)
def test_any_text_keeps_its_length_and_every_token_is_where_it_says(text):
    folded = normalise(text)
    assert len(folded) == len(text)
    for token in tokenize(folded):
        assert folded[token.start:token.start + len(token.term)] == token.term


def test_the_browser_folds_every_character_as_python_does(tmp_path):
    # search-engine.js folds with the table the index carries (grammar.for_browser)
    import json
    import subprocess

    from jsrun import SEARCH_JS, node
    from lawreport.search import grammar

    ix = {"grammar": grammar.for_browser(), "t2s": ["", ""], "s2t": ["", ""], "stop": [], "terms": [],
          "docs": [], "text": [], "hant": [], "post": []}
    text = "".join(chr(c) for c in range(0x20, 0xD800))
    script = ("const {Engine} = require(process.argv[1]); const ix = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(new Engine(ix.ix).fold(ix.text)));")
    out = subprocess.run([node(), "-e", script, str(SEARCH_JS)], input=json.dumps({"ix": ix, "text": text}),
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == fold(text)
