"""Documents cited in 《…》, each with where it is cited; laws told apart from local documents.

- law: national laws and administrative regulations (…法, …法典, …条例 with no place in
  front; 中华人民共和国…);
- local: documents of a province, city, county or the issuer itself (a place or a year in
  front, or a working document: 方案, 计划, 清单, 要点, 细则, 办法, 意见, 通知, 规划, 目录…);
- other: books and publications (学习纲要…).
A title is grouped in the Simplified copy, so the same document cited in either script or
with full-width brackets is one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

TITLE = re.compile(r"《([^《》\n]{1,80})》")
PLACE_FRONT = re.compile(r"^(?:(?:19|20)\d\d年(?:度)?)?[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|县|区|镇|街道)")
LAW_END = re.compile(r"(?:(?<![办方做])法|法典|条例)(?:\((?:试行|修正|修订)\))?$")
LOCAL_END = re.compile(r"(?:方案|计划|清单|要点|细则|办法|意见|通知|规划|目录|规定|决定|规则|指引|标准|制度|措施|公告|名录)"
                       r"(?:\((?:试行|暂行)\))?$")
KINDS = ("law", "local", "other")


@dataclass
class Citation:
    section: str
    text: str  # as stored, brackets included
    start: int
    end: int


@dataclass
class Document:
    title: str  # as first cited (stored script), without brackets
    key: str  # Simplified, for grouping
    kind: str
    citations: list[Citation] = field(default_factory=list)


def kind_of(title: str) -> str:
    """``title`` in Simplified, without 《》."""
    if title.startswith("中华人民共和国"):
        return "law"
    local_front = bool(PLACE_FRONT.match(title))
    if LAW_END.search(title) and not local_front:
        return "law"
    if local_front or LOCAL_END.search(title):
        return "local"
    return "other"


def documents(report: Report) -> list[Document]:
    """Documents in order of first citation."""
    found: dict[str, Document] = {}
    for section in report.walk():
        norm = matching_copy(section.text)
        for m in TITLE.finditer(norm):
            key = m.group(1).strip()
            doc = found.get(key)
            if doc is None:
                doc = found[key] = Document(section.text[m.start(1):m.end(1)].strip(), key, kind_of(key))
            doc.citations.append(Citation(section.id, section.text[m.start():m.end()], m.start(), m.end()))
    return list(found.values())
