"""Which section of one version of a report is which section of another (used by re-import).

Evidence, strongest first, each pass taking only sections no earlier pass took:

1. the same body text (unique on both sides): the same section, whatever its number or title;
2. the same number path and the same title;
3. the same title elsewhere (renumbered), when the title is unique on both sides;
4. similar text (a reworded section) at the same depth, best pairs first;
5. a section's children: a parent (typically one with no text of its own, such as ``2-1``) is the
   old section most of whose children its children were matched to, deepest parents first;
6. the same number path under matched parents, for a heading with neither text nor children.

Titles and text are compared after script, width and punctuation folding.  The old side's title
can be replaced by the title its original source gives (``source_titles``), so a title an editor
rewrote in the YAML does not hide the section from passes 2 and 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lawreport.core.model import Section
from lawreport.parse.chars import fold
from lawreport.core.script import to_hans

SIMILAR = 0.6  # text similarity at which an unmatched section counts as the same one, reworded
_MIN_BODY = 6  # a body this short ("略。") is no evidence of identity on its own
_NOISE = re.compile(r"[\s\W_]+")


def key(text: str) -> str:
    return _NOISE.sub("", fold(to_hans(text)))


@dataclass(eq=False)
class Node:
    section: Section
    parent: "Node | None"
    path: tuple[str, ...]  # folded numbers from the top: ("二", "五", "3")
    key_title: str = ""
    key_body: str = ""
    children: list["Node"] = field(default_factory=list)

    @property
    def key_text(self) -> str:
        return self.key_title + self.key_body

    def chain(self) -> str:
        """The displayed number path, e.g. 二、(五)3."""
        node, numbers = self, []
        while node is not None:
            numbers.append(node.section.number)
            node = node.parent
        return "".join(reversed(numbers))


def flatten(sections: list[Section], titles: dict[int, str] | None = None) -> list[Node]:
    """Every section as a node, parents before children; ``titles``: id(section) -> title to match by."""
    titles = titles or {}
    nodes: list[Node] = []

    def visit(section: Section, parent: Node | None) -> None:
        path = (parent.path if parent else ()) + (key(section.number) or section.number,)
        node = Node(section, parent, path, key(titles.get(id(section), section.title)), key(section.text))
        nodes.append(node)
        if parent is not None:
            parent.children.append(node)
        for child in section.children:
            visit(child, node)

    for s in sections:
        visit(s, None)
    return nodes


def match(old: list[Node], new: list[Node]) -> dict[Node, Node]:
    """new node -> old node, for every new node that is an old one."""
    return _Matcher(old, new).run()


class _Matcher:
    def __init__(self, old: list[Node], new: list[Node]):
        self.old, self.new = old, new
        self.matched: dict[Node, Node] = {}
        self.used: set[Node] = set()

    def take(self, n: Node, o: Node) -> None:
        self.matched[n] = o
        self.used.add(o)

    def old_left(self) -> list[Node]:
        return [o for o in self.old if o not in self.used]

    def new_left(self) -> list[Node]:
        return [n for n in self.new if n not in self.matched]

    def run(self) -> dict[Node, Node]:
        self.unique_pairs(lambda x: x.key_body if len(x.key_body) >= _MIN_BODY else "")
        by_place = {}
        for o in self.old:
            by_place.setdefault((o.path, o.key_title), o)
        for n in self.new:
            o = by_place.get((n.path, n.key_title))
            if o is not None and o not in self.used:
                self.take(n, o)
        self.unique_pairs(lambda x: x.key_title)
        self.similar()
        self.by_children()
        self.by_place_under_matched_parents()
        return self.matched

    def unique_pairs(self, pick) -> None:
        """Pair sections whose key is non-empty and occurs once on each side."""
        def once(nodes: list[Node]) -> dict[str, Node]:
            seen: dict[str, list[Node]] = {}
            for x in nodes:
                if pick(x):
                    seen.setdefault(pick(x), []).append(x)
            return {k: v[0] for k, v in seen.items() if len(v) == 1}

        olds = once(self.old_left())
        for k, n in once(self.new_left()).items():
            if k in olds:
                self.take(n, olds[k])

    def similar(self) -> None:
        candidates = []
        olds = self.old_left()
        for i, n in enumerate(self.new):
            if n in self.matched:
                continue
            for j, o in enumerate(olds):
                if len(o.path) != len(n.path):
                    continue
                # bodies when both have one: a rewritten title must not hide a kept body
                a, b = (n.key_body, o.key_body) if n.key_body and o.key_body else (n.key_text, o.key_text)
                sm = SequenceMatcher(None, a, b, autojunk=False)
                if sm.real_quick_ratio() < SIMILAR or sm.quick_ratio() < SIMILAR:
                    continue
                ratio = sm.ratio()
                if ratio >= SIMILAR:
                    candidates.append((-ratio, i, j))
        for _, i, j in sorted(candidates):
            n, o = self.new[i], olds[j]
            if n not in self.matched and o not in self.used:
                self.take(n, o)

    def by_children(self) -> None:
        for n in sorted(self.new_left(), key=lambda x: -len(x.path)):  # deepest first: chains upwards
            if not n.children:
                continue
            votes: dict[Node, int] = {}
            for child in n.children:
                o_child = self.matched.get(child)
                if o_child is not None and o_child.parent is not None and o_child.parent not in self.used:
                    votes[o_child.parent] = votes.get(o_child.parent, 0) + 1
            if not votes:
                continue
            # most children, then the same number path
            best = max(votes, key=lambda o: (votes[o], o.path == n.path))
            if len(best.path) == len(n.path) and 2 * votes[best] >= len(n.children):
                self.take(n, best)

    def by_place_under_matched_parents(self) -> None:
        olds = {(o.path, self.parent_key(o.parent)): o for o in self.old_left()
                if not o.key_body and not o.children}
        for n in self.new_left():
            if n.key_body or n.children:
                continue
            parent = self.matched.get(n.parent) if n.parent is not None else None
            if n.parent is not None and parent is None:
                continue
            o = olds.get((n.path, self.parent_key(parent)))
            if o is not None and o not in self.used:
                self.take(n, o)

    @staticmethod
    def parent_key(node: Node | None) -> int:
        return id(node) if node is not None else 0
