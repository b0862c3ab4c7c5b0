"""Main-content extraction from government web pages: trafilatura vs readability-lxml, and
lawreport's extractor (known CMS containers first, then the library), on the fixture pages of
tests/extract/pages.py (six page shapes around four report texts).

    .venv/bin/python bench/extract_compare.py        # prints the table, writes BENCHMARKS.md

Per fixture: kept = share of the wrapped report text's characters found, in order, in the
extracted text (whitespace ignored); leaked = how many of the page's chrome strings (menus,
breadcrumbs, share/print links, related articles, footers) are in the extracted text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "extract"))
sys.path.insert(0, str(ROOT / "src"))
from benchmarks_md import write_block  # noqa: E402
from measure import TEXTS, kept_fraction, leaked, title_and_text  # noqa: E402
from pages import SHAPES  # noqa: E402

from lawreport.extract import extract, version  # noqa: E402
from lawreport.extract.html import library_text as readability_text  # noqa: E402
from lawreport.extract.htmltext import decode_html  # noqa: E402

START, END = "<!-- extract-compare:start -->", "<!-- extract-compare:end -->"


def trafilatura_text(html_text: str) -> str:
    import trafilatura

    out = trafilatura.extract(html_text, output_format="txt", include_tables=True, include_comments=False,
                              favor_recall=True, deduplicate=False)
    return out or ""


def main() -> None:
    extractors = {
        "trafilatura": lambda data: trafilatura_text(decode_html(data, None, "page")[0]),
        "readability-lxml": lambda data: readability_text(decode_html(data, None, "page")[0]),
        "lawreport": lambda data: extract(data, "page").text,
    }
    rows, totals = [], {name: [0.0, 0, 0.0, 0] for name in extractors}
    for text_name in TEXTS:
        title, text = title_and_text(text_name)
        for shape, build in SHAPES.items():
            data, chrome = build(title, text)
            cells = [f"{shape} / {text_name}"]
            for name, run in extractors.items():
                started = time.perf_counter()
                try:
                    out = run(data) or ""
                except Exception as exc:  # noqa: BLE001 - a library failing is a result here
                    out = ""
                    print(f"{name} on {shape}/{text_name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                totals[name][2] += time.perf_counter() - started
                kept, leaks = kept_fraction(text, out), leaked(chrome, out, text)
                totals[name][0] += kept
                totals[name][1] += len(leaks)
                totals[name][3] += kept >= 0.98 and not leaks
                cells.append(f"{kept:.1%} / {len(leaks)}")
            rows.append("| " + " | ".join(cells) + " |")
    n = len(rows)
    summary = [f"| **all {n}: mean kept / chrome leaked in total** | "
               + " | ".join(f"{t[0] / n:.1%} / {t[1]}" for t in totals.values()) + " |",
               f"| **fixtures with ≥98% kept and none leaked** | "
               + " | ".join(f"{t[3]}/{n}" for t in totals.values()) + " |",
               f"| **mean time per page** | "
               + " | ".join(f"{t[2] * 1000 / n:.0f} ms" for t in totals.values()) + " |"]
    block = "\n".join([
        START,
        "## Web-page extraction: trafilatura vs readability-lxml (bench/extract_compare.py)",
        "",
        f"trafilatura {version('trafilatura')}, readability-lxml {version('readability-lxml')}; each library "
        "alone on the raw page (readability after the page's `visibility:hidden` styles are removed, as "
        "lawreport does), and lawreport's extractor (known CMS containers TRS_Editor, js_content, "
        "zoom, UCAP-CONTENT, pages_content first, then the chosen library). Cells: kept (share of the "
        "wrapped report text's characters, in order) / chrome strings leaked.",
        "",
        "| fixture | " + " | ".join(extractors) + " |",
        "| --- | " + " | ".join("---" for _ in extractors) + " |",
        *rows,
        *summary,
        END,
    ])
    print(block)
    write_block(START, END, block)


if __name__ == "__main__":
    main()
