"""Indicators: a figure gets a key when it measures one of the genre's recurring quantities.

The rules are data (``indicators.yaml`` beside this file, documented there), so a researcher
adds or corrects an indicator without touching code.  A figure is tested against the rules in
file order; the first it satisfies gives its key.  Per report an indicator's *value* is its first
figure in reading order (a report that says 收到…申请326件 and later 受理298件 gives 326 once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from lawreport.analyse.metrics import Metric, report_metrics
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.errors import LawreportError
from lawreport.core.model import Report

RULES_FILE = Path(__file__).with_name("indicators.yaml")
_CLAUSE_START = re.compile(r"[,;。:，；：!?！？\n]")
_SENTENCE_START = re.compile(r"[。;；!?！？\n]")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    key: str
    name: tuple[str, str]  # Simplified, Traditional
    unit: tuple[str, ...]
    clause: tuple[str, ...]
    lead: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()


@dataclass
class Figure:
    """A figure of one report with the indicator it measures ("" when none)."""

    report_id: str
    metric: Metric
    indicator: str


@dataclass
class Reading:
    """One report's value of one indicator."""

    report: Report
    metric: Metric


@dataclass
class Indicator:
    rule: Rule
    readings: list[Reading] = field(default_factory=list)  # one per report, by year then id


def load_rules(path: Path = RULES_FILE) -> list[Rule]:
    """The rules; a malformed file is one error naming the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LawreportError(f"invalid YAML: {getattr(exc, 'problem', exc)}", str(path),
                             mark.line + 1 if mark else None) from None
    data = yaml.safe_load(text) or {}
    nodes = root.value if root is not None else []
    entries = next((v for k, v in nodes if k.value == "indicators"), None)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list) or entries is None:
        raise LawreportError("needs a list under 'indicators'", str(path), 1)
    rules, seen = [], set()
    for item, node in zip(data["indicators"], entries.value):
        line = node.start_mark.line + 1

        def words(name: str, required: bool = False) -> tuple[str, ...]:
            value = item.get(name, [])
            if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value) \
                    or (required and not value):
                raise LawreportError(f"'{name}' must be a list of words", str(path), line)
            return tuple(matching_copy(w) for w in value)

        if not isinstance(item, dict):
            raise LawreportError("an indicator is a mapping (key, name, unit, clause…)", str(path), line)
        unknown = set(item) - {"key", "name", "unit", "clause", "lead", "not"}
        if unknown:
            raise LawreportError(f"unknown field {sorted(unknown)[0]!r}", str(path), line)
        key, name = item.get("key"), item.get("name")
        if not isinstance(key, str) or not _KEY.match(key) or key in seen:
            raise LawreportError(f"key {key!r} must be unique, lower-case letters and digits joined by -",
                                 str(path), line)
        if not (isinstance(name, list) and len(name) == 2 and all(isinstance(n, str) and n for n in name)):
            raise LawreportError("name must be [Simplified, Traditional]", str(path), line)
        seen.add(key)
        rules.append(Rule(key, (name[0], name[1]), tuple(item.get("unit") and words("unit", True) or ()),
                          words("clause", True), words("lead"), words("not")))
        if not rules[-1].unit:
            raise LawreportError("'unit' must be a list of words", str(path), line)
    return rules


@lru_cache(maxsize=4)
def _rules(path: str) -> tuple[Rule, ...]:
    return tuple(load_rules(Path(path)))


def rules() -> tuple[Rule, ...]:
    return _rules(str(RULES_FILE))


def context(metric: Metric, text: str) -> tuple[str, str]:
    """(clause, lead) of a figure in its section's Simplified text."""
    norm = matching_copy(text)
    before = norm[:metric.start]
    clause_at = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    sentence_at = max((m.end() for m in _SENTENCE_START.finditer(before)), default=0)
    end = metric.end
    return norm[clause_at:end] + " " + matching_copy(metric.label), norm[sentence_at:end]


def classify(metric: Metric, text: str, rule_list: tuple[Rule, ...] | None = None) -> str:
    clause, lead = context(metric, text)
    unit = matching_copy(metric.unit)
    for rule in rule_list if rule_list is not None else rules():
        if unit not in rule.unit or not any(w in clause for w in rule.clause):
            continue
        if rule.lead and not any(w in lead for w in rule.lead):
            continue
        if any(w in clause for w in rule.not_):
            continue
        return rule.key
    return ""


def figures(report: Report) -> list[Figure]:
    """Every shown figure of the report, in reading order, with its indicator key."""
    texts = {s.id: s.text for s in report.walk()}
    return [Figure(report.id, m, classify(m, texts[m.section])) for m in report_metrics(report)]


def _order(report: Report) -> tuple:
    return (report.year is None, report.year or 0, report.id)


def across(reports: list[Report], per_report: dict[str, list[Figure]]) -> list[Indicator]:
    """Every indicator in rule order, with one reading per report that gives it."""
    out = []
    for rule in rules():
        ind = Indicator(rule)
        for report in sorted(reports, key=_order):
            first = next((f for f in per_report[report.id] if f.indicator == rule.key), None)
            if first is not None:
                ind.readings.append(Reading(report, first.metric))
        out.append(ind)
    return out
