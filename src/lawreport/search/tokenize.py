"""Normalised text -> tokens with character offsets (jieba search mode, numbers, Latin words).

The runs (numbers, Latin words, CJK) are those of ``grammar``, which search-engine.js reads too.
Numbers are cut by a regex before jieba sees the text: ``5181万`` yields ``5181`` and ``5181万``,
``99.98%`` yields ``99.98`` and ``99.98%``, so a reader finds a figure with or without its unit.
Latin words and digits are kept whole. CJK runs go to jieba in search mode, which adds the short
words inside long ones (``合法性`` also gives ``合法``). jieba is initialised once per process.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawreport.core.jieba_loader import jieba_module
from lawreport.search.grammar import TOKEN_RUN_RE, bare_number
from lawreport.search.stopwords import STOPWORDS


@dataclass(frozen=True)
class Token:
    term: str
    start: int  # offset in the normalised text


def _jieba():
    return jieba_module()  # one loader for the process (~0.5 s, once per build)


def _number_tokens(run: str, start: int) -> list[Token]:
    tokens = [Token(run, start)]
    bare = bare_number(run)
    if bare != run:
        tokens.append(Token(bare, start))
    return tokens


def tokenize(text: str) -> list[Token]:
    """Tokens of already folded text (``normalise.fold``), in order of offset, stop words out."""
    tokens: list[Token] = []
    for match in TOKEN_RUN_RE.finditer(text):
        run, start = match.group(), match.start()
        if run[0].isdigit():
            tokens.extend(_number_tokens(run, start))
        elif run.isascii():
            tokens.append(Token(run, start))
        else:
            for word, begin, _end in _jieba().tokenize(run, mode="search"):
                if len(word) > 1 and word not in STOPWORDS:
                    tokens.append(Token(word, start + begin))
    return tokens
