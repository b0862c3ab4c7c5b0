"""Pages across reports, in both scripts: the corpus overview, one page per issuer (reports by
year, did year N+1 deliver year N's plan, recurring shortcomings, figures across years), per
indicator, per cited document, the required-contents table; plus ``data/indicators.csv`` and
the collection as ``data/corpus.sqlite``.

build.py calls ``render_across`` once, in the main process, after the per-report step: these
pages read every report.  The analyses (``analyse.across``) return plain data; everything shown
is converted to the page's script here.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

from lawreport.site import database
from lawreport.site import charts
from lawreport.analyse.across.corpus import CorpusAnalysis, analyse_corpus
from lawreport.analyse.across.indicators import Reading
from lawreport.analyse.across.required import CONTENTS
from lawreport.analyse.callouts import qualifier_text, value_text
from lawreport.core.model import Report
from lawreport.core import urls
from lawreport.site.text import display
from lawreport.core.script import HANS, SCRIPTS

CORPUS = "corpus/index.html"
ISSUERS = "issuers/index.html"
INDICATORS = "indicators/index.html"
DOCUMENTS = "documents/index.html"
REQUIRED = "required/index.html"
INDICATORS_CSV = "data/indicators.csv"
TOP_FOLDERS = ("corpus", "issuers", "indicators", "documents", "required", "data")


def issuer_page(issuer_id: str) -> str:
    return f"issuers/{issuer_id}/index.html"


def indicator_page(key: str) -> str:
    return f"indicators/{key}/index.html"


def document_page(doc_id: str) -> str:
    return f"documents/{doc_id}/index.html"


# -- what the templates see -------------------------------------------------------------

def _report(r: Report, script: str) -> dict:
    return {"id": r.id, "title": display(r.title, r.script, script), "year": r.year, "date": r.date,
            "issuer": display(r.issuer, r.script, script), "path": urls.report(r.id)}


def _section(r: Report, section_id: str, script: str) -> dict | None:
    s = r.find(section_id)
    if s is None:
        return None
    return {"id": s.id, "heading": display(s.number + s.title, r.script, script),
            "path": urls.section(r.id, s.id)}


def _reading(reading: Reading, a: CorpusAnalysis, script: str) -> dict:
    r, m = reading.report, reading.metric
    issuer = a.issuer_of[r.id]
    return {"report": _report(r, script), "value": value_text(m, script),
            "unit": display(m.unit, r.script, script), "qualifier": qualifier_text(m, script),
            "text": display(m.text, r.script, script), "label": display(m.label, r.script, script),
            "section": _section(r, m.section, script), "issuer_id": issuer,
            "issuer_name": _issuer_names(a, script)[issuer], "number": float(m.value)}


_NAMES: dict[tuple[int, str], dict[str, str]] = {}  # issuer names per analysis and script, made once


def _issuer_names(a: CorpusAnalysis, script: str) -> dict[str, str]:
    key = (id(a), script)
    if key not in _NAMES:
        _NAMES[key] = {i.id: display(i.name, HANS, script) for i in a.issuers}
    return _NAMES[key]


def _words(words: list[str], script: str) -> list[str]:
    return [display(w, HANS, script) for w in words]


def _match(m, report_n: Report, report_n1: Report, script: str) -> dict:
    item = m.item
    return {"heading": display(item.number + item.title, report_n.script, script),
            "item_section": _section(report_n, m.item_section, script),
            "best": _section(report_n1, m.best_section, script) if m.best else None,
            "score": f"{m.score:.2f}", "shared": _words(m.shared, script), "matched": m.matched}


def issuer_context(a: CorpusAnalysis, issuer, script: str) -> dict:
    reports = [a.reports[rid] for rid in issuer.report_ids]
    pairs = []
    for p in a.pairs[issuer.id]:
        pairs.append({"before": _report(p.before, script), "after": _report(p.after, script),
                      "plans": [_match(m, p.before, p.after, script) for m in p.plans],
                      "delivered": p.delivered,
                      # a recurring shortcoming: item of N+1, best match in N
                      "recurring": [_match(m, p.after, p.before, script) for m in p.recurring]})
    years = sorted({r.year for r in reports if r.year})
    series = []
    for ind in a.series(issuer):
        cells = {rd.report.year: _reading(rd, a, script) for rd in ind.readings if rd.report.year}
        rows = [(str(y), cells[y]["number"], f'{cells[y]["qualifier"]}{cells[y]["value"]}{cells[y]["unit"]}')
                for y in years if y in cells]
        name = ind.rule.name[SCRIPTS.index(script)]
        series.append({"key": ind.rule.key, "name": name, "cells": [cells.get(y) for y in years],
                       "chart": charts.bar_chart(rows, name) if len(rows) >= 2 else None})
    return {"issuer": {"id": issuer.id, "name": display(issuer.name, HANS, script),
                       "names": [display(n, HANS, script) for n in issuer.names],
                       "province": display(issuer.province, HANS, script)},
            "reports": [_report(r, script) for r in reports], "pairs": pairs, "years": years,
            "series": series}


def indicator_context(a: CorpusAnalysis, ind, script: str) -> dict:
    return {"indicator": {"key": ind.rule.key, "name": ind.rule.name[SCRIPTS.index(script)]},
            "rows": [_reading(rd, a, script) for rd in ind.readings]}


def document_context(a: CorpusAnalysis, doc, script: str) -> dict:
    by_report: dict[str, list] = defaultdict(list)
    for c in doc.citations:
        by_report[c.report_id].append(c)
    rows = []
    for rid in doc.report_ids:
        r = a.reports[rid]
        sections = list(dict.fromkeys(c.section for c in by_report[rid]))
        rows.append({"report": _report(r, script), "issuer_name": _issuer_names(a, script)[a.issuer_of[rid]],
                     "issuer_id": a.issuer_of[rid],
                     "sections": [_section(r, s, script) for s in sections],
                     "spellings": list(dict.fromkeys(display(c.text, r.script, script) for c in by_report[rid]))})
    return {"document": {"id": doc.id, "title": display(doc.title, HANS, script), "kind": doc.kind,
                         "spellings": [display(s, HANS, script) for s in doc.spellings]},
            "rows": rows}


def required_rows(a: CorpusAnalysis, script: str) -> list[dict]:
    out = []
    for req in a.required:
        r = req.report
        out.append({"report": _report(r, script), "issuer_id": a.issuer_of[r.id],
                    "issuer_name": _issuer_names(a, script)[a.issuer_of[r.id]],
                    "contents": [{"content": c, "sections": [_section(r, sid, script) for sid in req.parts[c]]}
                                 for c in CONTENTS],
                    "causes_stated": req.causes_stated, "deadline": req.deadline, "timing": req.timing,
                    "complete": req.complete, "missing": req.missing})
    return out


def corpus_context(a: CorpusAnalysis, script: str) -> dict:
    province_of = {i.id: display(i.province, HANS, script) for i in a.issuers}
    table: dict[str, Counter] = defaultdict(Counter)
    for r in a.reports.values():
        table[province_of[a.issuer_of[r.id]]][r.year or 0] += 1
    years = sorted({r.year or 0 for r in a.reports.values()}, reverse=True)
    provinces = sorted(table, key=lambda p: (p == "", p))
    req = a.required
    coverage = {c: sum(1 for q in req if q.parts.get(c)) for c in CONTENTS}
    return {"years": years, "provinces": [(p, [table[p][y] for y in years]) for p in provinces],
            "total": len(a.reports), "issuer_count": len(a.issuers),
            "indicators": [{"key": i.rule.key, "name": i.rule.name[SCRIPTS.index(script)],
                            "reports": len(i.readings)} for i in a.indicators],
            "coverage": [(c, coverage[c]) for c in CONTENTS],
            "complete": sum(1 for q in req if q.complete),
            "on_time": sum(1 for q in req if q.timing == "on_time"),
            "late": sum(1 for q in req if q.timing == "late"),
            "documents": len(a.documents)}


# -- files ------------------------------------------------------------------------------

CSV_FIELDS = ("indicator", "indicator_name", "report", "issuer_id", "year", "value", "unit", "qualifier",
              "label", "text", "section", "page")


def indicators_csv(a: CorpusAnalysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for ind in a.indicators:
        for rd in ind.readings:
            m, r = rd.metric, rd.report
            writer.writerow([ind.rule.key, ind.rule.name[0], r.id, a.issuer_of[r.id], r.year or "", m.value,
                             m.unit, m.qualifier or "", m.label, m.text, m.section, urls.section(r.id, m.section)])
    return out.getvalue()


def render_across(site, reports: list[Report],
                  fts: dict[str, list[tuple[str, str, str]]] | None = None) -> CorpusAnalysis:
    """All pages and files across reports; returns the analysis (for tests and benchmarks).
    ``fts``: the database's word rows per report (``database.fts_rows``), when the workers made them."""
    a = analyse_corpus(reports)
    _NAMES.clear()
    site.writer.write(INDICATORS_CSV, indicators_csv(a))
    site.writer.write(database.NAME, database.database_bytes(database.Corpus(
        reports, a.issuers, a.figures, a.documents, fts)))

    def page(template: str, path: str, extra) -> None:
        site.render_both(f"across/{template}", path,
                         lambda s: {"x": strings(s), **extra(s)})

    page("corpus.html", CORPUS, lambda s: corpus_context(a, s))
    page("issuers.html", ISSUERS, lambda s: {"issuers": [
        {"id": i.id, "name": display(i.name, HANS, s), "count": len(i.report_ids),
         "years": sorted({a.reports[r].year for r in i.report_ids if a.reports[r].year})} for i in a.issuers]})
    for issuer in a.issuers:
        page("issuer.html", issuer_page(issuer.id), lambda s, i=issuer: issuer_context(a, i, s))
    page("indicators.html", INDICATORS, lambda s: corpus_context(a, s))
    for ind in a.indicators:
        page("indicator.html", indicator_page(ind.rule.key), lambda s, i=ind: indicator_context(a, i, s))
    page("documents.html", DOCUMENTS, lambda s: {"documents": [
        {"id": d.id, "title": display(d.title, HANS, s), "kind": d.kind, "reports": len(d.report_ids),
         "citations": len(d.citations)} for d in a.documents]})
    for doc in a.documents:
        page("document.html", document_page(doc.id), lambda s, d=doc: document_context(a, d, s))
    page("required.html", REQUIRED, lambda s: {"rows": required_rows(a, s)})
    return a


# Interface strings of these pages, written out in both scripts.
STRINGS: dict[str, tuple[str, str]] = {
    "corpus": ("全部报告概览", "全部報告概覽"),
    "corpus_lead": ("收录的全部报告：按年度和省份统计，各项指标有多少份报告给出，规定内容是否齐全。",
                    "收錄的全部報告：按年度和省份統計，各項指標有多少份報告給出，規定內容是否齊全。"),
    "issuers": ("发布机关", "發布機關"),
    "issuers_lead": ("同一发布机关的各年度报告归在一起（名称的不同写法统一为一个编号）。",
                     "同一發布機關的各年度報告歸在一起（名稱的不同寫法統一為一個編號）。"),
    "indicators": ("指标", "指標"),
    "indicators_lead": ("本类报告反复出现的数据（行政复议、行政诉讼、出庭应诉、规范性文件、调解、普法等），按规则文件 indicators.yaml 从数据点识别。",
                        "本類報告反覆出現的數據（行政復議、行政訴訟、出庭應訴、規範性文件、調解、普法等），按規則文件 indicators.yaml 從數據點識別。"),
    "documents": ("引用文件", "引用文件"),
    "documents_lead": ("各报告用书名号引用的文件，不同写法（破折号、括号、全角半角、繁简）归为同一文件。",
                       "各報告用書名號引用的文件，不同寫法（破折號、括號、全形半形、繁簡）歸為同一文件。"),
    "required": ("规定内容核对", "規定內容核對"),
    "required_lead": ("《法治政府建设与责任落实督察工作规定》（2019年）要求年度报告包括的内容是否具备（按各部分的类别判断），以及成文日期是否在次年第一季度内（3月31日前）。",
                      "《法治政府建設與責任落實督察工作規定》（2019年）要求年度報告包括的內容是否具備（按各部分的類別判斷），以及成文日期是否在次年第一季度內（3月31日前）。"),
    "report": ("报告", "報告"), "year": ("年度", "年度"), "date": ("成文日期", "成文日期"),
    "issuer": ("发布机关", "發布機關"), "province": ("省份", "省份"), "no_province": ("省份不详", "省份不詳"),
    "no_year": ("年度不详", "年度不詳"), "total": ("合计", "合計"), "count": ("报告数", "報告數"),
    "value": ("数值", "數值"), "as_written": ("原文", "原文"), "section": ("出处", "出處"),
    "variants": ("名称写法", "名稱寫法"), "by_year": ("各年度报告", "各年度報告"),
    "delivery": ("上年安排的落实", "上年安排的落實"),
    "delivery_lead": ("上一年度报告的每项工作安排，对照下一年度报告的主要举措：按分词后的共同关键词（通用词权重低）找出最接近的一节；没有足够共同词的，标为“未见报告完成”（只说明下一年度报告没有写到）。",
                      "上一年度報告的每項工作安排，對照下一年度報告的主要舉措：按分詞後的共同關鍵詞（通用詞權重低）找出最接近的一節；沒有足夠共同詞的，標為「未見報告完成」（只說明下一年度報告沒有寫到）。"),
    "plan_item": ("工作安排", "工作安排"), "status": ("结果", "結果"), "best": ("对应举措", "對應舉措"),
    "shared": ("共同关键词", "共同關鍵詞"), "score": ("相似度", "相似度"),
    "done": ("已报告完成", "已報告完成"), "not_done": ("未见报告完成", "未見報告完成"),
    "delivered_of": ("项安排中已报告完成", "項安排中已報告完成"),
    "recurring": ("反复出现的不足", "反覆出現的不足"),
    "recurring_lead": ("下一年度报告的不足与上一年度报告的不足用词相近的：", "下一年度報告的不足與上一年度報告的不足用詞相近的："),
    "shortcoming": ("不足", "不足"), "earlier": ("上一年度的表述", "上一年度的表述"),
    "none": ("没有。", "沒有。"), "no_pairs": ("没有相邻年度的报告可以对照。", "沒有相鄰年度的報告可以對照。"),
    "series": ("各年度数据", "各年度數據"), "indicator": ("指标", "指標"),
    "kind": ("类型", "類型"), "kind_law": ("法律法规", "法律法規"), "kind_local": ("地方文件", "地方文件"),
    "kind_other": ("其他", "其他"), "citations": ("引用次数", "引用次數"), "spellings": ("写法", "寫法"),
    "citing": ("引用该文件的报告", "引用該文件的報告"),
    "content_measures": ("主要举措和成效", "主要舉措和成效"),
    "content_shortcomings": ("存在的不足和原因", "存在的不足和原因"),
    "content_responsibilities": ("主要负责人履行第一责任人职责", "主要負責人履行第一責任人職責"),
    "content_plan": ("下一年度安排", "下一年度安排"), "content_other": ("其他情况", "其他情況"),
    "causes": ("写明原因", "寫明原因"), "deadline": ("期限", "期限"), "timing": ("按期", "按期"),
    "on_time": ("按期", "按期"), "late": ("逾期", "逾期"), "unknown": ("不详", "不詳"),
    "present": ("有", "有"), "absent": ("缺", "缺"), "optional_absent": ("—", "—"),
    "yes": ("是", "是"), "no": ("否", "否"),
    "complete": ("内容齐全", "內容齊全"), "coverage": ("规定内容具备情况", "規定內容具備情況"),
    "reports_with": ("份报告具备", "份報告具備"), "on_time_count": ("按期成文", "按期成文"),
    "late_count": ("逾期成文", "逾期成文"),
    "downloads": ("数据下载", "數據下載"),
    "csv": ("全部指标数据（CSV）", "全部指標數據（CSV）"),
    "sqlite": ("全部报告数据库（SQLite，可用 Datasette 打开）", "全部報告數據庫（SQLite，可用 Datasette 打開）"),
    "issuer_count": ("个发布机关", "個發布機關"), "report_count": ("份报告", "份報告"),
    "document_count": ("种引用文件", "種引用文件"),
    "reported_by": ("给出该指标的报告", "給出該指標的報告"),
    "chart": ("各年度对比图", "各年度對比圖"),
}


def strings(script: str) -> dict[str, str]:
    i = SCRIPTS.index(script)
    return {k: v[i] for k, v in STRINGS.items()}
