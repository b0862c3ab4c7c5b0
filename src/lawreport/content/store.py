"""report.yaml: written for humans, read back with errors as FILE:LINE:COL: key.path: message.

Writing: block scalars for long text, Unicode as is, a fixed key order, no
anchors.  Reading: the YAML node tree is validated before anything is built,
so every error points at the line an editor has to fix.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import yaml

from lawreport.core import pathnames
from lawreport.core.errors import LawreportError
from lawreport.core.model import CATEGORIES, SCHEMA_VERSION, RemovedSection, Report, Section, StrippedLine

HEADER = (
    "# lawreport report data (schema {v}). This file is the source of truth: edit it and rebuild.\n"
    "# Section ids are permanent (they are the permalinks): never change an existing id;\n"
    "# give a new section a new id. Text stays in the script it was received in ({script}).\n"
)
# libyaml's loader when PyYAML has it (10x faster on large corpora); same nodes, same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SECTION_ID = pathnames.SECTION_ID  # with fullmatch, via pathnames.problem
_LONG = 30  # strings longer than this (or multi-line) are written as block scalars


# -- writing ---------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # no anchors/aliases, ever
        return True


def _str(dumper: yaml.SafeDumper, value: str):
    block = "\n" in value or (len(value) > _LONG and not value.isascii())
    style = "|" if block and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


class _CDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """libyaml's emitter (4x faster), used only where it writes the same bytes as ``_Dumper``."""

    def ignore_aliases(self, data):
        return True


_CDumper.add_representer(str, _str)
_DUMP_OPTIONS = dict(allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False, indent=2)


def _dump(data: dict) -> str:
    """The pure-Python emitter's output, by the faster one when it is the same.  The two differ only
    in what they escape: libyaml escapes characters beyond U+FFFF (e.g. CJK Extension B, found in
    place names) and U+0085, which PyYAML writes as they are.  A text libyaml wrote without a single
    backslash has nothing escaped, so both emitters wrote it alike (tests/test_store.py checks)."""
    fast = yaml.dump(data, Dumper=_CDumper, **_DUMP_OPTIONS)
    if "\\" not in fast:
        return fast
    return yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)


def section_to_dict(section: Section) -> dict:
    out: dict = {"id": section.id, "number": section.number, "title": section.title}
    if section.title_source == "editor":  # written only when set, so other YAML stays as it was
        out["title_source"] = "editor"
    if section.title_end:
        out["title_end"] = section.title_end
    if section.category:
        out["category"] = section.category
    if section.text:
        out["text"] = section.text
    if section.metrics:
        out["metrics"] = section.metrics
    if section.children:
        out["children"] = [section_to_dict(c) for c in section.children]
    return out


def report_to_dict(report: Report) -> dict:
    return {
        "schema_version": report.schema_version,
        "title": report.title,
        "title_source": report.title_source,
        "issuer": report.issuer,
        **({"issuer_id": report.issuer_id} if report.issuer_id else {}),
        "addressee": report.addressee,
        "date": report.date,
        "year": report.year,
        "publication_note": report.publication_note,
        "script": report.script,
        "source": dict(report.source),
        **({"provenance": dict(report.provenance)} if report.provenance else {}),
        "front": list(report.front),
        "preamble": report.preamble,
        "sections": [section_to_dict(s) for s in report.sections],
        "signature": list(report.signature),
        "stripped": [{"line": s.line, "text": s.text, "reason": s.reason} for s in report.stripped],
        **({"removed": [{"id": r.id, "number": r.number, "title": r.title, "nearest": r.nearest}
                        for r in report.removed]} if report.removed else {}),
    }


def dumps(report: Report) -> str:
    body = _dump(report_to_dict(report))
    return HEADER.format(v=report.schema_version, script=report.script) + body


def write(report: Report, path: Path) -> None:
    """Write atomically: an editor's file is never left half-written."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(dumps(report), encoding="utf-8")
    tmp.replace(path)


# -- reading ---------------------------------------------------------------------------

REPORT_KEYS = {
    "schema_version": (int, True), "title": (str, True), "title_source": (str, False),
    "issuer": (str, False), "issuer_id": (str, False), "addressee": (str, False), "date": (str, False), "year": (int, False),
    "publication_note": (str, False), "script": (str, True), "source": (dict, False),
    "provenance": (dict, False),
    "front": (list, False), "preamble": (str, False), "sections": (list, True),
    "signature": (list, False), "stripped": (list, False), "removed": (list, False),
}
SECTION_KEYS = {
    "id": (str, True), "number": (str, True), "title": (str, True), "title_source": (str, False),
    "title_end": (str, False), "category": (str, False), "text": (str, False), "metrics": (list, False),
    "children": (list, False),
}
STRIPPED_KEYS = {"line": (int, True), "text": (str, True), "reason": (str, True)}
REMOVED_KEYS = {"id": (str, True), "number": (str, True), "title": (str, True), "nearest": (str, False)}
# A figure found in (or added to) a section's text; see lawreport.analyse.metrics.
METRIC_KEYS = {
    "id": (str, True), "value": (float, True), "unit": (str, True), "qualifier": (str, False),
    "label": (str, False), "text": (str, True), "start": (int, False), "end": (int, False),
    "hidden": (bool, False), "source": (str, False),
}
METRIC_QUALIFIERS = ("more_than", "at_least", "nearly", "about", "at_most", "less_than")
METRIC_SOURCES = ("extracted", "editor")
_TYPE_NAMES = {str: "a string", int: "a whole number", dict: "a mapping", list: "a list",
               float: "a number", bool: "true or false"}


class _Reader:
    def __init__(self, text: str, path: str):
        self.path = path
        self.loader = _LOADER(text)
        self.ids: dict[str, yaml.Node] = {}  # folded id -> its node (sections, then removed ones)

    def fail(self, node: yaml.Node | None, key_path: str, message: str):
        mark = node.start_mark if node is not None else None
        where = f"{key_path}: " if key_path else ""
        raise LawreportError(where + message, self.path, mark.line + 1 if mark else None,
                             mark.column + 1 if mark else None)

    def scalar(self, node: yaml.Node, key_path: str, kind: type):
        if kind in (dict, list):
            expected = yaml.MappingNode if kind is dict else yaml.SequenceNode
            if not isinstance(node, expected):
                self.fail(node, key_path, f"must be {_TYPE_NAMES[kind]}")
            return node
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, key_path, f"must be {_TYPE_NAMES[kind]}")
        try:
            value = self.loader.construct_object(node)
        except (ValueError, OverflowError):  # 2024-13-45 looks like a timestamp to YAML
            value = node.value
        if value is None:
            return "" if kind is str else None
        if kind is str and isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()[:10]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            return node.value  # a title or number such as 2023 written without quotes
        if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        if kind is bool and isinstance(value, bool):
            return value
        if not isinstance(value, kind) or isinstance(value, bool):
            self.fail(node, key_path, f"must be {_TYPE_NAMES[kind]}, not {value!r}")
        return value

    def mapping(self, node: yaml.Node, key_path: str, schema: dict) -> dict:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, key_path, "must be a mapping")
        values: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, key_path, "a key must be a plain name")
            key = key_node.value
            here = f"{key_path}.{key}" if key_path else key
            if key not in schema:
                self.fail(key_node, here, f"unknown key (expected one of: {', '.join(schema)})")
            if key in values:
                self.fail(key_node, here, "key given twice")
            values[key] = self.scalar(value_node, here, schema[key][0])
            values.setdefault("__nodes__", {})[key] = value_node
        for key, (_, required) in schema.items():
            if required and key not in values:
                self.fail(node, key_path, f"missing key {key!r}")
        return values

    def section(self, node: yaml.Node, key_path: str) -> Section:
        v = self.mapping(node, key_path, SECTION_KEYS)
        sid = v["id"]
        self.path_id(sid, v["__nodes__"]["id"], key_path + ".id")
        category = v.get("category") or None
        if category and category not in CATEGORIES:
            self.fail(v["__nodes__"]["category"], key_path + ".category",
                      f"{category!r} is not one of {', '.join(CATEGORIES)}")
        title_source = v.get("title_source") or "source"
        if title_source not in ("source", "editor"):
            self.fail(v["__nodes__"]["title_source"], key_path + ".title_source",
                      f"{title_source!r} is not one of source, editor")
        metrics = [self.metric(m, f"{key_path}.metrics[{i}]", v.get("text", ""))
                   for i, m in enumerate(v.get("metrics", yaml.SequenceNode("", [])).value)]
        children = [self.section(c, f"{key_path}.children[{i}]")
                    for i, c in enumerate(v.get("children", yaml.SequenceNode("", [])).value)]
        return Section(id=sid, number=v["number"], title=v["title"], text=v.get("text", ""),
                       title_end=v.get("title_end", ""), category=category, children=children,
                       metrics=metrics, title_source=title_source)

    def path_id(self, sid: str, node: yaml.Node, key_path: str) -> None:
        """A section or removed id: it names a folder of the site, so it must be a safe, free name."""
        message = pathnames.problem("section id", sid)
        if message:
            self.fail(node, key_path, message)
        first = self.ids.get(pathnames.folded(sid))
        if first is not None:  # a removed id equal to a live one: the tombstone would replace it
            case = "" if first.value == sid else f" as {first.value!r}: ids must differ by more than case"
            self.fail(node, key_path, f"duplicate id {sid!r} (first used on line "
                                      f"{first.start_mark.line + 1}{case})")
        self.ids[pathnames.folded(sid)] = node

    def metric(self, node: yaml.Node, key_path: str, text: str) -> dict:
        m = self.mapping(node, key_path, METRIC_KEYS)
        nodes = m.pop("__nodes__")
        if not math.isfinite(m["value"]):
            self.fail(nodes["value"], key_path + ".value", f"must be a finite number, not {nodes['value'].value}")
        if m.get("qualifier") and m["qualifier"] not in METRIC_QUALIFIERS:
            self.fail(nodes["qualifier"], key_path + ".qualifier",
                      f"{m['qualifier']!r} is not one of {', '.join(METRIC_QUALIFIERS)}")
        if m.get("source") and m["source"] not in METRIC_SOURCES:
            self.fail(nodes["source"], key_path + ".source", "must be extracted or editor")
        # an extracted figure whose text was edited away is just dropped at the next extraction
        if not m["text"] or (m.get("source") == "editor" and m["text"] not in text):
            self.fail(nodes["text"], key_path + ".text",
                      f"{m['text']!r} is not in the section's text (fix it or delete this figure)")
        return m

    def strings(self, node: yaml.Node, key_path: str) -> list[str]:
        return [self.scalar(item, f"{key_path}[{i}]", str) for i, item in enumerate(node.value)]

    def report(self, report_id: str) -> Report:
        root = self.loader.get_single_node()  # a YAMLError here is reported by loads()
        if root is None:
            raise LawreportError("file is empty", self.path)
        v = self.mapping(root, "", REPORT_KEYS)
        nodes = v["__nodes__"]
        if v["schema_version"] != SCHEMA_VERSION:
            self.fail(nodes["schema_version"], "schema_version",
                      f"unsupported version {v['schema_version']} (this lawreport reads {SCHEMA_VERSION})")
        if v["script"] not in ("zh-Hans", "zh-Hant"):
            self.fail(nodes["script"], "script", "must be zh-Hans or zh-Hant")
        if v.get("date") and not _real_date(v["date"]):
            self.fail(nodes["date"], "date", f"must be a date written YYYY-MM-DD (a day that exists), not {v['date']!r}")
        if v.get("issuer_id") and pathnames.problem("issuer id", v["issuer_id"]):
            self.fail(nodes["issuer_id"], "issuer_id", pathnames.problem("issuer id", v["issuer_id"]))
        sections = [self.section(n, f"sections[{i}]") for i, n in enumerate(v["sections"].value)]
        stripped = []
        for i, n in enumerate(v["stripped"].value if "stripped" in v else []):
            s = self.mapping(n, f"stripped[{i}]", STRIPPED_KEYS)
            stripped.append(StrippedLine(s["line"], s["text"], s["reason"]))
        removed = []
        for i, n in enumerate(v["removed"].value if "removed" in v else []):
            r = self.mapping(n, f"removed[{i}]", REMOVED_KEYS)
            self.path_id(r["id"], r["__nodes__"]["id"], f"removed[{i}].id")
            removed.append(RemovedSection(r["id"], r["number"], r["title"], r.get("nearest", "")))
        source = self.loader.construct_object(v["source"], deep=True) if "source" in v else {}
        provenance = self.loader.construct_object(v["provenance"], deep=True) if "provenance" in v else {}
        return Report(
            id=report_id, title=v["title"], title_source=v.get("title_source") or "editor",
            issuer=v.get("issuer", ""), issuer_id=v.get("issuer_id", ""), addressee=v.get("addressee", ""), date=v.get("date", ""),
            year=v.get("year"), publication_note=v.get("publication_note", ""), script=v["script"],
            front=self.strings(v["front"], "front") if "front" in v else [],
            preamble=v.get("preamble", ""), sections=sections,
            signature=self.strings(v["signature"], "signature") if "signature" in v else [],
            source=source, provenance=provenance, stripped=stripped, removed=removed)


def _real_date(text: str) -> bool:
    """YYYY-MM-DD naming a day that exists (2024-02-30 and 2024-13-45 do not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _yaml_error(exc: yaml.YAMLError, text: str, path: str) -> LawreportError:
    """One line, at the line and column YAML stopped at."""
    reader_error = isinstance(exc, yaml.reader.ReaderError)
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text) if reader_error else None
    if bad:  # a character YAML does not allow, e.g. U+007F (the error's own position is unreliable)
        at = bad.start()
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        code = ord(bad.group()[0])
        return LawreportError(f"invalid YAML: control character U+{code:04X} is not allowed (delete it, "
                              f"or write it as \\u{code:04X} inside double quotes)", path, line, column)
    mark = getattr(exc, "problem_mark", None)
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    return LawreportError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None,
                          mark.column + 1 if mark else None)


def loads(text: str, path: str, report_id: str) -> Report:
    reader = None
    try:
        reader = _Reader(text, path)
        return reader.report(report_id)
    except yaml.YAMLError as exc:  # while reading the node tree, or constructing a scalar
        raise _yaml_error(exc, text, path) from None
    finally:
        if reader is not None:
            reader.loader.dispose()


def load(path: Path, report_id: str | None = None) -> Report:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LawreportError(f"not UTF-8 (byte {exc.start})", str(path)) from None
    except OSError as exc:
        raise LawreportError(f"cannot read: {exc.strerror}", str(path)) from None
    return loads(text, str(path), report_id or path.parent.name)


# -- a report's identity, cheaply ---------------------------------------------------------

IDENTITY_KEYS = ("title", "issuer", "issuer_id", "year")  # all the issuer id and the year need
_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?=[ \t\r\n]|$)", re.MULTILINE)


def identity_fields(text: str) -> dict | None:
    """``title``, ``issuer``, ``issuer_id`` and ``year`` of a report.yaml, read from their own
    top-level entries only (a key at the start of a line and the lines under it), a small part
    of the file, and checked as ``loads`` checks them.  None when they cannot be read that way
    (the file is not laid out as ``dumps`` writes it, or is invalid); the build then learns them
    when it loads the report, and its identity pre-pass (build/identity.py) checks every guess."""
    starts = [(m.start(), m.group(1)) for m in _TOP_KEY.finditer(text)]
    chunks = []
    for i, (at, key) in enumerate(starts):
        if key in IDENTITY_KEYS:
            chunk = text[at:starts[i + 1][0] if i + 1 < len(starts) else len(text)]
            chunks.append(chunk if chunk.endswith("\n") else chunk + "\n")
    reader = None
    try:
        reader = _Reader("".join(chunks), "")
        root = reader.loader.get_single_node()
        if root is None:
            return None
        values = reader.mapping(root, "", {k: REPORT_KEYS[k] for k in IDENTITY_KEYS})
        if values.get("issuer_id") and pathnames.problem("issuer id", values["issuer_id"]):
            return None
    except (yaml.YAMLError, LawreportError):
        return None
    finally:
        if reader is not None:
            reader.loader.dispose()
    return {k: values.get(k, "" if k != "year" else None) for k in IDENTITY_KEYS}
