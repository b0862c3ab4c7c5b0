"""A short label for a figure, taken from its clause: what is counted or measured.

In Chinese the thing counted stands after a classifier (106名|领导干部, 7部|法律法规) and
before a measure (免罚轻罚案件|2711件, 化解率|40%).  So we look on the likely side first,
collect a run of noun-like words (by jieba's tags), stop at a leading verb (办理, 组织…)
and fall back to the verb itself (化解 40775件) when no noun is there.  The label is a
slice of the stored text, never rewritten.
"""

from __future__ import annotations

import re

from lawreport.analyse import segment
from lawreport.analyse.units import is_classifier

CLAUSE_BREAK = "。;;!?！？,，:：、\n()（）“”\"《》"
MAX_LABEL = 16

# Words that link a noun to its figure and are skipped when reading backwards (率保持100%).
LINK = {"共", "共计", "累计", "总计", "合计", "达", "达到", "为", "保持", "分别", "均", "全部", "连续",
        "超", "超过", "近", "约", "等", "计", "共有", "逾", "已", "有", "总数", "数量为", "稳定在", "在",
        "满", "从", "由"}
# Verbs of change between a quantity and its figure: kept in the label (审批时限压缩 70%).
CHANGE = {"压缩", "缩短", "减少", "下降", "降低", "增长", "增加", "提高", "提升", "上升", "缩减", "节约"}
_TRAILING_LINK = re.compile(r"(?:为|达到|达|共计|共|累计|保持|约|超过|超|近|在|从|由)+$")
# Verbs that start a clause's predicate: the label never reaches back past them.
LEAD = {"办理", "组织", "受理", "化解", "完成", "达成", "开展", "抽查", "制发", "审核", "明确", "确定",
        "实现", "发布", "出台", "建成", "培训", "举办", "涉及", "新增", "全年", "年内", "全市",
        "其中", "参加", "参与", "接待", "处理", "办结", "排查", "收到", "录入", "公布", "上线", "帮助",
        "挽回", "提供", "发放", "召开", "审查", "清理", "评查", "查处", "立案", "调解", "答复", "吸纳"}
# Noun-like despite jieba's tag, and nouns that end a measured quantity (化解|率).
NOUNISH = {"举措", "措施", "率", "量", "数", "额", "人数", "金额", "件数", "次数", "总额", "规模", "比例"}
SUFFIX = {"率", "量", "数", "额", "人数", "金额", "件数", "次数", "总额", "比例"}
GENERIC = {"金额", "资金", "数量", "人数", "总额", "规模", "数", "额"}  # too bare alone: keep the verb


def _nounish(tok: segment.Token) -> bool:
    if tok.word in NOUNISH:
        return True
    if tok.word in LEAD or tok.word in LINK:
        return False
    return tok.flag[:1] in ("n", "j", "l", "b", "s") or tok.flag in ("vn", "an", "nz", "ns", "nt", "nr")


def _is_verb(tok: segment.Token) -> bool:
    return tok.flag[:1] == "v" and tok.flag != "vn" and tok.word not in NOUNISH


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and norm[left - 1] not in CLAUSE_BREAK:
        left -= 1
    right = end
    while right < len(norm) and norm[right] not in CLAUSE_BREAK:
        right += 1
    return left, right


def _backward(tokens: tuple[segment.Token, ...]) -> tuple[int, int] | None:
    """Noun run ending at the figure; offsets within the clause head, or None."""
    i = len(tokens) - 1
    change_end = None
    while i >= 0 and (tokens[i].word in LINK or tokens[i].word in CHANGE or tokens[i].flag in ("m", "x")
                      or tokens[i].word.isdigit()):
        if tokens[i].word in CHANGE and change_end is None:
            change_end = tokens[i].end
        i -= 1
    if i < 0:
        return None
    last, first = i, None
    while i >= 0:
        tok = tokens[i]
        right = tokens[i + 1] if i + 1 <= last else None
        left = tokens[i - 1] if i > 0 else None
        head_noun = first is None and tok.flag in ("n", "vn")  # 矛盾纠纷|排查|855次: 排查 is the thing
        if (tok.word in LEAD and not head_noun) or \
                any(tok.word.startswith(w) and len(tok.word) > len(w) for w in ("参加",)):
            break
        if _nounish(tok) or head_noun:
            first = i
        elif _is_verb(tok) and right is not None and first is not None and (
                right.word in SUFFIX or left is None or _nounish(left)):
            first = i  # 化解|率, 重点|执法|领域, 审批|时限 (clause start): a verb inside a noun phrase
        else:
            break
        i -= 1
    if first is None:
        return None
    start, end = tokens[first].start, change_end or tokens[last].end
    if tokens[first].word in GENERIC and first > 0 and _is_verb(tokens[first - 1]):
        start = tokens[first - 1].start  # 涉及|金额: a bare 金额 says too little
    return start, end


def _forward(tokens: tuple[segment.Token, ...]) -> tuple[int, int] | None:
    """Noun phrase after a classifier (106名|拟提拔任用的副科职领导干部)."""
    run: list[segment.Token] = []
    for tok in tokens:
        if tok.word in LEAD or tok.word in LINK or tok.flag in ("m", "x", "uj") and tok.word != "的":
            break
        if tok.word.isdigit() or any(tok.word.startswith(w) and len(tok.word) > 2 for w in ("参加",)):
            break
        if tok.word == "的" and (not run or not any(_is_verb(t) for t in run)):
            break  # 文件|的清理工作: the label is 文件; 拟提拔任用|的|干部 keeps the relative clause
        if _is_verb(tok) and any(_nounish(t) for t in run):
            break  # noun then verb: the predicate starts (文件|纳入计划)
        run.append(tok)
        if sum(len(t.word) for t in run) >= MAX_LABEL:
            break
    while run and not _nounish(run[-1]):
        run.pop()
    if not run:
        return None
    start = run[0].start
    while sum(len(t.word) for t in run) > MAX_LABEL and len(run) > 1:
        run.pop(0)
        start = run[0].start
    return start, run[-1].end


def _verb_tail(tokens: tuple[segment.Token, ...]) -> tuple[int, int] | None:
    """The last words before the figure when they are a verb phrase (继续施行 71件)."""
    words = [t for t in tokens if t.flag not in ("x",) and t.word not in LINK and not t.word.isdigit()]
    if not words:
        return None
    tail = words[-2:] if len(words) >= 2 and _is_verb(words[-2]) else words[-1:]
    return tail[0].start, tail[-1].end


def label_for(text: str, norm: str, start: int, end: int, unit: str) -> str:
    """Label of the figure at ``text[start:end]`` (``norm`` is the matching copy of ``text``)."""
    left, right = _clause(norm, start, end)
    # 纠错率为8.3%: jieba would read 率为 as one word; the linking word never belongs to the label
    cut = start - len(m.group()) if (m := _TRAILING_LINK.search(norm[left:start])) else start
    head = segment.tagged(norm[left:cut]) if cut > left else ()
    tail = segment.tagged(norm[end:right]) if right > end else ()
    order = ((_forward, tail, end), (_backward, head, left))
    if not is_classifier(unit):
        order = order[::-1]
    for finder, tokens, base in order:
        found = finder(tokens) if tokens else None
        if found:
            a, b = found
            return text[base + a:base + b]
    found = _verb_tail(head) if head else None
    if found:
        return text[left + found[0]:left + found[1]]
    return text[left:start][-8:] or text[end:min(right, end + 8)]
