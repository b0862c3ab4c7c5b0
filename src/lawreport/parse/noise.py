"""Web-page chrome around (and occasionally inside) a report: recognised, removed, recorded.

Patterns are matched on a Simplified, half-width copy of each line so one list
serves both scripts and both widths.
"""

from __future__ import annotations

import re

from lawreport.core.model import StrippedLine
from lawreport.parse.chars import fold
from lawreport.parse.enumerators import match_at
from lawreport.core.script import to_hans

_BULLET = r"^[\s·•\-*●■◆▪►>|]*"
_META_KEYS = (
    "索引号|发布日期|发布时间|发文日期|成文日期|生成日期|公开日期|更新时间|信息来源|来源|浏览次数|点击数|点击率|"
    "访问量|阅读量|阅读次数|字号|发布机构|发文机关|发布单位|公开方式|公开范围|公开时限|主题分类|体裁分类|组配分类|"
    "服务对象|主题词|作者|责任编辑|编辑|审核|文章来源|信息分类|所属机构|有效性|时效|浏览量|标题|文号|发文字号|"
    "信息名称|统一编号|废止日期|实施日期|失效时间|公文生成日期|备注/文号|备注|日期|时间"
)
# Page tables often space their labels out: "索 引 号:", "标 题:".
_SPACED_KEYS = "|".join(r"\s*".join(key) for key in _META_KEYS.split("|"))
# Buttons and controls; a line made only of these (with brackets and separators) is chrome.
_CONTROLS = (
    "打印本页|我要打印|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|分享到|分享|"
    "扫一扫在手机打开当前页|扫一扫|在手机上查看|字体|字号|视力保护色|默认|保存|我要纠错|纠错|政务微信|政务微博|微信|微博|"
    "QQ空间|相关文档|相关链接|无障碍浏览|无障碍|长者模式|关怀版|简体版|繁体版|简体|繁体|English|登录|注册|搜索|"
    "网站支持IPv6|听全文|[大中小]"
)
# Whole lines that are page chrome.  Each entry: (reason, regex on the folded Simplified line).
LINE_PATTERNS = [
    ("metadata", re.compile(_BULLET + r"(" + _SPACED_KEYS + r")\s*[:]")),
    # a page table copied without its colons: "发文字号 豫政文〔2024〕46号 发布时间 2024年03月22日"
    ("metadata", re.compile(_BULLET + r"(" + _SPACED_KEYS + r")\s+\S.*\s(" + _SPACED_KEYS + r")(\s|$)")),
    ("metadata", re.compile(r"^\s*(索\s+引\s+号|标\s+题)\s")),  # spaced-out table labels
    ("metadata", re.compile(r"^\s*[·•●■◆▪*-]\s*\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$")),
    ("breadcrumb", re.compile(r"^\s*(当前位置|您的位置|你的位置|您现在的位置|您当前的位置|您当前位置|当前所在位置|所在位置)"
                              r"\s*[:]?")),
    # a breadcrumb's second line: "> 政务公开 > 政策文件及解读 > 政府文件" (short crumbs only)
    ("breadcrumb", re.compile(r"^\s*>(\s*[^>\s]{1,12}\s*>)+\s*[^>\s]{1,12}\s*$")),
    ("breadcrumb", re.compile(r"^\s*首页\s*(>|»|›|/|\\|-|→|>>)")),
    ("footer", re.compile(r"公网安备|ICP\s*备|ICP证|版权所有|网站标识码|Copyright|©")),
    # footer labels, only as labels: "主办单位:", "技术支持:", "网站地图 | 联系我们"
    ("footer", re.compile(r"(^|[\s|])(主办单位|承办单位|主办|承办|技术支持|网站地图|联系我们|政府网站找错)"
                          r"\s*([:|]|$)")),
    ("page control", re.compile(
        rf"^[\s【】\[\]()|/:·•●*-]*(({_CONTROLS})[\s【】\[\]()|/:]*)+$")),
    ("page control", re.compile(r"^\s*[·•●■◆▪*]\s*-?\s*$")),  # an empty bullet of a share bar
    ("page control", re.compile(r"^[\s【\[(]*(上一篇|下一篇)\s*[:]")),
]
# Fragments removed from inside a line (a watermark injected mid-sentence, a footer run on).
INLINE_PATTERNS = [
    ("watermark", re.compile(r"(https?://|www\.)[A-Za-z0-9./?=&_%#-]+")),
    ("watermark", re.compile(r"[(\[【]?(本文|本信息)?(来源|转载自|转自)\s*[:]\s*[^\s。,;]{2,30}?(网站|网|公众号)[)\]】]?")),
    ("footer", re.compile(r"[\u4e00-\u9fff]{1,2}公网安备\s*\d+\s*号")),
    ("footer", re.compile(r"[\u4e00-\u9fff]{1,2}ICP\s*备\s*\d+\s*号(-\d+)?")),
]
_MAX_CHROME_LINE = 120  # report paragraphs are long; chrome lines are short


def classify_line(line: str) -> str | None:
    """Reason this whole line is page chrome, or None if it may be report text."""
    probe = fold(to_hans(line)).strip()
    if not probe or len(probe) > _MAX_CHROME_LINE or match_at(probe):
        return None  # a numbered line is a heading of the report, whatever it mentions
    for reason, pattern in LINE_PATTERNS:
        if pattern.search(probe):
            return reason
    return None


def strip_inline(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove chrome fragments from inside a line: (clean line, [(reason, removed text)])."""
    probe = fold(to_hans(line))
    if len(probe) != len(line):  # conversion changed length: match on the original only
        probe = fold(line)
    removed: list[tuple[int, int, str]] = []
    for reason, pattern in INLINE_PATTERNS:
        for m in pattern.finditer(probe):
            if not any(s < m.end() and m.start() < e for s, e, _ in removed):
                removed.append((m.start(), m.end(), reason))
    if not removed:
        return line, []
    removed.sort()
    kept, found, pos = [], [], 0
    for start, end, reason in removed:
        kept.append(line[pos:start])
        found.append((reason, line[start:end]))
        pos = end
    kept.append(line[pos:])
    return "".join(kept), found


def strip_noise(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[StrippedLine]]:
    """Split numbered lines into report lines and recorded chrome."""
    kept: list[tuple[int, str]] = []
    stripped: list[StrippedLine] = []
    for number, line in lines:
        if not line.strip():
            continue
        reason = classify_line(line)
        if reason:
            stripped.append(StrippedLine(number, line.strip(), reason))
            continue
        clean, fragments = strip_inline(line)
        stripped.extend(StrippedLine(number, text, reason) for reason, text in fragments)
        if clean.strip():
            kept.append((number, clean))
    return kept, stripped
