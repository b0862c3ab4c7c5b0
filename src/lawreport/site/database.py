"""The collection as one SQLite database (``site/data/corpus.sqlite``), for Datasette or any SQL tool.

Byte-identical across rebuilds of the same content: the file is written to a temporary path
with a fixed page size, rows go in in a fixed order (reports by id, sections and figures in
reading order), nothing records a time, and ``VACUUM`` at the end lays the pages out afresh.
Foreign keys are declared and checked while the rows go in.

``sections_fts`` is an FTS5 table whose ``words`` column holds each section's text cut into
words by jieba (search mode, Simplified, space-joined), so SQLite's own tokenizer sees Chinese
words and ``sections_fts MATCH '行政复议'`` finds them.  The schema is in README.md.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass

from lawreport.analyse import segment
from lawreport.analyse.across import indicators as indicators_mod
from lawreport.analyse.across.documents import CorpusDocument
from lawreport.analyse.across.indicators import Figure
from lawreport.analyse.across.issuers import Issuer, issuer_id
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

PAGE_SIZE = 4096
NAME = "data/corpus.sqlite"

SCHEMA = """
CREATE TABLE issuers (
  id TEXT PRIMARY KEY,            -- stable issuer id (analyse/across/issuers.py, or the YAML's issuer_id)
  name TEXT NOT NULL,             -- fullest name its reports give
  province TEXT NOT NULL          -- from the name, else a place in it or the addressee; else ''
);
CREATE TABLE reports (
  id TEXT PRIMARY KEY,            -- folder name under content/reports/
  issuer TEXT NOT NULL,           -- as signed
  issuer_id TEXT NOT NULL REFERENCES issuers(id),
  year INTEGER,                   -- year covered
  date TEXT,                      -- signature date, YYYY-MM-DD
  title TEXT NOT NULL,
  script TEXT NOT NULL,           -- zh-Hans or zh-Hant: the script of every text of this report
  provenance TEXT NOT NULL        -- JSON: source file, sha256, encoding, title_source
);
CREATE TABLE sections (
  report_id TEXT NOT NULL REFERENCES reports(id),
  id TEXT NOT NULL,               -- permanent section id (permalink <report>/<id>/)
  parent_id TEXT,                 -- NULL for a top-level part
  position INTEGER NOT NULL,      -- reading order within the report
  number TEXT NOT NULL,           -- enumerator as written
  title TEXT NOT NULL,
  category TEXT,                  -- top-level parts: measures, shortcomings, responsibilities, plan, other
  text TEXT NOT NULL,             -- the section's own body
  PRIMARY KEY (report_id, id),
  FOREIGN KEY (report_id, parent_id) REFERENCES sections(report_id, id)
);
CREATE TABLE indicators (
  key TEXT PRIMARY KEY,           -- analyse/across/indicators.yaml
  name TEXT NOT NULL,
  name_hant TEXT NOT NULL
);
CREATE TABLE figures (
  report_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  id TEXT NOT NULL,               -- stable figure id of report.yaml
  value NUMERIC NOT NULL,         -- normalised number (万/亿 applied)
  unit TEXT NOT NULL,
  label TEXT NOT NULL,
  qualifier TEXT,                 -- more_than, at_least, nearly, about, at_most, less_than
  text TEXT NOT NULL,             -- the figure as written
  indicator TEXT REFERENCES indicators(key),
  PRIMARY KEY (report_id, id),
  FOREIGN KEY (report_id, section_id) REFERENCES sections(report_id, id)
);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,            -- documents/<id>/ on the site
  title TEXT NOT NULL,            -- most cited spelling, without 《》
  kind TEXT NOT NULL,             -- law, local, other
  key TEXT NOT NULL               -- normalised spelling used to group citations
);
CREATE TABLE citations (
  document_id TEXT NOT NULL REFERENCES documents(id),
  report_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  text TEXT NOT NULL,             -- as written, 《》 included
  FOREIGN KEY (report_id, section_id) REFERENCES sections(report_id, id)
);
CREATE INDEX figures_indicator ON figures(indicator);
CREATE INDEX citations_document ON citations(document_id);
CREATE INDEX reports_issuer ON reports(issuer_id);
CREATE VIRTUAL TABLE sections_fts USING fts5(
  report_id UNINDEXED, section_id UNINDEXED, title, words
);
"""


@dataclass
class Corpus:
    """What the database holds: plain data from the analyses."""

    reports: list[Report]
    issuers: list[Issuer]
    figures: dict[str, list[Figure]]  # report id -> its figures
    documents: list[CorpusDocument]
    fts: dict[str, list[tuple[str, str, str]]] | None = None  # report id -> fts_rows, if made already


def words(text: str) -> str:
    """Space-joined search-mode words of the Simplified copy (punctuation and spaces dropped)."""
    return " ".join(w for w in segment.search_words(matching_copy(text)) if w.strip() and any(
        ch.isalnum() for ch in w))


def fts_rows(report: Report) -> list[tuple[str, str, str]]:
    """(section id, heading words, text words) of every section in reading order: the
    ``sections_fts`` rows, made in the build's workers beside the pages (the cut is cached there)."""
    return [(s.id, words(s.number + s.title), words(s.text)) for s in report.walk()]


def _fill(db: sqlite3.Connection, corpus: Corpus) -> None:
    db.executemany("INSERT INTO issuers VALUES (?, ?, ?)",
                   [(i.id, i.name, i.province) for i in corpus.issuers])
    db.executemany("INSERT INTO indicators VALUES (?, ?, ?)",
                   [(r.key, r.name[0], r.name[1]) for r in indicators_mod.rules()])
    for report in sorted(corpus.reports, key=lambda r: r.id):
        provenance = json.dumps({**{k: report.source.get(k) for k in ("file", "sha256", "encoding")},
                                 "title_source": report.title_source}, ensure_ascii=False, sort_keys=True)
        db.execute("INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (report.id, report.issuer, issuer_id(report), report.year, report.date or None,
                    report.title, report.script, provenance))
        rows = []
        position = 0

        def visit(section, parent):
            nonlocal position
            rows.append((report.id, section.id, parent, position, section.number, section.title,
                         section.category, section.text))
            position += 1
            for child in section.children:
                visit(child, section.id)

        for part in report.sections:
            visit(part, None)
        db.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        made = (corpus.fts or {}).get(report.id)
        fts = made if made is not None else fts_rows(report)
        db.executemany("INSERT INTO sections_fts (report_id, section_id, title, words) VALUES (?, ?, ?, ?)",
                       [(report.id, *row) for row in fts])
        db.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [(report.id, f.metric.section, f.metric.id, f.metric.value, f.metric.unit,
                         f.metric.label, f.metric.qualifier, f.metric.text, f.indicator or None)
                        for f in corpus.figures.get(report.id, [])])
    for doc in corpus.documents:
        db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)", (doc.id, doc.title, doc.kind, doc.key))
        db.executemany("INSERT INTO citations VALUES (?, ?, ?, ?)",
                       [(doc.id, c.report_id, c.section, c.text) for c in doc.citations])


def database_bytes(corpus: Corpus) -> bytes:
    """The whole database file, the same bytes for the same corpus."""
    fd, path = tempfile.mkstemp(suffix=".sqlite", prefix="lawreport-corpus-")
    os.close(fd)
    os.unlink(path)  # SQLite creates it afresh: page size is set before the first write
    try:
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA foreign_keys = ON")
            db.executescript(SCHEMA)
            db.execute("BEGIN")
            _fill(db, corpus)
            db.execute("COMMIT")
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"corpus database: broken reference {problems[0]}")
            db.execute("INSERT INTO sections_fts(sections_fts) VALUES ('optimize')")
            db.execute("VACUUM")
        finally:
            db.close()
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        if os.path.exists(path):
            os.unlink(path)
