"""The analysis on the site: callout cards, the metrics page, metrics.csv and the analysis pages
(keywords, timeline, documents, places, shortcomings ↔ plan), in both scripts.

build.py calls ``analyse_reports`` once (after the views are built: it sets the callout cards
on them), then ``render_analysis`` with the site renderer.  Pages live at
``<report>/<page>/index.html``, so a link back to a section is ``../<section-id>/``.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from lawreport.analyse import callouts

from lawreport.site import charts
from lawreport.analyse.coverage import Coverage, coverage, permalink_id
from lawreport.analyse.derived import Derived, derive
from lawreport.analyse.documents import KINDS, Document, documents
from lawreport.analyse.keywords import KeywordSet, keywords
from lawreport.analyse.metrics import Metric, report_metrics
from lawreport.analyse.places import Named, named
from lawreport.analyse.timeline import Event, events
from lawreport.analyse.units import kind
from lawreport.core.model import Report, Section
from lawreport.core import urls
from lawreport.site.context import Download, NavLink, ReportView, SectionView
from lawreport.site.text import display
from lawreport.core.script import HANS, HANT, SCRIPTS, to_hans

# page folder -> (template, Simplified label, Traditional label)
PAGES = {
    "metrics": ("metrics.html", "数据", "數據"),
    "keywords": ("analysis/keywords.html", "关键词", "關鍵詞"),
    "timeline": ("analysis/timeline.html", "时间线", "時間線"),
    "documents": ("analysis/documents.html", "引用文件", "引用文件"),
    "places": ("analysis/places.html", "地方与机构", "地方與機構"),
    "coverage": ("analysis/coverage.html", "问题与安排", "問題與安排"),
}
STRONG, MEDIUM = 0.10, 0.05  # cosine bands for the matrix shading (see coverage.py)


page_path = urls.analysis_page


def nav_links(report: Report) -> list[NavLink]:
    return [NavLink({HANS: hans, HANT: hant}, page_path(report.id, page))
            for page, (_, hans, hant) in PAGES.items()]


def downloads(report: Report) -> list[Download]:
    return [Download({HANS: "数据点（CSV）", HANT: "數據點（CSV）"},
                     urls.download(report.id, "metrics.csv"), "text/csv")]


@dataclass
class Analysis:
    report: Report
    metrics: list[Metric]
    derived: list[Derived]
    keywords: list[KeywordSet]
    events: list[Event]
    documents: list[Document]
    named: list[Named]
    coverage: Coverage
    part_of: dict[str, Section]  # section id -> its top-level part


def analyse(report: Report) -> Analysis:
    part_of = {s.id: part for part in report.sections for s in part.walk()}
    return Analysis(report, report_metrics(report), derive(report), keywords(report), events(report),
                    documents(report), named(report), coverage(report), part_of)


# -- callout cards ------------------------------------------------------------------

def card(m: Metric, report: Report, script: str) -> dict:
    label = display(m.label, report.script, script)
    unit = display(m.unit, report.script, script)
    return {"value": callouts.value_text(m, script), "unit": unit, "label": label,
            "qualifier": callouts.qualifier_text(m, script), "anchor": m.anchor,
            "href": page_path(report.id, "metrics"), "section_path": urls.section(report.id, m.section),
            "tip": callouts.tip(m, label, unit, script)}


def set_callouts(view: ReportView, analysis: Analysis) -> None:
    """Cards on every section (its subtree's most telling figures) and on the overview."""
    by_section: dict[str, list[Metric]] = defaultdict(list)
    for m in analysis.metrics:
        by_section[m.section].append(m)
    for sv in view.walk():
        subtree = [m for s in sv.source.walk() for m in by_section.get(s.id, [])]
        chosen = callouts.choose(subtree, callouts.CARDS_SECTION, per_section=callouts.CARDS_SECTION)
        sv.metrics = [card(m, analysis.report, view.script) for m in chosen]
    view.highlights = [card(m, analysis.report, view.script)
                       for m in callouts.choose(analysis.metrics, callouts.CARDS_REPORT)]


def analyse_reports(reports: list[Report], views: list[dict[str, ReportView]]) -> list[Analysis]:
    analyses = [analyse(r) for r in reports]
    for analysis, view in zip(analyses, views):
        for script in SCRIPTS:
            set_callouts(view[script], analysis)
    return analyses


# -- metrics page and CSV -------------------------------------------------------------

CSV_FIELDS = ("report", "section", "part", "id", "label", "value", "unit", "qualifier", "text",
              "start", "end", "source", "page")


def metrics_csv(analysis: Analysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for m in analysis.metrics:
        writer.writerow([analysis.report.id, m.section, analysis.part_of[m.section].id, m.id, m.label,
                         m.value, m.unit, m.qualifier or "", m.text, m.start, m.end, m.source,
                         urls.section(analysis.report.id, m.section)])
    return out.getvalue()


def _row(m: Metric, report: Report, script: str, sections: dict[str, SectionView]) -> dict:
    c = card(m, report, script)
    c.update({"text": display(m.text, report.script, script), "section": sections[m.section],
              "exact": callouts.num.format_value(m.value), "source": m.source})
    return c


def metrics_context(analysis: Analysis, view: ReportView) -> dict:
    report, script = analysis.report, view.script
    sections = {s.id: s for s in view.walk()}
    parts = []
    for part in view.sections:
        figures = [m for m in analysis.metrics if analysis.part_of[m.section].id == part.id]
        if not figures:
            continue
        by_unit: dict[str, list[Metric]] = defaultdict(list)
        for m in figures:
            by_unit[m.unit].append(m)
        groups = []
        for unit, ms in sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kind(to_hans(kv[0])), kv[0])):
            rows = [_row(m, report, script, sections) for m in ms]
            chart = charts.bar_chart([(r["label"], float(m.value), f'{r["qualifier"]}{r["value"]}')
                                      for r, m in zip(rows, ms)],
                                     f'{part.number}{part.title} · {display(unit, report.script, script)}') \
                if len(ms) >= 2 else None
            groups.append({"unit": display(unit, report.script, script), "rows": rows, "chart": chart})
        parts.append({"part": part, "groups": groups, "count": len(figures)})
    derived = [{"kind": d.kind, "label": display(d.label, report.script, script),
                "value": callouts.num.format_value(d.value), "unit": display(d.unit, report.script, script),
                "formula": d.formula, "status": d.status, "section": sections[d.section],
                "inputs": [{"anchor": m.anchor, "label": display(m.label, report.script, script),
                            "text": display(m.text, report.script, script)} for m in d.inputs]}
               for d in analysis.derived]
    return {"parts": parts, "derived": derived, "total": len(analysis.metrics),
            "rule": callouts.__doc__}


# -- analysis pages --------------------------------------------------------------------

def _words(word: str, script: str) -> str:
    return display(word, HANS, script)


def keywords_context(analysis: Analysis, view: ReportView) -> dict:
    sections = {s.id: s for s in view.walk()}

    def rows(kws):
        return [{"word": _words(k.word, view.script), "count": k.count, "score": k.score,
                 "sections": [(sections[sid], n) for sid, n in k.sections]} for k in kws]

    return {"sets": [{"scope": sections[ks.scope_id] if ks.scope_id else None,
                      "tfidf": rows(ks.tfidf), "textrank": rows(ks.textrank)} for ks in analysis.keywords]}


def timeline_context(analysis: Analysis, view: ReportView) -> dict:
    sections = {s.id: s for s in view.walk()}
    src = analysis.report.script
    groups: list[dict] = []
    for e in analysis.events:
        key = (e.year, e.month)
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "year": e.year, "month": e.month if e.month <= 12 else None,
                           "events": []})
        groups[-1]["events"].append({"when": display(e.when, src, view.script),
                                     "what": display(e.what, src, view.script),
                                     "section": sections[e.section], "second": e.second})
    return {"groups": groups}


def documents_context(analysis: Analysis, view: ReportView) -> dict:
    sections = {s.id: s for s in view.walk()}
    src = analysis.report.script
    by_kind = {k: [] for k in KINDS}
    for d in analysis.documents:
        seen, where = set(), []
        for c in d.citations:
            if c.section not in seen:
                seen.add(c.section)
                where.append(sections[c.section])
        by_kind[d.kind].append({"title": display(d.title, src, view.script), "count": len(d.citations),
                                "sections": where})
    return {"kinds": [(k, by_kind[k]) for k in KINDS]}


def places_context(analysis: Analysis, view: ReportView) -> dict:
    sections = {s.id: s for s in view.walk()}
    src = analysis.report.script
    out = {"place": [], "body": []}
    for n in analysis.named:
        where = list(dict.fromkeys(m.section for m in n.mentions))
        out[n.kind].append({"name": display(n.name, src, view.script), "count": len(n.mentions),
                            "sections": [sections[s] for s in where]})
    return {"places": out["place"], "bodies": out["body"]}


def _coverage_item(item: Section, sections: dict[str, SectionView], analysis: Analysis,
                   script: str) -> SectionView | SimpleNamespace:
    """The view of a matrix row or column: a section, or an inline point shown on its part's page."""
    if item.id in sections:
        return sections[item.id]
    part = sections[permalink_id(item.id)]
    src = analysis.report.script
    return SimpleNamespace(id=part.id, path=part.path, number=display(item.number, src, script),
                           title=display(item.title, src, script))


def coverage_context(analysis: Analysis, view: ReportView) -> dict:
    views = {s.id: s for s in view.walk()}
    cov = analysis.coverage
    sections = {item.id: _coverage_item(item, views, analysis, view.script)
                for item in cov.shortcomings + cov.plans}
    rows = []
    for s in cov.shortcomings:
        best = cov.best.get(s.id)
        cells = []
        for p in cov.plans:
            link = cov.link(s.id, p.id)
            band = "strong" if link.score >= STRONG else "medium" if link.score >= MEDIUM else \
                "weak" if link.score > 0 else "none"
            cells.append({"plan": sections[p.id], "score": f"{link.score:.3f}", "band": band,
                          "best": best is not None and best.plan.id == p.id and link.score > 0,
                          "shared": [_words(w, view.script) for w in link.shared]})
        rows.append({"shortcoming": sections[s.id], "cells": cells, "weak": s.id in cov.weak,
                     "best": sections[best.plan.id] if best and best.score > 0 else None,
                     "best_score": f"{best.score:.3f}" if best else "0"})
    return {"rows": rows, "plans": [sections[p.id] for p in cov.plans],
            "weak": [r for r in rows if r["weak"]], "strong_bar": STRONG, "medium_bar": MEDIUM}


CONTEXTS = {"metrics": metrics_context, "keywords": keywords_context, "timeline": timeline_context,
            "documents": documents_context, "places": places_context, "coverage": coverage_context}


def render_analysis(site, views: list[dict[str, ReportView]], analyses: list[Analysis], writer) -> None:
    for view, analysis in zip(views, analyses):
        rid = analysis.report.id
        writer.write(urls.download(rid, "metrics.csv"), metrics_csv(analysis))
        for page, (template, _, _) in PAGES.items():
            site.render_both(template, page_path(rid, page),
                             lambda s, page=page: {"report": view[s], "page": page, "a": strings(s),
                                                   **CONTEXTS[page](analysis, view[s])})


# Interface strings of these pages, written out in both scripts (never converted at build time).
STRINGS: dict[str, tuple[str, str]] = {
    **{page: (hans, hant) for page, (_, hans, hant) in PAGES.items()},
    "metrics_lead": ("本报告正文中共找到 {n} 个数据点（数字＋单位），按报告部分和单位分组；每一项都链接回原文所在的节。",
                     "本報告正文中共找到 {n} 個數據點（數字＋單位），按報告部分和單位分組；每一項都連結回原文所在的節。"),
    "metrics_rule": ("卡片按固定规则挑选：百分比和金额优先，其次是件数人数，同类中数值越大越靠前，每节最多一项。全部数据可下载：",
                     "卡片按固定規則挑選：百分比和金額優先，其次是件數人數，同類中數值越大越靠前，每節最多一項。全部數據可下載："),
    "derived": ("计算所得（比率与合计核对）", "計算所得（比率與合計核對）"),
    "kind": ("类型", "類型"), "kind_rate": ("比率", "比率"), "kind_sum": ("合计核对", "合計核對"),
    "label": ("指标", "指標"), "computation": ("算式", "算式"), "result": ("结果", "結果"),
    "section": ("出处", "出處"), "unit": ("单位", "單位"), "value": ("数值", "數值"),
    "as_written": ("原文", "原文"), "editor": ("编者添加", "編者添加"),
    "status_pass": ("✓ 相符", "✓ 相符"), "status_fail": ("✗ 不符", "✗ 不符"),
    "status_partial": ("部分列举", "部分列舉"),
    "keywords_lead": ("用 jieba 分词后按 TF-IDF 与 TextRank 两种方法排序，已去除本类报告的通用词（工作、推进、加强、开展等）。编号链接到出现最多的节。",
                      "用 jieba 分詞後按 TF-IDF 與 TextRank 兩種方法排序，已去除本類報告的通用詞（工作、推進、加強、開展等）。編號連結到出現最多的節。"),
    "whole_report": ("全文", "全文"),
    "timeline_lead": ("正文中写明时间的事项，按日历顺序排列（月初、上旬、中旬、下旬、月底）；“年内”等未写月份的列在最后。",
                      "正文中寫明時間的事項，按日曆順序排列（月初、上旬、中旬、下旬、月底）；「年內」等未寫月份的列在最後。"),
    "year_suffix": ("年", "年"), "month_suffix": ("月", "月"), "within_year": ("年内", "年內"),
    "none_found": ("没有找到。", "沒有找到。"),
    "documents_lead": ("正文中用书名号《》引用的文件，区分国家法律法规与地方文件，并列出引用位置。",
                       "正文中用書名號《》引用的文件，區分國家法律法規與地方文件，並列出引用位置。"),
    "doc_law": ("法律法规", "法律法規"), "doc_local": ("地方文件", "地方文件"), "doc_other": ("其他出版物", "其他出版物"),
    "document": ("文件", "文件"), "cited": ("次数", "次數"), "where": ("出处", "出處"),
    "places_lead": ("正文中提到的镇、街道，以及部门和机构（局、委员会、中心等）。",
                    "正文中提到的鎮、街道，以及部門和機構（局、委員會、中心等）。"),
    "towns": ("镇与街道", "鎮與街道"), "bodies": ("部门与机构", "部門與機構"),
    "name": ("名称", "名稱"), "mentions": ("提及次数", "提及次數"),
    "coverage_lead": ("下一年度每项工作安排在多大程度上回应了每项存在的不足：按分词后的共同用词计算，通用词权重低，共同用词作为依据列出。",
                      "下一年度每項工作安排在多大程度上回應了每項存在的不足：按分詞後的共同用詞計算，通用詞權重低，共同用詞作為依據列出。"),
    "coverage_missing": ("本报告没有可对照的“存在不足”和“下一步安排”部分。", "本報告沒有可對照的「存在不足」和「下一步安排」部分。"),
    "weak_heading": ("回应较弱：", "回應較弱："),
    "weak_best": ("最接近的安排只是", "最接近的安排只是"),
    "weak_none": ("没有任何安排与之有共同用词。", "沒有任何安排與之有共同用詞。"),
    "matrix_caption": ("行：存在的不足；列：下一年度安排；数值越大回应越强，★为该项不足的最佳回应",
                       "行：存在的不足；列：下一年度安排；數值越大回應越強，★為該項不足的最佳回應"),
    "shortcoming": ("不足", "不足"), "plan": ("安排", "安排"), "best": ("★", "★"),
    "coverage_method": ("方法：每项内容分词并去除通用词，词语按在本报告各节中出现的稀有程度加权（IDF），两项之间取 TF-IDF 向量的余弦相似度。某项不足的最佳得分低于全表最强关联的一半时，判定为回应较弱。",
                        "方法：每項內容分詞並去除通用詞，詞語按在本報告各節中出現的稀有程度加權（IDF），兩項之間取 TF-IDF 向量的餘弦相似度。某項不足的最佳得分低於全表最強關聯的一半時，判定為回應較弱。"),
}


def strings(script: str) -> dict[str, str]:
    i = SCRIPTS.index(script)
    return {k: v[i] for k, v in STRINGS.items()}
