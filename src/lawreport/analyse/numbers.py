"""Numbers as written in reports: Arabic (1,283 / 99.5) and Chinese (两, 十二, 三千五百),
scale words (5181万 = 51,810,000; 1.2亿), and the qualifiers around a figure.
"""

from __future__ import annotations


CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
SCALE = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000, "千": 1000, "百": 100}

# A Chinese numeral starts with a digit or 十; 百/千 only when 余/多 follow (百余家, 千余人),
# so that 千家万户 or 百姓 are not read as numbers.
CN_NUMERAL = r"(?:[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*|[百千](?=[余多]))"
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Qualifiers kept as data.  Before the number, or after it (余/多 may stand before the unit).
QUALIFIERS = {
    "more_than": ("超过", "超", "逾", "余", "多", "多于"),
    "at_least": ("以上", "不少于", "不低于"),
    "nearly": ("近", "将近", "接近", "逼近"),
    "about": ("约", "大约", "左右", "上下"),
    "at_most": ("以下", "以内", "不超过", "不高于"),
    "less_than": ("不足", "不到", "低于", "少于"),
}
QUALIFIER_OF = {word: name for name, words in QUALIFIERS.items() for word in words}
QUALIFIER_TEXT = {"more_than": "more than", "at_least": "at least", "nearly": "nearly",
                  "about": "about", "at_most": "at most", "less_than": "less than"}
QUALIFIER_ZH = {"more_than": "超过", "at_least": "不少于", "nearly": "近", "about": "约",
                "at_most": "不超过", "less_than": "不足"}


def cn_value(numeral: str) -> int | None:
    """Value of a Chinese numeral with 十百千万亿 (三千五百万 -> 35000000); None if malformed."""
    if not numeral:
        return None
    total, section, number = 0, 0, None
    prev = ""
    for ch in numeral:
        if ch in CN_DIGIT:
            if prev in CN_DIGIT and CN_DIGIT[prev] != 0:
                return None  # digit after digit: 二〇二三 (a year read out) or 十四五 (a name)
            number = CN_DIGIT[ch]
        elif ch in CN_SMALL_UNIT:
            section += (number if number is not None else 1) * CN_SMALL_UNIT[ch]
            number = None
        elif ch == "万":
            section = (section + (number or 0)) * 10_000
            total, section, number = total + section, 0, None
        elif ch == "亿":
            total = (total + section + (number or 0)) * 100_000_000
            section, number = 0, None
        else:
            return None
        prev = ch
    value = total + section + (number or 0)
    return value or (0 if numeral[0] in "零〇○" else None)


def arabic_value(text: str) -> int | float:
    clean = text.replace(",", "")
    return float(clean) if "." in clean else int(clean)


def scaled(value: int | float, scale: str | None) -> int | float:
    """Apply a scale word; keep whole numbers whole (5181万 -> 51810000, 1.5万 -> 15000)."""
    if scale:
        value = value * SCALE[scale]
    if isinstance(value, float):
        value = round(value, 6)  # 4.6 × 1亿 is 459999999.99999994 in binary floating point
        return int(value) if value.is_integer() else value
    return value


def format_value(value: int | float) -> str:
    """51810000 -> '51,810,000'; 99.98 -> '99.98'."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_cn(value: int | float) -> str:
    """Readable with Chinese scale words: 51810000 -> '5181万', 120000000000 -> '1200亿'."""
    for word, size in (("亿", 100_000_000), ("万", 10_000)):
        if abs(value) >= size:
            return f"{value / size:.4f}".rstrip("0").rstrip(".") + word
    return format_value(value)
