"""A stable issuer id per report, unifying the ways one government signs its reports.

``苏州市吴江区人民政府``, ``吴江区人民政府``, the joint ``中共苏州市吴江区委 苏州市吴江区人民政府`` and a
report whose issuer is only in its title (``2020年吴江区法治政府建设情况报告``) all get ``wujiang-qu``:

1. the name: the issuer line, else the title up to ``关于`` / the year / ``法治``;
2. of a joint issuer (``中共…委`` with ``…人民政府``), the government;
3. ``人民政府`` / ``政府`` dropped, the enclosing places dropped (``苏州市吴江区`` -> ``吴江区``): the
   innermost unit and what follows it (a department: ``长寿区司法局``) names the issuer;
4. pinyin (pypinyin, which reads words, so 长寿 is changshou and 重庆 chongqing), one token per
   name and per unit word: ``wujiang-qu``, ``changshou-qu-sifaju``.

Two places of one name in different provinces (朝阳区 of Beijing and of Changchun) get one id by
these rules; an editor tells them apart with ``issuer_id`` in the YAML, which always wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import lazy_pinyin

from lawreport.analyse.across.provinces import province_of
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

UNIT_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "街道", "新区", "省", "市", "州", "盟", "县",
              "区", "旗", "镇", "乡")
_UNITS = "(?:" + "|".join(UNIT_WORDS) + ")"
# A place name is two characters or more (苏州市, not 苏州 + 市…), except one-character counties (沛县).
_UNIT = re.compile(rf"[\u4e00-\u9fff]{{2,10}}?{_UNITS}|[\u4e00-\u9fff]{_UNITS}")
# Readings of place names pypinyin reads as common words (长宁 is not zhangning).
PLACE_READINGS = {"长": "chang", "朝": "chao"}
KEEP_READING = ("长子",)
_JOINT_SPLIT = re.compile(r"[\s、，,/]+")
_PARTY = re.compile(r"^中共(.+?)(?:委员会|委)$")
_GOVERNMENT_END = re.compile(r"(?:人民政府|政府)(?:办公室)?$")
# a title opening with 关于 names no issuer (关于2023年度法治政府建设情况的报告: not "关于")
_TITLE_NAME = re.compile(r"^(?:(?:19|20)\d\d年(?:度)?)?(?!关于)(.+?)(?=关于|(?:19|20)\d\d年|法治)")


@dataclass
class Issuer:
    id: str
    name: str  # the fullest name its reports give (Simplified as stored in the first such report)
    names: list[str] = field(default_factory=list)  # every variant seen, first seen first
    province: str = ""  # from the names, else the addressees (provinces.py), else ""
    report_ids: list[str] = field(default_factory=list)  # oldest year first


def issuer_name(report: Report) -> str:
    """The name the report is signed with, or else the one its title opens with."""
    if report.issuer.strip():
        return report.issuer.strip()
    m = _TITLE_NAME.match(matching_copy(report.title).strip())
    return report.title.strip()[m.start(1):m.end(1)] if m else ""


def government_part(name: str) -> str:
    """Of a joint issuer, the government; of a party committee alone, its place."""
    parts = [p for p in _JOINT_SPLIT.split(matching_copy(name).strip()) if p]
    if not parts:
        return ""
    for part in parts:
        if _GOVERNMENT_END.search(part):
            return part
    party = _PARTY.match(parts[-1])
    return party.group(1) if party else parts[-1]


def core_name(name: str) -> str:
    """``苏州市吴江区人民政府`` -> ``吴江区``; ``重庆市长寿区司法局`` -> ``长寿区司法局``."""
    name = government_part(name)
    gov = _GOVERNMENT_END.search(name)
    if gov:
        name = name[:gov.start()]
    units = []
    at = 0
    while (m := _UNIT.match(name, at)) is not None:
        units.append(m)
        at = m.end()
    if not units:
        return name
    return name[units[-1].start():]


@lru_cache(maxsize=4096)
def _slug(core: str) -> str:
    """One token per place name, per unit word and for the rest: ``changshou-qu-sifaju``."""
    tokens: list[str] = []
    at = 0
    while (m := _UNIT.match(core, at)) is not None:
        unit = next(u for u in UNIT_WORDS if m.group(0).endswith(u))
        syllables = lazy_pinyin(m.group(0))  # the whole unit: 朝阳区 reads chaoyang, 朝阳 zhaoyang
        name_len = len(m.group(0)) - len(unit)
        if m.group(0)[0] in PLACE_READINGS and not m.group(0).startswith(KEEP_READING):
            syllables[0] = PLACE_READINGS[m.group(0)[0]]
        tokens += ["".join(syllables[:name_len]), "".join(syllables[name_len:])]
        at = m.end()
    if core[at:]:
        tokens.append("".join(lazy_pinyin(core[at:])))
    slug = "-".join(re.sub(r"[^a-z0-9]", "", t.lower()) for t in tokens)
    return re.sub(r"-+", "-", slug).strip("-")


def derived_id(report: Report) -> str:
    core = core_name(issuer_name(report))
    return _slug(core) if core else ""


def issuer_id(report: Report) -> str:
    """The editor's ``issuer_id`` if set, else the derived one; ``unknown`` when there is no name."""
    return report.issuer_id or derived_id(report) or "unknown"


def group(reports: list[Report]) -> list[Issuer]:
    """Issuers in id order, each with its reports oldest year first (undated last, then by id)."""
    by_id: dict[str, Issuer] = {}
    for report in sorted(reports, key=lambda r: r.id):
        iid = issuer_id(report)
        name = issuer_name(report) or report.title
        issuer = by_id.setdefault(iid, Issuer(iid, name))
        if name not in issuer.names:
            issuer.names.append(name)
        issuer.report_ids.append(report.id)
    years = {r.id: (r.year is None, r.year or 0, r.id) for r in reports}
    addressees = {r.id: r.addressee for r in reports}
    for issuer in by_id.values():
        issuer.report_ids.sort(key=years.__getitem__)
        governments = [government_part(n) for n in issuer.names]
        issuer.name = max(governments, key=lambda n: (len(n), n)) if governments else issuer.name
        issuer.province = province_of(*issuer.names, *(addressees[rid] for rid in issuer.report_ids))
    return [by_id[k] for k in sorted(by_id)]


Identity = tuple[str, "int | None"]  # (issuer id, year covered)


def identity(report: Report) -> Identity:
    return issuer_id(report), report.year


def year_neighbours(identities: dict[str, Identity]) -> dict[str, tuple[str | None, str | None]]:
    """Report id -> (the same issuer's report of the nearest earlier year, of the nearest later
    year), None where there is none.  Undated reports and reports of no known issuer
    (``unknown``) have none and are nobody's; of two reports of one year, the first by id is that
    year's.  Plain data in, plain data out: the build computes it before loading any report."""
    years: dict[str, dict[int, str]] = {}
    for rid in sorted(identities):
        iid, year = identities[rid]
        if year is not None and iid != "unknown":
            years.setdefault(iid, {}).setdefault(year, rid)
    out: dict[str, tuple[str | None, str | None]] = {}
    for rid, (iid, year) in identities.items():
        mine = years.get(iid, {}) if year is not None and iid != "unknown" else {}
        earlier = [y for y in mine if y < year]
        later = [y for y in mine if y > year]
        out[rid] = (mine[max(earlier)] if earlier else None, mine[min(later)] if later else None)
    return out


def neighbours(reports: list[Report]) -> dict[str, tuple[str | None, str | None]]:
    """Report id -> (previous, next) report of the same issuer by year (``year_neighbours``)."""
    return year_neighbours({r.id: identity(r) for r in reports})
