"""Re-import: a revised source replaces the text, while everything editors and readers rely on stays.

Sections of the new parse are matched to the existing YAML's sections (same number path and title,
then same title anywhere, then similar text), and a matched section keeps its id (so permalinks and
notes keep working), its metrics (with the editor's edits) and its category.  New sections get ids
that were never used before; sections the new text lacks are kept as ``removed`` entries whose
permalinks lead to the nearest surviving section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lawreport.model import RemovedSection, Report, Section
from lawreport.parse.chars import fold
from lawreport.script import to_hans

SIMILAR = 0.6  # text similarity at which an unmatched section counts as the same one, reworded
_SUFFIXES = "bcdefghijklmnopqrstuvwxyz"
_NOISE = re.compile(r"[\s\W_]+")


@dataclass
class _Node:
    section: Section
    parent: "_Node | None"
    path: tuple[str, ...]  # displayed numbers from the top: ("二、", "(五)", "3.")
    key_title: str = ""
    key_text: str = ""


@dataclass
class ReimportResult:
    report: Report
    added: list[Section] = field(default_factory=list)
    removed: list[RemovedSection] = field(default_factory=list)
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)  # id, old path, new path
    text_changed: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        lines = [f"added: {len(self.added)}, removed: {len(self.removed)}, renumbered: "
                 f"{len(self.renumbered)}, text changed: {len(self.text_changed)}"]
        lines += [f"  added {s.id} {s.number}{s.title}" for s in self.added]
        lines += [f"  removed {r.id} {r.number}{r.title} (permalink now leads to "
                  f"{r.nearest or 'the report overview'})" for r in self.removed]
        lines += [f"  renumbered {sid}: {old} -> {new}" for sid, old, new in self.renumbered]
        lines += [f"  text changed {sid}" for sid in self.text_changed]
        return lines


def _key(text: str) -> str:
    return _NOISE.sub("", fold(to_hans(text)))


def _flatten(sections: list[Section]) -> list[_Node]:
    nodes: list[_Node] = []

    def visit(section: Section, parent: _Node | None) -> None:
        path = (parent.path if parent else ()) + (_key(section.number) or section.number,)
        node = _Node(section, parent, path, _key(section.title), _key(section.title + section.text))
        nodes.append(node)
        for child in section.children:
            visit(child, node)

    for s in sections:
        visit(s, None)
    return nodes


def _match(old: list[_Node], new: list[_Node]) -> dict[int, _Node]:
    """new node index -> old node."""
    matched: dict[int, _Node] = {}
    used: set[int] = set()

    def take(i: int, o: _Node) -> None:
        matched[i] = o
        used.add(id(o))

    # 1. same place, same title
    by_place = {(o.path, o.key_title): o for o in old}
    for i, n in enumerate(new):
        o = by_place.get((n.path, n.key_title))
        if o is not None and id(o) not in used:
            take(i, o)
    # 2. same title elsewhere (renumbered), when the title is unambiguous on both sides
    def unique(nodes, pick):
        counts: dict[str, int] = {}
        for x in nodes:
            counts[pick(x)] = counts.get(pick(x), 0) + 1
        return counts

    old_left = [o for o in old if id(o) not in used]
    new_left = [(i, n) for i, n in enumerate(new) if i not in matched]
    old_counts = unique(old_left, lambda o: o.key_title)
    new_counts = unique([n for _, n in new_left], lambda n: n.key_title)
    old_by_title = {o.key_title: o for o in old_left}
    for i, n in new_left:
        if n.key_title and old_counts.get(n.key_title) == 1 and new_counts.get(n.key_title) == 1:
            take(i, old_by_title[n.key_title])
    # 3. similar text (a reworded section), best pairs first, same depth only
    candidates = []
    for i, n in enumerate(new):
        if i in matched:
            continue
        for o in old:
            if id(o) in used or len(o.path) != len(n.path):
                continue
            sm = SequenceMatcher(None, n.key_text, o.key_text, autojunk=False)
            if sm.real_quick_ratio() < SIMILAR or sm.quick_ratio() < SIMILAR:
                continue
            ratio = sm.ratio()
            if ratio >= SIMILAR:
                candidates.append((-ratio, i, old.index(o)))
    for _, i, j in sorted(candidates):
        if i not in matched and id(old[j]) not in used:
            take(i, old[j])
    return matched


def reimport(old: Report, new: Report) -> ReimportResult:
    old_nodes, new_nodes = _flatten(old.sections), _flatten(new.sections)
    matched = _match(old_nodes, new_nodes)
    taken = {n.section.id for n in old_nodes} | {r.id for r in old.removed}
    result = ReimportResult(new)
    final_id: dict[int, str] = {}  # id(new section) -> final id

    for i, node in enumerate(new_nodes):  # parents come before their children
        section = node.section
        o = matched.get(i)
        if o is not None:
            if o.path != node.path:
                result.renumbered.append((o.section.id, "".join(s.number for s in _chain(o)),
                                          "".join(s.number for s in _chain(node))))
            if _key(o.section.title + o.section.text) != node.key_text:
                result.text_changed.append(o.section.id)
            final_id[id(section)] = o.section.id
            section.metrics = o.section.metrics
            if o.section.category and node.parent is None:
                section.category = o.section.category
        else:
            local = section.id.rsplit("-", 1)[-1]
            parent_id = final_id[id(node.parent.section)] if node.parent else ""
            base = f"{parent_id}-{local}" if parent_id else local
            candidate = base
            for suffix in _SUFFIXES:
                if candidate not in taken:
                    break
                candidate = base + suffix
            final_id[id(section)] = candidate
            result.added.append(section)
        taken.add(final_id[id(section)])
    for node in new_nodes:
        node.section.id = final_id[id(node.section)]

    survivors = {id(o) for o in matched.values()}
    new_id_of_old = {id(o): final_id[id(new_nodes[i].section)] for i, o in matched.items()}
    result.removed = [RemovedSection(o.section.id, o.section.number, o.section.title, _nearest(o, old_nodes, survivors, new_id_of_old))
                      for o in old_nodes if id(o) not in survivors]
    new.removed = list(old.removed) + result.removed
    if old.title_source == "editor":
        new.title, new.title_source = old.title, "editor"
    return result


def _chain(node: _Node) -> list[Section]:
    chain = []
    while node is not None:
        chain.append(node.section)
        node = node.parent
    return list(reversed(chain))


def _nearest(node: _Node, old_nodes: list[_Node], survivors: set[int], new_id_of_old: dict[int, str]) -> str:
    """The surviving section closest to a removed one: its previous sibling, else its parent."""
    siblings = [n for n in old_nodes if n.parent is node.parent]
    before = siblings[: siblings.index(node)]
    for sib in reversed(before):
        if id(sib) in survivors:
            return new_id_of_old[id(sib)]
    parent = node.parent
    while parent is not None:
        if id(parent) in survivors:
            return new_id_of_old[id(parent)]
        parent = parent.parent
    return ""
