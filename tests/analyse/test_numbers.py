import pytest

from lawreport.analyse import numbers as num


@pytest.mark.parametrize("numeral,value", [
    ("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105),
    ("三千五百", 3500), ("十二万", 120_000), ("三千五百万", 35_000_000), ("一亿二千万", 120_000_000),
    ("两万亿", 2_000_000_000_000),
])
def test_chinese_numerals(numeral, value):
    assert num.cn_value(numeral) == value


@pytest.mark.parametrize("numeral", ["二〇二三", "二零二四", "十四五", "", "甲"])
def test_digit_by_digit_and_malformed_numerals_are_not_values(numeral):
    assert num.cn_value(numeral) is None


def test_arabic_with_separators_and_decimals():
    assert num.arabic_value("1,283") == 1283
    assert num.arabic_value("99.5") == 99.5


def test_scale_words_keep_whole_numbers_whole():
    assert num.scaled(5181, "万") == 51_810_000
    assert num.scaled(1200, "亿") == 120_000_000_000
    assert num.scaled(1.5, "万") == 15_000 and isinstance(num.scaled(1.5, "万"), int)
    assert num.scaled(2.25, None) == 2.25
    assert num.scaled(4.6, "亿") == 460_000_000 and isinstance(num.scaled(4.6, "亿"), int)


def test_formatting():
    assert num.format_value(51_810_000) == "51,810,000"
    assert num.format_value(99.98) == "99.98"
    assert num.format_cn(51_810_000) == "5181万"
    assert num.format_cn(120_000_000_000) == "1200亿"
    assert num.format_cn(950) == "950"


def test_every_qualifier_word_has_a_meaning():
    for word, meaning in num.QUALIFIER_OF.items():
        assert meaning in num.QUALIFIER_TEXT, word
