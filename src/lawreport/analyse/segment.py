"""Word segmentation with jieba, loaded once per process, on the matching copy of a text.

Tokens keep their offsets, so anything found in segmented text points back to the
stored text.  A few multi-word terms of the genre are kept whole by joining jieba's words
afterwards (行政|规范性|文件 -> 行政规范性文件) rather than by adding them to jieba's
dictionary: that dictionary is shared with the search index, whose cuts must not depend on
whether the analysis ran first.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache

from lawreport.analyse import postags
from lawreport.core import jieba_loader
from lawreport.core.jieba_loader import jieba_module


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


# Verbs of the genre that jieba splits (制|发): joined like the terms, tagged as verbs.
GENRE_VERBS = ("制发", "印发", "审结", "办结", "调处", "复评", "抽检", "督办")
_TERMS = {**{t: "n" for t in GENRE_TERMS}, **{v: "v" for v in GENRE_VERBS}}
_MAX_PARTS = 4  # a genre term is at most this many jieba words
_STARTS = {t[:i] for t in _TERMS for i in range(1, len(t))}  # a term's first word is one of these


@lru_cache(maxsize=None)
def _tag_table() -> postags.TagTable:
    jieba = jieba_module()
    dict_file = jieba.dt.dictionary or os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    return postags.table_for(os.path.abspath(dict_file), jieba.dt.tmp_dir or tempfile.gettempdir())


def _merge_terms(tokens: list[Token]) -> tuple[Token, ...]:
    """Join consecutive words that make a genre term (行政|规范性|文件 -> 行政规范性文件)."""
    out, i = [], 0
    while i < len(tokens):
        if tokens[i].word not in _STARTS:  # most words begin no term
            out.append(tokens[i])
            i += 1
            continue
        for j in range(min(len(tokens), i + _MAX_PARTS), i + 1, -1):
            word = "".join(t.word for t in tokens[i:j])
            if word in _TERMS:
                out.append(Token(word, _TERMS[word], tokens[i].start, tokens[j - 1].end))
                i = j
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


@lru_cache(maxsize=8192)
def _cut(text: str, pos: bool) -> tuple[Token, ...]:
    found = jieba_loader.cut(text)
    if pos:  # tags of dictionary words from jieba's table, the others as posseg would tag them
        table = _tag_table().tags(found)
        pairs = [(w, table.get(w) or postags.fallback_tag(w)) for w in found]
    else:
        pairs = [(w, "") for w in found]
    out, at = [], 0
    for word, flag in pairs:
        out.append(Token(word, flag, at, at + len(word)))
        at += len(word)
    return _merge_terms(out)


def words(text: str) -> tuple[Token, ...]:
    """Tokens of a matching copy (Simplified text), without part-of-speech tags (fast)."""
    return _cut(text, False)


@lru_cache(maxsize=2048)
def search_words(text: str) -> tuple[str, ...]:
    """Words in search mode: a long word and the shorter words inside it (行政执法 -> 行政, 执法,
    行政执法), so that 执法 in one item meets 行政执法 in another."""
    found = jieba_loader.search_mode(jieba_loader.cut(text))
    seen = set(found)
    return tuple(found + [t.word for t in words(text) if t.word in _TERMS and t.word not in seen])


def tagged(text: str) -> tuple[Token, ...]:
    """Tokens with part-of-speech tags (slower; for short clauses)."""
    return _cut(text, True)
