"""Word segmentation with jieba, loaded once per process, on the matching copy of a text.

Tokens keep their offsets, so anything found in segmented text points back to the
stored text.  A few multi-word terms of the genre are added to the dictionary so they
stay whole (规范性文件, not 规范/性/文件).  The analysis uses its own jieba tokenizer, so
these additions never change how the search index (global jieba) cuts words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

# Terms of administrative-law reporting that jieba splits by default.
GENRE_TERMS = (
    "法治政府", "依法行政", "行政执法", "行政复议", "行政诉讼", "行政应诉", "规范性文件",
    "行政规范性文件", "矛盾纠纷", "合法性审查", "合法性审核", "法治督察", "执法监督",
    "公共法律服务", "法律顾问", "公职律师", "人民调解", "行政争议", "重大行政决策",
    "营商环境", "包容审慎", "证明事项", "告知承诺制", "行政裁量权", "法治思想", "司法所",
    "执法人员", "执法案卷", "出庭应诉", "免罚轻罚", "一网通办", "放管服", "信用监管",
    "普法", "法治宣传", "法治建设", "法治工作", "议事协调机构", "行政处罚", "行政许可",
    "行政检查", "行政强制", "综合行政执法", "法制审核", "败诉", "纠错", "化解率",
)


@dataclass(frozen=True)
class Token:
    word: str
    flag: str  # jieba part-of-speech tag
    start: int
    end: int


@lru_cache(maxsize=1)
def _tokenizers() -> tuple[jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    """Loaded once per process (about half a second)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    for term in GENRE_TERMS:
        tagger.tokenizer.add_word(term, freq=200_000, tag="n")
    return tokenizer, tagger


@lru_cache(maxsize=8192)
def _cut(text: str, pos: bool) -> tuple[Token, ...]:
    tokenizer, tagger = _tokenizers()
    out, at = [], 0
    pairs = tagger.lcut(text) if pos else [(w, "") for w in tokenizer.lcut(text)]
    for item in pairs:
        word, flag = (item.word, item.flag) if pos else item
        out.append(Token(word, flag, at, at + len(word)))
        at += len(word)
    return tuple(out)


def words(text: str) -> tuple[Token, ...]:
    """Tokens of a matching copy (Simplified text), without part-of-speech tags (fast)."""
    return _cut(text, False)


@lru_cache(maxsize=2048)
def search_words(text: str) -> tuple[str, ...]:
    """Words in search mode: a long word and the shorter words inside it (行政执法 -> 行政, 执法,
    行政执法), so that 执法 in one item meets 行政执法 in another."""
    tokenizer, _ = _tokenizers()
    return tuple(tokenizer.cut_for_search(text))


def tagged(text: str) -> tuple[Token, ...]:
    """Tokens with part-of-speech tags (slower; for short clauses)."""
    return _cut(text, True)
