from lawreport.site.strings import STRINGS, strings_for


def test_every_string_in_both_scripts():
    for key, (hans, hant) in STRINGS.items():
        assert hans and hant, key


def test_scripts_differ_where_the_characters_do():
    assert strings_for("zh-Hans").search == "搜索"
    assert strings_for("zh-Hant").search == "搜尋"
    assert strings_for("zh-Hant")["home"] == "首頁"


def test_method_names_are_strings_not_methods():
    assert strings_for("zh-Hans").copy == "复制"
