"""Places and bodies the report names: towns (…镇), streets (…街道), and departments and
bodies (…局, …委员会, …中心, …办公室, …法院, …检察院, …司法所).

Names are read on jieba's tokens of the Simplified copy: a suffix token (镇, 中心…) or a token
ending in one takes the name words just before it, up to a punctuation mark, a function word
or a verb that starts a clause.  Generic words (乡镇, 区镇, 各镇, 该中心) are not names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawreport.analyse import segment
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

PLACE_SUFFIXES = ("街道", "镇", "乡")
BODY_SUFFIXES = ("委员会", "办公室", "检察院", "法院", "司法所", "中心", "局", "工作站", "调解室")
GENERIC_BEFORE_SUFFIX = set("区乡城村集")
GENERIC_HEADS = set("城乡村集各区全本该每这那其我市县省")  # 各镇, 该中心, 全市中心
NOT_BEFORE_NAME = set("的和与及或等在对为以把被将由从向于之其并也又都就还而且是有了由经") | {"及其", "以及"}
NOT_AFTER_NAME = {"工作", "任务", "环节", "城区", "地位", "作用", "思想"}  # 中心工作 is no body
LEAD_VERBS = {"整合", "设立", "成立", "建成", "打造", "依托", "联合", "邀请", "组建", "推动", "开设", "建立",
              "设置", "入驻", "吸纳", "汇聚", "揭牌", "获评", "荣获", "率领", "召开", "主持", "包括", "针对"}
MAX_NAME = 14


@dataclass
class Mention:
    section: str
    start: int
    end: int


@dataclass
class Named:
    name: str  # as first written (stored script)
    key: str  # Simplified
    kind: str  # "place" or "body"
    mentions: list[Mention] = field(default_factory=list)


def _suffix(word: str) -> tuple[str, str] | None:
    for kind, suffixes in (("place", PLACE_SUFFIXES), ("body", BODY_SUFFIXES)):
        for suffix in suffixes:
            if word.endswith(suffix):
                return kind, suffix
    return None


def _names(norm: str) -> list[tuple[int, int, str]]:
    tokens = segment.tagged(norm)
    out = []
    for i, tok in enumerate(tokens):
        found = _suffix(tok.word)
        if not found:
            continue
        kind, suffix = found
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following and (following.word in NOT_AFTER_NAME or
                          (_suffix(following.word) == found and kind == "body")):
            continue  # 中心|工作 is no body; 人民调解|委员会: the name ends at the last suffix
        at = tok.end - len(suffix)
        if kind == "place" and at > 0 and norm[at - 1] in GENERIC_BEFORE_SUFFIX:
            continue  # 区镇, 乡镇, 城镇: a kind of place, not a place
        start = tok.start
        j = i - 1 if tok.word == suffix else i - 1
        while j >= 0:
            t = tokens[j]
            if (t.flag in ("x", "t", "f") or t.word in NOT_BEFORE_NAME or t.word in LEAD_VERBS or t.flag == "m"
                    or tok.end - t.start > MAX_NAME or (kind == "place" and tok.end - t.start > 5)):
                break
            start = t.start
            j -= 1
        head = norm[start:tok.end - len(suffix)]
        if len(head) < 2 or head[0] in GENERIC_HEADS and len(head) <= 2:
            continue
        if start > 0 and norm[start - 1] == "“" and norm[tok.end:tok.end + 1] == "”":
            continue  # “全国模范人民调解委员会”: an honour, not a body
        if kind == "place" and not all("\u4e00" <= ch <= "\u9fff" for ch in head):
            continue
        out.append((start, tok.end, kind))
    return out


def named(report: Report) -> list[Named]:
    """Places first, then bodies; each in order of first mention."""
    found: dict[str, Named] = {}
    for section in report.walk():
        norm = matching_copy(section.text)
        for start, end, kind in _names(norm):
            key = norm[start:end]
            item = found.setdefault(key, Named(section.text[start:end], key, kind))
            item.mentions.append(Mention(section.id, start, end))
    items = list(found.values())
    return [n for n in items if n.kind == "place"] + [n for n in items if n.kind == "body"]
