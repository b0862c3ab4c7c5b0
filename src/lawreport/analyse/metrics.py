"""Figures in a section's text: number + unit, with qualifier, label and exact source span.

A figure is stored per section under ``metrics`` in report.yaml (keys in ``Metric``).
Extraction is re-run on demand (``lawreport metrics``); an editor's fixes survive it:
figures are matched by a stable id (section id + matched text + occurrence), so an
edited label stays, a hidden figure stays hidden, and figures an editor added stay.

What is *not* a figure (each rule is ``_excluded`` below, with the reason it reports):
dates and years (2023年, 5月, 28日), ordinals and names (第一, 首批, 二十大, 八项规定),
phone and hotline numbers (12345热线), anything inside quotes or a document title
(“123”, 《…2023年版》), ranges (2021~2035), identifiers and filing numbers (8+ digits),
and Chinese 一 (一批, 一次 are articles, not counts).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from lawreport.analyse import numbers as num
from lawreport.analyse import units as U
from lawreport.analyse.labels import label_for
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report, Section
from lawreport.core.script import HANS


_PRE_Q = "不超过|不少于|不低于|超过|不足|不到|低于|少于|将近|接近|大约|超|逾|近|约"
_CN_LEAD = "零〇一二两三四五六七八九十百千万亿"


def _unit_alternation() -> str:
    parts = []
    for unit in U.UNITS:
        guard = U.NOT_BEFORE.get(unit, "")
        parts.append(re.escape(unit) + (f"(?![{guard}])" if guard else ""))
    return "|".join(parts)


FIGURE = re.compile(
    rf"(?P<run>连续)?(?P<preq>{_PRE_Q})?"
    rf"(?:百分之(?P<pct>{num.ARABIC}|{num.CN_NUMERAL}|百)"
    rf"|(?P<num>(?<!\d)(?<!\d[.,])(?:{num.ARABIC})(?!\d)|(?<![{_CN_LEAD}])(?:{num.CN_NUMERAL}))"
    rf"(?P<scale>万亿|亿|万|千(?=[万亿元]))?(?P<midq>余|多)?(?P<unit>{_unit_alternation()})"
    rf"(?P<tailq>以上|以下|以内|左右|余|多)?)"
)

# Fixed phrases of the genre that contain a count but name a doctrine or a programme.
NAME_PHRASES = (
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "五位一体", "八项规定", "三重一大",
    "十四五", "十五五", "两个责任", "一府两院", "三会一课", "两学一做", "四下基层", "六稳", "六保",
    "三项制度", "两法衔接", "两降一升", "五大发展理念", "三个务必", "两个结合",
)
_QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉"), ('"', '"'))
_HOTLINE_AFTER = re.compile(r"^[^,。;，；]{0,6}?(热线|专线|电话|服务中心|检察|平台|短信|公众号|服务号)")
_HOTLINE_BEFORE = re.compile(r"(拨打|电话|热线|专线|号码|手机|传真|热线电话)[:\s]?$")
_DURATION_LEAD = re.compile(r"(满|历时|用了|用|时隔|近|长达|达)$")
_DURATION_TAIL = "来内间多余"
_SENTENCE_END = re.compile(r"[。;!?；！？\n]")


@dataclass
class Metric:
    id: str
    value: int | float
    unit: str
    label: str
    text: str
    start: int
    end: int
    qualifier: str | None = None
    hidden: bool = False
    source: str = "extracted"
    section: str = field(default="", compare=False)  # section id (not stored: implied by place)

    def to_dict(self) -> dict:
        out = {"id": self.id, "value": self.value, "unit": self.unit}
        if self.qualifier:
            out["qualifier"] = self.qualifier
        out.update({"label": self.label, "text": self.text, "start": self.start, "end": self.end})
        if self.hidden:
            out["hidden"] = True
        out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, data: dict, section_id: str) -> "Metric":
        return cls(id=str(data.get("id", "")), value=data.get("value", 0),
                   unit=str(data.get("unit", "")), label=str(data.get("label", "")),
                   text=str(data.get("text", "")), start=int(data.get("start") or 0),
                   end=int(data.get("end") or 0), qualifier=data.get("qualifier") or None,
                   hidden=bool(data.get("hidden", False)),
                   source=str(data.get("source") or "extracted"), section=section_id)

    @property
    def anchor(self) -> str:
        """HTML id of the figure on the metrics page, stable like the metric id."""
        return "m-" + hashlib.sha1(self.id.encode("utf-8")).hexdigest()[:10]


def _quoted_ranges(norm: str) -> list[tuple[int, int]]:
    """Spans inside quotes or 《》 (a slogan, a name, a document title), not crossing a sentence."""
    ranges = []
    for open_, close in _QUOTES:
        at = 0
        while (i := norm.find(open_, at)) >= 0:
            j = norm.find(close, i + 1)
            if j < 0:
                break
            if "。" not in norm[i:j] and "\n" not in norm[i:j]:
                ranges.append((i, j + 1))
            at = j + 1
    return ranges


def _name_ranges(norm: str) -> list[tuple[int, int]]:
    out = []
    for phrase in NAME_PHRASES:
        at = 0
        while (i := norm.find(phrase, at)) >= 0:
            out.append((i, i + len(phrase)))
            at = i + 1
    return out


def _excluded(m: re.Match, norm: str, protected: list[tuple[int, int]]) -> str | None:
    """Why a match is not a figure, or None if it is one."""
    numeral = m.group("num") or m.group("pct") or ""
    n_start = m.start("num") if m.group("num") else m.start("pct")
    n_end = m.end("num") if m.group("num") else m.end("pct")
    unit = m.group("unit") or "%"
    before = norm[max(0, m.start() - 6):m.start()]
    after = norm[m.end():m.end() + 12]
    arabic = numeral[:1].isdigit()
    if any(a <= m.start() < b or a < m.end() <= b for a, b in protected):
        return "quoted or a name"
    if before.endswith("第") or (before.endswith("前") and unit in ("名", "位")):
        return "ordinal"
    if re.search(r"\d\s*[~\-—–至到]\s*$", norm[max(0, n_start - 3):n_start]) or \
            re.match(r"^\s*[~\-—–至到]\s*\d", norm[n_end:n_end + 3]):
        return "range"
    if arabic:
        digits = numeral.replace(",", "").split(".")[0]
        if "," not in numeral and len(digits) >= 8:
            return "identifier"
        if n_start > 0 and norm[n_start - 1].isascii() and norm[n_start - 1].isalpha():
            return "identifier"
        if len(digits) >= 3 and digits.startswith("1") and "," not in numeral and (
                _HOTLINE_AFTER.match(norm[n_end:n_end + 12]) or _HOTLINE_BEFORE.search(norm[:n_start])):
            return "phone or hotline"
    else:
        if numeral[0] in "零〇○":
            return "not a number"
        value = num.cn_value(numeral)
        if value is None:
            return "not a number"
        if value == 1:
            return "article (一)"
        if numeral == "二" and m.group("unit") in U.CLASSIFIERS + ("次",):
            return "ordinal"  # 二期, 二次, 二批: phase two, secondary; a count says 两期, 两次
    if unit == "年":
        year_like = arabic and numeral.isdigit() and len(numeral) == 4 and 1900 <= int(numeral) <= 2100
        duration = (m.group("run") or m.group("preq") or m.group("midq") or m.group("tailq")
                    or _DURATION_LEAD.search(before) or (after[:1] and after[0] in _DURATION_TAIL))
        if year_like or not duration:
            return "year or date"
    return None


def _value(m: re.Match) -> tuple[int | float, str]:
    numeral = m.group("num") or m.group("pct")
    value = num.arabic_value(numeral) if numeral[0].isdigit() else num.cn_value(numeral)
    unit = m.group("unit") or "%"
    scale = m.group("scale")
    if unit in U.SCALED_UNITS:
        extra, unit = U.SCALED_UNITS[unit]
        value = num.scaled(value, extra)
    return num.scaled(value, scale), unit


def _qualifier(m: re.Match, norm: str) -> str | None:
    preq = m.group("preq")
    if preq == "近" and m.start("preq") > 0 and norm[m.start("preq") - 1] in "最附临接将":
        preq = None
    for word in (preq, m.group("midq"), m.group("tailq")):
        if word:
            return num.QUALIFIER_OF[word]
    return None


def candidates(text: str) -> list[tuple[re.Match, str | None]]:
    """Every number+unit match in ``text`` with the reason it is excluded (None: a figure)."""
    norm = matching_copy(text)
    protected = _quoted_ranges(norm) + _name_ranges(norm)
    return [(m, _excluded(m, norm, protected)) for m in FIGURE.finditer(norm)]


def extract_text(text: str, section_id: str, script: str = HANS, title: str = "") -> list[Metric]:
    """Figures of one section body.  ``script`` is the script the text is stored in; ``title``
    (the section's heading) labels a figure whose clause names nothing."""
    norm = matching_copy(text)
    found: list[Metric] = []
    seen: dict[str, int] = {}
    for m, reason in candidates(text):
        if reason:
            continue
        start, end = m.start(), m.end()
        if m.group("preq") == "近" and _qualifier(m, norm) is None:
            start = m.start("num")  # 最近3年: 近 belongs to 最近
        value, unit_hans = _value(m)
        span = text[start:end]
        # the unit as written in the stored script (項, not 项); 万元 keeps only 元
        stored_unit = text[m.start("unit"):m.end("unit")] if m.group("unit") else "%"
        unit = stored_unit[len(stored_unit) - len(unit_hans):]
        seen[span] = seen.get(span, 0) + 1
        mid = f"{section_id}:{span}" + (f":{seen[span]}" if seen[span] > 1 else "")
        label = label_for(text, norm, start, end, unit_hans)
        if len(label) < 2:
            # 执法人员3轮次、4000余人: the second figure counts what the first did
            previous = found[-1] if found and not _SENTENCE_END.search(norm, found[-1].end, start) else None
            label = previous.label if previous and previous.label else title
        found.append(Metric(id=mid, value=value, unit=unit, label=label,
                            text=span, start=start, end=end, qualifier=_qualifier(m, norm),
                            section=section_id))
    return found


def section_metrics(section: Section) -> list[Metric]:
    return [Metric.from_dict(d, section.id) for d in section.metrics]


def locate(text: str, span: str, near: int) -> tuple[int, int] | None:
    """Where ``span`` now stands in ``text``: at ``near`` if still there, else the nearest occurrence."""
    if not span:
        return None
    if text[near:near + len(span)] == span:
        return near, near + len(span)
    hits = [i for i in range(len(text)) if text.startswith(span, i)]
    if not hits:
        return None
    best = min(hits, key=lambda i: abs(i - near))
    return best, best + len(span)


def merge(existing: list[Metric], fresh: list[Metric], text: str) -> list[Metric]:
    """Fresh extraction, keeping an editor's work: labels and hidden flags of figures that are
    still found, and every figure the editor added (its span re-located in the text)."""
    old = {m.id: m for m in existing if m.source == "extracted"}
    out = []
    for m in fresh:
        if m.id in old:
            m.label = old[m.id].label or m.label
            m.hidden = old[m.id].hidden
        out.append(m)
    taken = {m.id for m in out}
    for m in existing:
        if m.source == "editor" and m.id not in taken:
            where = locate(text, m.text, m.start)
            if where:
                m.start, m.end = where
            out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end, m.id))


@dataclass
class RefreshSummary:
    figures: int = 0
    added: int = 0
    removed: int = 0
    kept_edits: int = 0


def refresh(report: Report) -> RefreshSummary:
    """Re-run extraction on every section of ``report`` in place (see ``merge``)."""
    summary = RefreshSummary()
    for section in report.walk():
        existing = section_metrics(section)
        fresh = extract_text(section.text, section.id, report.script, section.title)
        merged = merge(existing, fresh, section.text)
        before = {m.id for m in existing}
        after = {m.id for m in merged}
        summary.added += len(after - before)
        summary.removed += len(before - after)
        summary.kept_edits += sum(1 for m in merged if m.source == "editor" or m.hidden)
        summary.figures += len(merged)
        section.metrics = [m.to_dict() for m in merged]
    return summary


def report_metrics(report: Report, include_hidden: bool = False) -> list[Metric]:
    """All figures of a report in reading order, spans checked against the current text."""
    out = []
    for section in report.walk():
        for m in section_metrics(section):
            if m.hidden and not include_hidden:
                continue
            where = locate(section.text, m.text, m.start)
            if where is None:
                continue  # the text changed under the figure: not shown until re-extracted
            m.start, m.end = where
            out.append(m)
    return out
