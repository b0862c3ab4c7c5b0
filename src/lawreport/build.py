"""The build, one function per step: discover -> load (parse if needed) -> analyse -> render -> write.

Hooks for other parts of the project:
- analysis: fill ``Section.metrics`` in an ``analyse`` step before rendering; append per-report
  pages to ``report_nav`` and tables to ``report_downloads`` and render them with
  ``site.render_page`` / ``render_both`` (lawreport.render.pages), which extends templates/base.html.
- search: ``write_search_index`` writes the index files (e.g. ``search/index.json`` via
  ``writer.write``); the page itself is templates/search.html, rendered by ``render_search``
  at search/index.html in both scripts with ``reports`` (ReportView per report) in its context.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from lawreport import content as content_mod
from lawreport import export, store
from lawreport.analyse import site as analysis_site
from lawreport.model import Report
from lawreport.render import site as pages_mod
from lawreport.render import sitemap
from lawreport.render.context import Download, NavLink, ReportView
from lawreport.render.markdown_pages import load_pages
from lawreport.render.notes import load_notes
from lawreport.render.pages import SiteRenderer
from lawreport.search import index as search_index
from lawreport.writer import SiteWriter


def load_reports(content: content_mod.Content, log: Callable[[str], None]) -> list[Report]:
    reports = []
    for folder in content.reports:
        report, messages = content_mod.load_report(folder)
        for message in messages:
            log(message)
        reports.append(report)
    return reports


def write_data_downloads(reports: list[Report], writer: SiteWriter) -> None:
    for report in reports:
        writer.write(f"{report.id}/report.yaml", store.dumps(report))
        writer.write(f"{report.id}/report.json", export.dumps(report))


def report_nav(report: Report) -> list[NavLink]:
    """Per-report analysis pages (metrics, keywords…): append NavLink(label, path) here."""
    return analysis_site.nav_links(report)


def report_downloads(report: Report) -> list[Download]:
    """Data files linked from the overview; add tables (metrics.csv…) after the standard two."""
    return pages_mod.standard_downloads(report) + analysis_site.downloads(report)


def build_views(content: content_mod.Content, reports: list[Report]) -> list[dict[str, ReportView]]:
    """Both scripts' views of every report, with editor's notes attached (a stray note fails here)."""
    return [pages_mod.views(report, load_notes(folder, report), report_nav(report), report_downloads(report))
            for folder, report in zip(content.reports, reports)]


def render_pages(site: SiteRenderer, content: content_mod.Content,
                 views: list[dict[str, ReportView]]) -> None:
    editorial = load_pages(content.pages)
    site.globals.update(pages_mod.site_globals(editorial))
    pages_mod.render_home(site, views)
    for view in views:
        pages_mod.render_report(site, view)
    pages_mod.render_editorial(site, editorial)
    pages_mod.render_not_found(site)


def render_search(site: SiteRenderer, views: list[dict[str, ReportView]]) -> None:
    pages_mod.render_search_page(site, views)


def write_search_index(reports: list[Report], writer: SiteWriter) -> None:
    """search-index.js at the site root (lawreport.search); search.js is copied with static/."""
    search_index.write_search_index(reports, writer)


def write_sitemap(site: SiteRenderer, writer: SiteWriter) -> None:
    writer.write("sitemap.xml", sitemap.sitemap_xml(site.pages, site.base_url))
    writer.write("robots.txt", sitemap.robots_txt(site.base_url))


def default_templates(content_dir: Path) -> Path:
    beside = Path(content_dir).resolve().parent / "templates"
    return beside if beside.is_dir() else Path("templates").resolve()


def build(content_dir: Path, out_dir: Path, templates_dir: Path | None = None,
          base_url: str | None = None, log: Callable[[str], None] = print) -> str:
    started = time.perf_counter()
    content = content_mod.discover(content_dir)
    reports = load_reports(content, log)
    templates_dir = Path(templates_dir) if templates_dir else default_templates(content_dir)
    pages_mod.check_paths(reports, {f.id: str(f.yaml_path) for f in content.reports})
    views = build_views(content, reports)
    analyses = analysis_site.analyse_reports(reports, views)  # also sets the callout cards
    writer = SiteWriter(out_dir)
    try:
        site = SiteRenderer(templates_dir, writer, base_url)
        write_data_downloads(reports, writer)
        render_pages(site, content, views)
        render_search(site, views)
        analysis_site.render_analysis(site, views, analyses, writer)
        write_search_index(reports, writer)
        pages_mod.copy_static(templates_dir, writer)
        write_sitemap(site, writer)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    seconds = time.perf_counter() - started
    return f"built {len(reports)} report(s), {len(writer.files)} files in {seconds:.1f} s -> {out_dir}"
