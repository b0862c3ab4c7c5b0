"""The shared cut (core.jieba_loader): cut line by line and cached, it gives what jieba gives for the
whole text, and its search mode what ``jieba.cut_for_search`` gives, on real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawreport.analyse import segment
from lawreport.analyse.textnorm import matching_copy
from lawreport.core import jieba_loader

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "reports" / "zjg-2023" / "source.txt"
EXCERPTS = sorted((ROOT.parent / "shared" / "real-excerpts").glob("*.txt"))


def _texts() -> list[tuple[str, str]]:
    raw = [(SEED.name, SEED.read_text(encoding="utf-8"))]
    raw += [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in EXCERPTS]
    out = []
    for name, text in raw:
        out.append((name, text))
        out.append((name + " (matching copy)", matching_copy(text)))
    return out


TEXTS = _texts()


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_cut_line_by_line_is_jiebas_cut_of_the_whole_text(name, text):
    jieba = jieba_loader.jieba_module()
    assert jieba_loader.cut(text) == jieba.lcut(text)


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_search_mode_is_jiebas_cut_for_search(name, text):
    jieba = jieba_loader.jieba_module()
    assert jieba_loader.search_mode(jieba_loader.cut(text)) == list(jieba.cut_for_search(text))


def test_real_excerpts_are_there():
    assert len(EXCERPTS) >= 20


def test_genre_terms_are_joined_and_others_left_alone():
    words = [t.word for t in segment.words("加强行政规范性文件管理，推进法治政府建设")]
    assert "行政规范性文件" in words and "法治政府" in words
    assert "".join(words) == "加强行政规范性文件管理，推进法治政府建设"


def test_search_words_add_the_genre_terms_once_each():
    found = segment.search_words("行政规范性文件和行政规范性文件")
    assert found.count("行政规范性文件") == 2  # once per occurrence, as jieba's own words
    assert "规范性" in found and "文件" in found
