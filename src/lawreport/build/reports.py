"""The per-report step of a build: each report's pages, downloads and search documents.

    identities (build/identity.py; a first parse of source-only folders, in the workers)
    -> the neighbour map -> per report: load -> analyse -> render (in the workers)
    -> check the identities against the reports, rebuild the few whose neighbours were guessed wrong

Per-report work runs in worker processes when several reports need it (``workers``); its output
is a pure function of its job, so the site is byte-identical whatever the number of workers.
An unchanged report (same folder, same neighbours) is not even loaded: its pages are linked from
the previous site and its report and search documents come from the cache.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from lawreport.analyse import segment
from lawreport.analyse.across.issuers import identity, issuer_id
from lawreport.build import cache as cache_mod
from lawreport.build import identity as identity_mod
from lawreport.build import load as load_mod
from lawreport.build.identity import YearLinks
from lawreport.content import export, store
from lawreport.content import folders as content_mod
from lawreport.content.writer import SiteWriter
from lawreport.core.model import Report
from lawreport.search.index import section_docs
from lawreport.search.tokenize import tokenize
from lawreport.site import analysis as analysis_site
from lawreport.site import database
from lawreport.site import render as pages_mod
from lawreport.site.display import display_text
from lawreport.site.notes import load_notes
from lawreport.site.pages import SiteRenderer

PARALLEL_FROM = 4  # fewer reports to rebuild than this: a worker pool costs more than it saves


@dataclass
class ReportJob:
    index: int
    folder: content_mod.ReportFolder
    content_key: str  # the folder and everything shared (cache.report_key)
    templates_dir: Path
    base_url: str | None
    site_globals: dict
    links: YearLinks = YearLinks()  # the issuer's previous and next year (the overview links them)
    preloaded: tuple[Report, list[str]] | None = None  # a first parse done by the identity pre-pass

    @property
    def key(self) -> str:  # what the pages depend on: the folder, the shared inputs, the neighbours
        return identity_mod.job_key(self.content_key, self.links)


@dataclass
class ReportOutput:
    index: int
    key: str
    report: Report
    files: dict[str, str]
    sizes: dict[str, int]
    pages: list[str]  # for the sitemap
    search_docs: list
    fts: list | None = None  # the database's word rows (site/database.fts_rows)
    messages: list[str] = field(default_factory=list)
    reused: int = 0
    from_cache: bool = False
    new_yaml: bytes | None = None  # a fresh parse: the report.yaml written once the site is in place


# -- per-report steps (run in a worker) -----------------------------------------------------

def load_report(folder: content_mod.ReportFolder) -> tuple[Report, list[str]]:
    report, messages = load_mod.load_report(folder, write_missing_yaml=False)
    pages_mod.check_paths([report], {report.id: str(folder.yaml_path)})
    return report, messages


def write_data_downloads(report: Report, writer: SiteWriter) -> None:
    writer.write(f"{report.id}/report.yaml", store.dumps(report))
    writer.write(f"{report.id}/report.json", export.dumps(report, issuer_id=issuer_id(report)))


def report_views(folder: content_mod.ReportFolder, report: Report):
    """Both scripts' views of a report, with editor's notes attached (a stray note fails here)."""
    nav = analysis_site.nav_links(report)
    downloads = pages_mod.standard_downloads(report) + analysis_site.downloads(report)
    return pages_mod.views(report, load_notes(folder, report), nav, downloads)


def render_report_pages(job: ReportJob, report: Report, writer: SiteWriter) -> list[str]:
    views = report_views(job.folder, report)
    analyses = analysis_site.analyse_reports([report], [views])  # also sets the callout cards
    site = SiteRenderer(job.templates_dir, writer, job.base_url)
    site.globals.update(job.site_globals)
    write_data_downloads(report, writer)
    pages_mod.render_report(site, views, job.links)
    analysis_site.render_analysis(site, [views], analyses, writer)
    pages_mod.render_removed(site, views, report.removed)
    return site.pages


def search_docs(index: int, report: Report) -> list:
    return section_docs(index, report, display_text)  # snippets in the pages' punctuation


def build_one_report(job: ReportJob, writer: SiteWriter, cached: dict | None) -> ReportOutput:
    """One report's pages, downloads and search documents; reused whole when its key is unchanged."""
    if cached is not None:
        files, sizes = cached["files"], cached["sizes"]
        if all(writer.adopt(rel, files[rel], sizes[rel]) for rel in files):
            return ReportOutput(job.index, job.key, cached["report"], dict(files), dict(sizes),
                                cached["pages"], cached["docs"], cached.get("fts"), reused=len(files),
                                from_cache=True)
        writer = writer.child()  # an old file went missing: start this report afresh
    parsed = not job.folder.has_yaml
    report, messages = job.preloaded or load_report(job.folder)
    pages = render_report_pages(job, report, writer)
    docs = search_docs(job.index, report)
    fts = database.fts_rows(report)  # here, while the report's cut is in this worker's cache
    new_yaml = None
    if parsed:
        new_yaml = store.dumps(report).encode("utf-8")
    return ReportOutput(job.index, job.key, report, writer.files, writer.sizes, pages, docs, fts,
                        list(messages), writer.reused, new_yaml=new_yaml)


def _worker(args: tuple[ReportJob, Path, Path, dict, dict | None]) -> ReportOutput:
    job, out_dir, tmp, previous, cached = args
    return build_one_report(job, SiteWriter(out_dir, previous, tmp), cached)


# -- worker processes -------------------------------------------------------------------------

class Progress:
    """``[ 120/1000] reports`` on a terminal; silent in CI and when stderr is not a terminal."""

    def __init__(self, total: int):
        self.total = total
        self.on = total > 1 and sys.stderr.isatty() and not os.environ.get("CI")
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.on:
            sys.stderr.write(f"\r[{self.done:>{len(str(self.total))}}/{self.total}] reports")
            sys.stderr.flush()

    def close(self) -> None:
        if self.on:
            sys.stderr.write("\r" + " " * (2 * len(str(self.total)) + 12) + "\r")


def warm_up() -> None:
    """Load jieba (its dictionary and tagger) once in the parent, so forked workers share it
    instead of each loading it again (about a second per worker)."""
    tokenize("法治政府建设")
    segment.tagged("法治政府建设")


class Workers:
    """Worker processes, started on first parallel use and shared by the parse and report steps."""

    def __init__(self, count: int):
        self.count = count
        self.pool = None

    def map(self, fn, tasks: list, todo: int, step=lambda: None) -> list:
        """``fn`` over ``tasks`` in order; in the pool when ``todo`` (tasks with real work) is
        worth it."""
        out = []
        if self.count > 1 and todo >= PARALLEL_FROM:
            pool = self._pool()
            chunk = max(1, len(tasks) // (self.count * 8))
            for result in pool.map(fn, tasks, chunksize=chunk):
                out.append(result)
                step()
        else:
            for task in tasks:
                out.append(fn(task))
                step()
        return out

    def _pool(self):
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            fork = sys.platform.startswith("linux")
            if fork:
                warm_up()
            context = multiprocessing.get_context("fork" if fork else "spawn")
            self.pool = ProcessPoolExecutor(max_workers=self.count, mp_context=context)
        return self.pool

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown()


# -- the step -------------------------------------------------------------------------------

def run_jobs(jobs: list[ReportJob], writer: SiteWriter, manifest: cache_mod.Manifest,
             cache: cache_mod.BuildCache, workers: Workers) -> list[ReportOutput]:
    def cached_for(job: ReportJob) -> dict | None:
        entry = manifest.reports.get(job.folder.id)
        if not entry or entry.get("key") != job.key:
            return None
        data = cache.load_report_data(job.key)
        return {**entry, **data} if data else None

    def previous_of(job: ReportJob) -> dict:  # only this report's files: tasks stay small
        entry = manifest.reports.get(job.folder.id)
        return {rel: writer.previous[rel] for rel in entry["files"] if rel in writer.previous} if entry else {}

    tasks = [(job, writer.out_dir, writer.tmp, previous_of(job), cached_for(job)) for job in jobs]
    progress = Progress(len(tasks))
    try:
        return workers.map(_worker, tasks, sum(1 for task in tasks if task[-1] is None), progress.step)
    finally:
        progress.close()


def build_reports(folders: list[content_mod.ReportFolder], shared: str, templates_dir: Path,
                  base_url: str | None, site_globals: dict, writer: SiteWriter,
                  manifest: cache_mod.Manifest, cache: cache_mod.BuildCache,
                  workers: int) -> tuple[list[ReportJob], list[ReportOutput]]:
    """Every report's pages (see build/identity.py for how the neighbours are known first)."""
    content_keys = [cache_mod.report_key(shared, folder.path) for folder in folders]
    guesses = {folder.id: identity_mod.predict(folder, key, manifest.reports.get(folder.id))
               for folder, key in zip(folders, content_keys)}
    with Workers(workers) as pool:
        first_parse = [folder for folder in folders if guesses[folder.id] is None and not folder.has_yaml]
        parsed = dict(zip([f.id for f in first_parse], pool.map(load_report, first_parse, len(first_parse))))
        guesses.update({rid: identity(report) for rid, (report, _messages) in parsed.items()})
        guessed = {rid: ident or identity_mod.UNKNOWN for rid, ident in guesses.items()}
        links = identity_mod.year_links(guessed)
        jobs = [ReportJob(i, folder, content_keys[i], templates_dir, base_url, site_globals,
                          links[folder.id], parsed.get(folder.id)) for i, folder in enumerate(folders)]
        outputs = run_jobs(jobs, writer, manifest, cache, pool)
        actual = {output.report.id: identity(output.report) for output in outputs}
        if actual != guessed:  # a guess was wrong: rebuild only the reports whose links it changed
            links = identity_mod.year_links(actual)
            again = [i for i, job in enumerate(jobs) if links[job.folder.id] != job.links]
            for i in again:
                for rel in outputs[i].files:  # never write through a link into the previous site
                    (writer.tmp / rel).unlink(missing_ok=True)
                jobs[i] = replace(jobs[i], links=links[jobs[i].folder.id],
                                  preloaded=(outputs[i].report, outputs[i].messages))
            for i, output in zip(again, run_jobs([jobs[i] for i in again], writer, manifest, cache, pool)):
                outputs[i] = output
    for output in outputs:
        writer.merge(output.files, output.sizes, output.reused)
    return jobs, outputs
