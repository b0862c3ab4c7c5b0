"""Re-import: a revised source replaces the text, while everything editors and readers rely on stays.

Sections of the new parse are matched to the existing YAML's sections by content as well as by
number and title (see ``reimport_match``).  A matched section keeps its id (so permalinks and notes
keep working), its metrics (with the editor's edits), its category and an editor's title.  A new
section that has the title of a removed one gets its id back and its tombstone is lifted; other new
sections get ids that were never used before.  Sections the new text lacks are kept as ``removed``
entries whose permalinks lead to the nearest surviving section.

When is a title the editor's?  When the YAML says so (``title_source: editor``, written by an
earlier re-import), or when it differs from the title the report's original source gives for that
section.  The original source is the new source itself when their sha256 agree, else the YAML's
``source.file`` beside it if its sha256 still matches.  Without it, a YAML title that differs from
the new source's is kept too (an edit is never lost) and the summary says so, so an editor can take
the source's title instead.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from lawreport.core.errors import LawreportError
from lawreport.core.model import RemovedSection, Report, Section
from lawreport.parse.reimport_match import Node, flatten, key, match

_SUFFIXES = "bcdefghijklmnopqrstuvwxyz"


@dataclass
class ReimportResult:
    report: Report
    added: list[Section] = field(default_factory=list)
    removed: list[RemovedSection] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # ids of removed sections that came back
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)  # id, old path, new path
    text_changed: list[str] = field(default_factory=list)
    titles_kept: list[tuple[str, str, str]] = field(default_factory=list)  # id, editor's, source's
    original_found: bool = True  # whether the original source told which titles are the editor's

    def summary(self) -> list[str]:
        lines = [f"added: {len(self.added)}, removed: {len(self.removed)}, renumbered: "
                 f"{len(self.renumbered)}, text changed: {len(self.text_changed)}, restored: "
                 f"{len(self.restored)}, editor's titles kept: {len(self.titles_kept)}"]
        lines += [f"  added {s.id} {s.number}{s.title}" for s in self.added]
        lines += [f"  removed {r.id} {r.number}{r.title} (permalink now leads to "
                  f"{r.nearest or 'the report overview'})" for r in self.removed]
        lines += [f"  restored {sid} (its removed entry is lifted)" for sid in self.restored]
        lines += [f"  renumbered {sid}: {old} -> {new}" for sid, old, new in self.renumbered]
        lines += [f"  text changed {sid}" for sid in self.text_changed]
        why = "" if self.original_found else " (original source not found: kept as the editor's)"
        lines += [f"  title kept {sid}: {mine!r}; the source has {theirs!r}{why}"
                  for sid, mine, theirs in self.titles_kept]
        return lines


def original_source(yaml_path: Path, old: Report, new: Report) -> Report | None:
    """The parse of the source the YAML was made from, if that exact text can still be found."""
    from lawreport.parse import parse_text
    from lawreport.parse.decode import read_source

    sha = old.source.get("sha256")
    if not sha:
        return None
    if new.source.get("sha256") == sha:
        return copy.deepcopy(new)
    name = str(old.source.get("file") or "")
    path = Path(yaml_path).parent / name
    if not name or Path(name).name != name or not path.is_file():
        return None  # only a plain file name beside the YAML, never a path the YAML points to
    try:
        data = read_source(path)
        if hashlib.sha256(data).hexdigest() != sha:
            return None
        return parse_text(data, str(path), old.id, name).report
    except LawreportError:
        return None


def reimport(old: Report, new: Report, original: Report | None = None) -> ReimportResult:
    """Carry ids, figures, categories and editor's titles from ``old`` (the YAML) over to ``new``.

    ``original``: the parse of the source ``old`` was made from (see ``original_source``).
    """
    source_titles = _source_titles(old, original)
    old_nodes = flatten(old.sections, source_titles)
    new_nodes = flatten(new.sections)
    matched = match(old_nodes, new_nodes)
    restored = _restore(old, [n for n in new_nodes if n not in matched])
    taken = {n.section.id for n in old_nodes} | {r.id for r in old.removed}
    result = ReimportResult(new, original_found=original is not None)
    final_id: dict[Node, str] = {}

    for node in new_nodes:  # parents come before their children
        section = node.section
        o = matched.get(node)
        if o is not None:
            final_id[node] = o.section.id
            _carry(o, node, source_titles, original is not None, result)
        elif node in restored:
            final_id[node] = restored[node]
            result.restored.append(restored[node])
        else:
            final_id[node] = _fresh_id(section, final_id.get(node.parent, ""), taken)
            result.added.append(section)
        taken.add(final_id[node])
    for node in new_nodes:
        node.section.id = final_id[node]

    survivors = {o: final_id[n] for n, o in matched.items()}
    result.removed = [RemovedSection(o.section.id, o.section.number, o.section.title,
                                     _nearest(o, old_nodes, survivors))
                      for o in old_nodes if o not in survivors]
    back = set(restored.values())
    kept = [copy.copy(r) for r in old.removed if r.id not in back]
    now_removed = {r.id: r.nearest for r in result.removed}
    for r in kept:  # a tombstone pointing at a section removed now points where that one does
        while r.nearest in now_removed:
            r.nearest = now_removed[r.nearest]
    new.removed = kept + result.removed
    if old.title_source == "editor":
        new.title, new.title_source = old.title, "editor"
    return result


def _source_titles(old: Report, original: Report | None) -> dict[int, str]:
    """id(YAML section) -> the title the original source gives it (empty without the original)."""
    if original is None:
        return {}
    yaml_nodes = flatten(old.sections)
    pairs = match(flatten(original.sections), yaml_nodes)  # YAML node -> original node
    return {id(n.section): o.section.title for n, o in pairs.items()}


def _carry(o: Node, node: Node, source_titles: dict, original_known: bool,
           result: ReimportResult) -> None:
    """What a matched section keeps from its old version."""
    old_s, section = o.section, node.section
    sid = old_s.id
    if o.path != node.path:
        result.renumbered.append((sid, o.chain(), node.chain()))
    section.metrics = old_s.metrics
    if old_s.category and node.parent is None:
        section.category = old_s.category
    if old_s.title_source == "editor":
        editors = True
    elif original_known and id(old_s) in source_titles:
        editors = old_s.title != source_titles[id(old_s)]
    else:  # nothing tells whose the difference is: keep the YAML's, which loses nothing
        editors = old_s.title != section.title
    if o.key_body != node.key_body or (not editors and o.key_title != node.key_title):
        result.text_changed.append(sid)
    if editors:
        if section.title != old_s.title:
            result.titles_kept.append((sid, old_s.title, section.title))
        section.title, section.title_source = old_s.title, "editor"


def _restore(old: Report, unmatched: list[Node]) -> dict[Node, str]:
    """Unmatched new sections that carry a removed section's title (unique both ways) -> its id."""
    tombs: dict[str, list[str]] = {}
    for r in old.removed:
        tombs.setdefault(key(r.title), []).append(r.id)
    titles: dict[str, list[Node]] = {}
    for n in unmatched:
        titles.setdefault(n.key_title, []).append(n)
    return {nodes[0]: tombs[k][0] for k, nodes in titles.items()
            if k and len(nodes) == 1 and len(tombs.get(k, ())) == 1}


def _fresh_id(section: Section, parent_id: str, taken: set[str]) -> str:
    local = section.id.rsplit("-", 1)[-1]
    base = f"{parent_id}-{local}" if parent_id else local
    candidate = base
    for suffix in _SUFFIXES:
        if candidate not in taken:
            break
        candidate = base + suffix
    return candidate


def _nearest(node: Node, old_nodes: list[Node], survivors: dict[Node, str]) -> str:
    """The surviving section closest to a removed one: its previous sibling, else its parent."""
    siblings = node.parent.children if node.parent else [n for n in old_nodes if n.parent is None]
    for sib in reversed(siblings[: siblings.index(node)]):
        if sib in survivors:
            return survivors[sib]
    parent = node.parent
    while parent is not None:
        if parent in survivors:
            return survivors[parent]
        parent = parent.parent
    return ""
