from lawreport.core.model import Section
from lawreport.site.text import display, paragraphs_html


def test_paragraphs_convert_escape_and_normalise():
    s = Section(id="1", number="一、", title="t", text="關于干部,a<b\n第二段")
    html = str(paragraphs_html(s, "zh-Hans", "zh-Hant"))
    assert html == "<p>关于干部，a&lt;b</p>\n<p>第二段</p>"


def test_figures_wrapped_at_stored_offsets_in_both_scripts():
    text = "共辦理案件2711件,涉及金額5181萬余元。"
    start = text.index("2711")
    s = Section(id="1", number="一、", title="t", text=text,
                metrics=[{"value": 2711, "unit": "件", "label": "案件", "start": start, "end": start + 5},
                         {"value": 1, "start": 0, "end": 1, "hidden": True}])
    hant = str(paragraphs_html(s, "zh-Hant", "zh-Hant"))
    hans = str(paragraphs_html(s, "zh-Hans", "zh-Hant"))
    assert '<span class="figure" title="案件">2711件</span>' in hant
    assert '<span class="figure" title="案件">2711件</span>，涉及金额' in hans
    assert hant.count("<span") == 1  # hidden metric not marked


def test_display_keeps_seed_words_in_simplified():
    assert display("張家港市人民政府關于", "zh-Hant", "zh-Hans") == "张家港市人民政府关于"
    assert display("領導干部", "zh-Hant", "zh-Hans") == "领导干部"
    assert display("后塍街道", "zh-Hant", "zh-Hans") == "后塍街道"


def test_opening_is_the_first_sentence_in_the_displayed_script():
    from lawreport.site.text import opening

    s = Section(id="1", number="1.", title="t", text="\n開展“法治宣傳。”活動,效果明顯。第二句。\n第二段。")
    assert opening(s, "zh-Hans", "zh-Hant") == "开展“法治宣传。”"  # a closing quote stays with it
    assert opening(s, "zh-Hant", "zh-Hant") == "開展“法治宣傳。”"
    long = Section(id="2", number="2.", title="t", text="長" * 120 + "。後文。")
    assert opening(long, "zh-Hans", "zh-Hant", limit=80) == "长" * 80 + "……"
    assert opening(Section(id="3", number="3.", title="t", text=""), "zh-Hans", "zh-Hant") == ""
    assert opening(Section(id="4", number="4.", title="t", text="沒有句號的一行"), "zh-Hant", "zh-Hant") == "沒有句號的一行"
