"""The build, one function per step:

    plan (discover, guard the output, fingerprint: nothing changed? stop)
    -> per report (build/reports.py): identities and the issuer's previous/next year -> load
       (parse if needed) -> analyse -> render, in worker processes
    -> pages across reports -> site-wide pages (home, search, editorial, 404) -> search index
    -> static -> sitemap -> swap in

Per-report output is a pure function of its job, so the site is byte-identical whatever the
number of workers.  Unchanged reports (same folder, same neighbours) are not even loaded: their
pages are linked from the previous site (see ``cache`` and ``identity``).
The CLI imports this module only after ``plan`` (cheap) found work to do: that is the one lazy
boundary; jieba itself is loaded on first use, in ``reports.warm_up`` or a worker.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import jinja2

from lawreport.analyse.across.issuers import identity, issuer_id
from lawreport.build import cache as cache_mod
from lawreport.build import outguard
from lawreport.build import load as load_mod
from lawreport.build.plan import Plan, plan
from lawreport.build.reports import ReportJob, ReportOutput, build_reports
from lawreport.content import folders as content_mod
from lawreport.content.writer import SiteWriter
from lawreport.core import urls
from lawreport.core.errors import LawreportError, SetupError
from lawreport.core.model import Report
from lawreport.core.script import SCRIPTS
from lawreport.search import index as search_index
from lawreport.site import render as pages_mod
from lawreport.site import sitemap
from lawreport.site.across import render_across
from lawreport.site.context import count_figures
from lawreport.site.display import display_text
from lawreport.site.markdown_pages import load_pages
from lawreport.site.pages import SiteRenderer
from lawreport.site.text import display


# -- site-wide steps (main process) ---------------------------------------------------------

def home_entries(report: Report) -> dict:
    """What the home and search pages show of a report, in both scripts (no text conversion)."""
    sections = sum(1 for _ in report.walk())
    return {script: SimpleNamespace(
        id=report.id, script=script, title=display(report.title, report.script, script),
        issuer=display(report.issuer, report.script, script), date=report.date, year=report.year,
        issuer_id=issuer_id(report),
        section_count=sections, figures=count_figures(report)) for script in SCRIPTS}


def render_site_pages(site, content: content_mod.Content, reports: list[Report]) -> None:
    editorial = load_pages(content.pages)
    entries = [home_entries(r) for r in reports]
    pages_mod.render_home(site, entries)
    pages_mod.render_search_page(site, entries)
    pages_mod.render_editorial(site, editorial)
    pages_mod.render_not_found(site)


def write_search_index(reports: list[Report], docs: list[list], writer: SiteWriter) -> None:
    """The index of every report (lawreport.search); its scripts are copied with static/."""
    pages = search_index.PagePaths(urls.section("{report}", "{section}"), urls.full_text("{report}"))
    search_index.write_search_index(reports, writer, pages, docs, display_text)


def write_sitemap(pages: list[str], base_url: str | None, writer: SiteWriter) -> None:
    writer.write("sitemap.xml", sitemap.sitemap_xml(pages, base_url))
    writer.write("robots.txt", sitemap.robots_txt(base_url))


def site_globals(content: content_mod.Content) -> dict:
    return pages_mod.site_globals(load_pages(content.pages))


# -- the build --------------------------------------------------------------------------

def build(content_dir: Path, out_dir: Path, templates_dir: Path | None = None,
          base_url: str | None = None, log: Callable[[str], None] = print, jobs: int = 0,
          clean: bool = False) -> str:
    """Build the site; returns the one-line summary.  ``jobs`` 0 means one worker per core."""
    started = time.perf_counter()
    the_plan = plan(content_dir, out_dir, templates_dir, base_url, clean, log)
    if the_plan.unchanged:
        return the_plan.summary(time.perf_counter() - started)
    return run(the_plan, log, jobs, started)


def run(the_plan: Plan, log: Callable[[str], None] = print, jobs: int = 0,
        started: float | None = None) -> str:
    """The phases of a build that has work to do: per-report pages (in workers), then the pages
    across reports, the site-wide pages, the search index, static files and sitemap, one swap."""
    started = time.perf_counter() if started is None else started
    content, templates_dir, base_url = the_plan.content, the_plan.templates_dir, the_plan.base_url
    cache, manifest, shared, fingerprint = (the_plan.cache, the_plan.manifest, the_plan.shared,
                                            the_plan.fingerprint)
    out_dir = the_plan.out_dir
    workers = jobs or os.cpu_count() or 1
    writer = SiteWriter(out_dir, previous=manifest.files)
    try:
        globals_ = site_globals(content)
        report_jobs, outputs = build_reports(content.reports, shared, templates_dir, base_url, globals_,
                                             writer, manifest, cache, workers)
        for output in outputs:
            for message in output.messages:
                log(message)
        reports = [o.report for o in outputs]
        for message in load_mod.same_issuer_and_year(content.reports, reports):
            log(message)

        site = SiteRenderer(templates_dir, writer, base_url)
        site.globals.update(globals_)
        render_site_pages(site, content, reports)
        render_across(site, reports, {o.report.id: o.fts for o in outputs if o.fts is not None})
        write_search_index(reports, [o.search_docs for o in outputs], writer)
        pages_mod.copy_static(templates_dir, writer)
        pages = [p for o in outputs for p in o.pages] + site.pages
        write_sitemap(sorted(pages, key=_page_order), base_url, writer)
        writer.write(outguard.MARKER, outguard.MARKER_TEXT)
        cache_problem = _save_cache(cache, shared, fingerprint, outputs, report_jobs, writer, content.root)
        writer.commit(may_replace=lambda folder: not os.listdir(folder) or outguard.is_marked(folder))
    except BaseException as exc:
        writer.abort()
        if _is_template_error(exc):
            raise _template_error(exc, templates_dir) from None
        raise
    if cache_problem:
        log(cache_problem)
    write_new_yaml(outputs, report_jobs, log)
    seconds = time.perf_counter() - started
    html = sum(1 for rel in writer.files if rel.endswith(".html"))
    rebuilt = sum(1 for o in outputs if not o.from_cache)
    return (f"built {len(outputs)} report(s) ({rebuilt} rebuilt), {html} pages, {len(writer.files)} files "
            f"({writer.reused} unchanged) in {seconds:.1f} s -> {out_dir}")


def write_new_yaml(outputs: list[ReportOutput], report_jobs: list[ReportJob],
                   log: Callable[[str], None]) -> None:
    """content/ changes only now, with the new site in place: the YAML of each fresh parse."""
    failed: list[Exception] = []
    for output, job in zip(outputs, report_jobs):
        if output.new_yaml is not None:
            try:
                log(content_mod.write_new_yaml(job.folder, output.new_yaml))
            except LawreportError as exc:
                failed.append(exc)
    for exc in failed[:-1]:
        log(str(exc))
    if failed:
        raise failed[-1]


def _is_template_error(exc: BaseException) -> bool:
    return isinstance(exc, jinja2.TemplateError)


def _template_error(exc, templates_dir: Path) -> LawreportError:
    if isinstance(exc, jinja2.TemplateNotFound):
        return SetupError(f"template {exc.name!r} not found", str(templates_dir))
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return LawreportError(f"template: {exc.message}", exc.filename or str(templates_dir), exc.lineno)
    return LawreportError(f"template: {exc}", str(templates_dir))


def _page_order(path: str) -> tuple:
    return (path.count("/"), path)


def _save_cache(cache: cache_mod.BuildCache, shared: str, fingerprint: str,
                outputs: list[ReportOutput], report_jobs: list[ReportJob], writer: SiteWriter,
                content_root: Path) -> str | None:
    """Save the manifest of the new site before it is swapped in; a failure is a warning.

    The YAML of a fresh parse is written after the swap, so it is hashed now from its bytes: the
    next build then sees an unchanged report.  If writing it fails, the fingerprint no longer
    matches and that build parses again, showing the diagnostics again.
    """
    new_yaml = {os.path.abspath(job.folder.yaml_path): o.new_yaml
                for o, job in zip(outputs, report_jobs) if o.new_yaml is not None}
    content_keys = [job.content_key for job in report_jobs]
    if new_yaml:
        fingerprint = cache_mod.build_fingerprint(shared, content_root, new_yaml)
        for i, (o, job) in enumerate(zip(outputs, report_jobs)):
            if o.new_yaml is not None:
                content_keys[i] = cache_mod.report_key(shared, job.folder.path, new_yaml)
                o.key = replace(job, content_key=content_keys[i], preloaded=None).key
    manifest = cache_mod.Manifest(fingerprint, dict(writer.files), sizes=dict(writer.sizes),
                                  site=cache_mod.folder_id(writer.tmp))
    try:
        for output, content_key in zip(outputs, content_keys):
            manifest.reports[output.report.id] = {"key": output.key, "files": output.files,
                                                 "sizes": output.sizes, "pages": output.pages,
                                                 "content_key": content_key,
                                                 "identity": list(identity(output.report))}
            cache.save_report_data(output.key, {"report": output.report, "docs": output.search_docs,
                                                "fts": output.fts})
        cache.save(manifest)
    except OSError as exc:
        cache.forget()
        return (f"{exc.filename or cache.dir}: warning: the build cache was not saved ({exc.strerror}); "
                "the site is complete, the next build does all the work again")
    return None
