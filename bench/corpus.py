"""Synthetic corpus: N different reports derived from the bundled one (and any fixture texts).

Each derived report gets another county-level city, another year (a city's reports cover
consecutive years: report i is city i mod 50, year 2019 + (i // 50) mod 7), a shuffled and thinned set of
items, perturbed figures and, for half of them, the other script.  The result is written as source
texts (content/reports/<id>/source.txt) so a build parses, analyses and renders them like real ones.

    python bench/corpus.py 100 /tmp/corpus100     # -> /tmp/corpus100/reports/…
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lawreport.core.model import Report, Section  # noqa: E402
from lawreport.parse import parse_source  # noqa: E402
from lawreport.core.script import to_hans, to_hant  # noqa: E402

CITIES = [
    ("昆山", "苏州"), ("常熟", "苏州"), ("太仓", "苏州"), ("江阴", "无锡"), ("宜兴", "无锡"),
    ("溧阳", "常州"), ("丹阳", "镇江"), ("扬中", "镇江"), ("句容", "镇江"), ("如皋", "南通"),
    ("海安", "南通"), ("启东", "南通"), ("东台", "盐城"), ("高邮", "扬州"), ("仪征", "扬州"),
    ("兴化", "泰州"), ("靖江", "泰州"), ("泰兴", "泰州"), ("新沂", "徐州"), ("邳州", "徐州"),
    ("慈溪", "宁波"), ("余姚", "宁波"), ("诸暨", "绍兴"), ("嵊州", "绍兴"), ("义乌", "金华"),
    ("东阳", "金华"), ("永康", "金华"), ("温岭", "台州"), ("临海", "台州"), ("乐清", "温州"),
    ("瑞安", "温州"), ("海宁", "嘉兴"), ("平湖", "嘉兴"), ("桐乡", "嘉兴"), ("建德", "杭州"),
    ("晋江", "泉州"), ("石狮", "泉州"), ("南安", "泉州"), ("福清", "福州"), ("长乐", "福州"),
    ("龙口", "烟台"), ("莱州", "烟台"), ("招远", "烟台"), ("荣成", "威海"), ("寿光", "潍坊"),
    ("青州", "潍坊"), ("胶州", "青岛"), ("平度", "青岛"), ("邹城", "济宁"), ("滕州", "枣庄"),
]
SUFFIXES = ["镇", "街道"]
TOWNS = ["东湖", "西山", "南岭", "北港", "新桥", "金沙", "青龙", "白鹭", "红星", "长安"]


def _renumber(sections: list[Section], depth: int = 0) -> None:
    for i, s in enumerate(sections, start=1):
        s.number = _number(s.number, i)
        _renumber(s.children, depth + 1)


_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    return _CN[n - 1] if n <= 10 else "十" + _CN[n - 11]


def _number(old: str, n: int) -> str:
    if re.match(r"^[一二三四五六七八九十]+、", old):
        return _cn(n) + "、"
    if re.match(r"^[(（]", old) and re.search(r"[一二三四五六七八九十]", old):
        return f"({_cn(n)})"
    if re.match(r"^\d", old):
        return f"{n}."
    return old


def _perturb_figures(text: str, rng: random.Random) -> str:
    def repl(m: re.Match) -> str:
        value = int(m.group(1))
        if value < 10 or 1900 <= value <= 2100:
            return m.group(0)  # years and tiny counts stay
        factor = rng.uniform(0.6, 1.6)
        return str(max(10, int(value * factor))) + m.group(2)
    return re.sub(r"(?<![\d.])(\d+)(件|人|个|次|份|家|项|万|亿|名)", repl, text)


def _shift_years(text: str, delta: int) -> str:
    return re.sub(r"(20[12]\d)(?=年)", lambda m: str(int(m.group(1)) + delta), text)


def _to_text(report: Report) -> str:
    lines = list(report.front)
    if report.preamble:
        lines.append(report.preamble)

    def emit(s: Section) -> None:
        head = s.number + s.title + s.title_end
        lines.append(head + s.text if s.title_end else head)
        if s.text and not s.title_end:
            lines.append(s.text)
        for c in s.children:
            emit(c)

    for s in report.sections:
        emit(s)
    lines.extend(report.signature)
    return "\n".join(lines) + "\n"


def derive(base: Report, base_city: str, base_prefecture: str, index: int) -> tuple[str, str]:
    rng = random.Random(index)
    city, prefecture = CITIES[index % len(CITIES)]
    rng.randrange(0, 7)  # was the year: kept so the rest of the random stream stays as it was
    # Each city's reports cover consecutive years (the across-report pages compare them).
    year = 2019 + (index // len(CITIES)) % 7
    delta = year - (base.year or year)
    for part in base.sections:
        for sub in part.children:
            if len(sub.children) > 2:
                rng.shuffle(sub.children)
                if rng.random() < 0.5:
                    sub.children.pop()
        if part.category == "measures" and len(part.children) > 3 and rng.random() < 0.5:
            part.children.pop(rng.randrange(len(part.children)))
    _renumber(base.sections)
    text = to_hans(_to_text(base))
    text = text.replace(to_hans(base_city), city).replace(to_hans(base_prefecture), prefecture)
    for town in ("乐余", "南丰", "凤凰", "锦丰", "塘桥", "大新"):
        text = text.replace(town, rng.choice(TOWNS))
    text = _shift_years(_perturb_figures(text, rng), delta)
    if index % 2:
        text = to_hant(text)
    slug = f"r{index:04d}-{year}"
    return slug, text


def generate(count: int, out: Path, seed_source: Path) -> list[Path]:
    reports_dir = out / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        base = parse_source(seed_source, "base").report
        slug, text = derive(base, "张家港", "苏州", i)
        folder = reports_dir / slug
        folder.mkdir(exist_ok=True)
        (folder / "source.txt").write_text(text, encoding="utf-8")
        written.append(folder)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("count", type=int)
    ap.add_argument("out", type=Path, help="content folder to create")
    ap.add_argument("--seed-source", type=Path,
                    default=ROOT / "content" / "reports" / "zjg-2023" / "source.txt")
    args = ap.parse_args()
    folders = generate(args.count, args.out, args.seed_source)
    print(f"wrote {len(folders)} reports under {args.out / 'reports'}")


if __name__ == "__main__":
    main()
