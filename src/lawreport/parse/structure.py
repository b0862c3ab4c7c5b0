"""Paragraphs -> section tree, by the genre's numbering.

A heading at the start of a paragraph opens a section whose depth follows the
kind's rank (一、 > (一) > 1. > (1) > ①): it closes every open section of the
same or a deeper rank.  Inside a paragraph, an enumerator that continues the
numbering exactly, right after a sentence end (or inside a heading with no
full stop), starts a run-in section: that is how copies that lost their line
breaks still parse.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lawreport.core.model import Section
from lawreport.parse.chars import CIRCLED, CN_NUMERAL, SENTENCE_END, fold
from lawreport.parse.diagnostics import Diagnostics
from lawreport.parse.enumerators import Enumerator, enumeration_runs, find_points, match_at
from lawreport.core.script import to_hans

_ID_SUFFIXES = "bcdefghijklmnopqrstuvwxyz"
LONG_TITLE = 50  # real headings are short; a longer one has probably swallowed body text
_ENUM_START = set("0123456789( \t" + CN_NUMERAL + CIRCLED)


@dataclass
class Paragraph:
    line: int
    text: str


@dataclass
class _Open:
    section: Section
    kind: str
    rank: int
    value: int
    paragraphs: list[Paragraph] = field(default_factory=list)


class TreeBuilder:
    def __init__(self, diagnostics: Diagnostics, top_rank: int = 1):
        self.diag = diagnostics
        # rank of the report's top-level headings (see top_rank()); numbered lines of a deeper rank
        # before the first of them (a "1. 2. 3." list of highlights) belong to the preamble
        self.top_rank = top_rank
        self.roots: list[Section] = []
        self.preamble: list[Paragraph] = []
        self.stack: list[_Open] = []
        self.last_value: dict[str, int] = {}  # last number seen per kind, for continued counting
        self.all_open: list[_Open] = []

    # -- numbering expectations -------------------------------------------------
    def _expected(self, enum: Enumerator) -> bool:
        """Does this enumerator continue the numbering exactly?"""
        for entry in self.stack:
            if entry.kind == enum.kind:
                return enum.value == entry.value + 1
        if self.stack and enum.rank <= self.stack[-1].rank:
            # a kind not open now, shallower than the innermost: a new sibling branch
            return enum.value in (1, self.last_value.get(enum.kind, 0) + 1)
        return enum.value == 1 or enum.value == self.last_value.get(enum.kind, 0) + 1

    def _siblings(self, enum: Enumerator) -> list[Section]:
        parent = self._parent_for(enum)
        return parent.section.children if parent else self.roots

    def _parent_for(self, enum: Enumerator) -> _Open | None:
        for entry in reversed(self.stack):
            if entry.rank < enum.rank:
                return entry
        return None

    # -- building ------------------------------------------------------------
    def add(self, para: Paragraph) -> None:
        text = para.text.strip()
        enum = match_at(text)
        if enum and enum.end < len(text) and not self._before_top(enum):
            self._open(enum, text, para.line)
        else:
            if enum and enum.end < len(text):
                self.diag.note(para.line, f"{enum.text!r} comes before the first top-level heading: "
                                          "kept in the preamble")
            self._append_body(text, para.line)

    def _before_top(self, enum: Enumerator) -> bool:
        return not self.stack and not self.roots and enum.rank > self.top_rank

    def _open(self, enum: Enumerator, text: str, line: int) -> None:
        expected = self._expected(enum)
        described = self._describe_expected(enum)
        while self.stack and self.stack[-1].rank >= enum.rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        siblings = parent.section.children if parent else self.roots
        base = f"{parent.section.id}-{enum.value}" if parent else str(enum.value)
        section_id = self._new_id(base, parent, enum, siblings, line)  # warns about a duplicate itself
        if not expected and section_id == base:  # one warning per heading
            self.diag.warn(line, f"numbering: found {enum.text!r} where {described} was expected")
        section = Section(id=section_id, number=enum.text, title="", line=line)
        siblings.append(section)
        entry = _Open(section, enum.kind, enum.rank, enum.value)
        self.stack.append(entry)
        self.all_open.append(entry)
        self.last_value[enum.kind] = enum.value
        rest = text[enum.end:]
        title, title_end, body = _split_heading(rest)
        run_in = self._run_in_split(title, heading=True)
        if run_in is not None:  # "二、主要举措和成效(一)坚持……" with no line break between
            title, title_end, body = title[:run_in], "", rest[run_in:]
        spill = ""  # the start of the body, when it ran into a heading with nothing to end it
        if len(title.strip()) > LONG_TITLE:
            # only a heading that ran into a body sentence (up to its 。) is cut; a heading line
            # without 。 stays all heading, as written
            cut = _guess_heading_end(title) if title_end else None
            if cut is None:
                self.diag.warn(line, f"heading {enum.text}{title.strip()[:12]!r}… is {len(title.strip())} "
                                     "characters long: it may have run on into its body (no line break "
                                     "or full stop after the heading)")
            else:
                self.diag.warn(line, f"heading {enum.text}{title[:cut].strip()!r} ran on into its body "
                                     f"(no line break or full stop after it); its end was guessed: check it")
                title, spill, title_end = title[:cut], title[cut:] + title_end, ""
        section.title, section.title_end = title.strip(), title_end
        if run_in is not None:
            if spill.strip():
                self._append_body(spill.strip(), line)
            self.add(Paragraph(line, body))
        elif (spill + body).strip():
            self._append_body((spill + body).strip(), line)

    def _append_body(self, text: str, line: int) -> None:
        cut = self._run_in_split(text, heading=False)
        head, tail = (text[:cut], text[cut:]) if cut is not None else (text, "")
        if head.strip():
            target = self.stack[-1].paragraphs if self.stack else self.preamble
            target.append(Paragraph(line, head.strip()))
        if tail:
            self.add(Paragraph(line, tail))

    def _run_in_split(self, text: str, heading: bool) -> int | None:
        """Offset of an enumerator inside ``text`` that continues the numbering exactly."""
        folded = fold(text)
        # a body starts after a sentence end (the heading's 。) or at a line start, so offset 0
        # counts too: "一、……情况。二、……" in a copy with no line breaks
        for pos in range(0 if not heading else 1, len(text)):
            if not heading and pos and text[pos - 1] not in SENTENCE_END:
                continue
            if folded[pos] not in _ENUM_START:
                continue
            enum = match_at(text, pos, folded)
            if enum and enum.end < len(text) and self._expected(enum) and not self._before_top(enum):
                if heading and enum.kind in ("item", "subitem") and enum.value != 1:
                    continue
                return pos
        return None

    def _new_id(self, base: str, parent: _Open | None, enum: Enumerator, siblings: list[Section],
                line: int) -> str:
        taken = {s.id for s in siblings}
        if base not in taken:
            return base
        self.diag.warn(line, f"numbering: duplicate {enum.text!r} under "
                             f"{parent.section.number if parent else 'the report'}; "
                             "kept as a separate section with a suffixed id")
        # b, c, … z, then _27, _28 …: a badly damaged text can repeat a number any number of times
        suffixes = itertools.chain(_ID_SUFFIXES, (f"_{n}" for n in itertools.count(len(_ID_SUFFIXES) + 2)))
        return next(base + s for s in suffixes if base + s not in taken)

    def _describe_expected(self, enum: Enumerator) -> str:
        for entry in self.stack:
            if entry.kind == enum.kind:
                return f"number {entry.value + 1}"
        return f"number 1 or {self.last_value.get(enum.kind, 0) + 1}"

    # -- results -----------------------------------------------------------
    def finish(self) -> tuple[str, list[Section]]:
        for entry in self.all_open:
            entry.section.text = "\n".join(p.text for p in entry.paragraphs)
            self._check_points(entry.section.id, entry.paragraphs)
        self._check_points("the preamble", self.preamble)
        return "\n".join(p.text for p in self.preamble), self.roots

    def _check_points(self, where: str, paragraphs: list[Paragraph]) -> None:
        points = []
        for para in paragraphs:
            points.extend((para.line, p) for p in find_points(para.text))
        _, strays = enumeration_runs([p for _, p in points])
        for line, point in points:
            if any(point is stray for stray in strays):
                self.diag.warn(
                    line, f"enumeration: {point.marker!r} in section {where} has no "
                          f"{'一是' if point.value == 2 else '一是/二是…'} before it; kept in the "
                          "section's text (it may be a lost item heading: an editor can move it "
                          "into a section of its own in the YAML)")


def top_rank(texts: list[str]) -> int:
    """Rank of the shallowest heading kind that opens a paragraph or a sentence anywhere."""
    ranks = []
    for text in texts:
        folded = fold(text)
        for pos in range(len(text)):
            if (pos == 0 or text[pos - 1] in SENTENCE_END) and folded[pos] in _ENUM_START:
                enum = match_at(text, pos, folded)
                if enum and enum.end < len(text):
                    ranks.append(enum.rank)
    return min(ranks, default=1)


_HEADING_END = re.compile(r"情况|成效|举措|做法|问题|不足|原因|安排|打算|思路|计划")


def _guess_heading_end(title: str) -> int | None:
    """Where a run-on heading most likely ends: after its first heading-final word (情况, 成效,
    问题, 安排…) and any that follow within a few characters ("问题和原因", "不足和下一步工作打算");
    None if there is no such word early enough to tell."""
    probe = to_hans(title)
    if len(probe) != len(title):
        return None
    matches = [m for m in _HEADING_END.finditer(probe) if 4 <= m.end() <= LONG_TITLE]
    if not matches:
        return None
    end = matches[0].end()
    for m in matches[1:]:
        gap = probe[end:m.start()]
        if len(gap) > 6 or re.search(r"[，,。;；:：]", gap):
            break
        end = m.end()
    return end if len(title) - end >= 10 else None


def _split_heading(rest: str) -> tuple[str, str, str]:
    """Run-in heading: the title runs to the first 。; a line without 。 is all heading."""
    stop = rest.find("。")
    if stop < 0:
        return rest, "", ""
    return rest[:stop], "。", rest[stop + 1:]


# -- reports without numbered headings --------------------------------------------------

_NOT_HEADING_END = "。！？；，、：:,;!?…”\"’)）"
MAX_UNNUMBERED_HEADING = 40


def unnumbered_headings(texts: list[str]) -> list[int]:
    """Indexes of lines that read as unnumbered part headings: short, no sentence inside or at the
    end, followed by a body paragraph (a longer line, not another heading).  Fewer than two such
    lines are no structure at all."""
    def candidate(text: str) -> bool:
        probe = fold(to_hans(text)).strip()
        return (2 <= len(probe) <= MAX_UNNUMBERED_HEADING and probe[-1] not in _NOT_HEADING_END
                and not any(ch in probe for ch in "。！？；"))

    found = []
    for i, text in enumerate(texts[:-1]):
        following = texts[i + 1].strip()
        if candidate(text) and not candidate(following) and len(following) > len(text.strip()):
            found.append(i)
    return found if len(found) >= 2 else []
