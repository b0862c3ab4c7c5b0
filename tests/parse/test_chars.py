"""parse.chars: width folding keeps offsets; Chinese numerals."""

from __future__ import annotations

import pytest

from lawreport.parse.chars import cn_digits_to_int, cn_to_int, fold


def test_fold_is_one_for_one():
    text = "（一）１．加强，全年３次：　完成。"
    folded = fold(text)
    assert folded == "(一)1.加强,全年3次: 完成。" and len(folded) == len(text)


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105), ("两", 2), ("12", 12),
    ("", None), ("甲", None),
])
def test_cn_to_int(numeral, value):
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("numeral, value", [("二〇二四", 2024), ("二零二三", 2023), ("2024", 2024), ("十二", 12)])
def test_cn_digits_to_int(numeral, value):
    assert cn_digits_to_int(numeral) == value
