"""The site's own page types, one function each; build.py calls them in order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lawreport.core.errors import LawreportError
from lawreport.core.model import Report
from lawreport.site import citations
from lawreport.core import urls
from lawreport.site.context import Download, NavLink, ReportView, SectionView, report_view
from lawreport.site.markdown_pages import EditorialPage
from lawreport.site.pages import SiteRenderer
from lawreport.site.text import display
from lawreport.core.script import SCRIPTS

# Folders inside a report's folder that are pages, not sections.
REPORT_SUBPAGES = set(urls.REPORT_PAGES)  # the page layout's list, not a copy


def check_paths(reports: list[Report], yaml_paths: dict[str, str]) -> None:
    """Ids that would overwrite one of the site's own pages are an error, not a silent clash."""
    for report in reports:
        if report.id in urls.RESERVED_TOP:
            raise LawreportError(f"report id {report.id!r} is reserved by the site; rename the folder",
                                 yaml_paths.get(report.id))
        for section in report.walk():
            if section.id in REPORT_SUBPAGES:
                raise LawreportError(f"section id {section.id!r} is reserved by the site "
                                     f"({report.id}/{section.id}/ is another page); choose another id",
                                     yaml_paths.get(report.id))


def standard_downloads(report: Report) -> list[Download]:
    return [
        Download({"zh-Hans": "报告数据（YAML，可编辑的原始记录）", "zh-Hant": "報告數據（YAML，可編輯的原始記錄）"},
                 urls.download(report.id, "report.yaml"), "application/yaml"),
        Download({"zh-Hans": "报告数据（JSON）", "zh-Hant": "報告數據（JSON）"},
                 urls.download(report.id, "report.json"), "application/json"),
        Download({"zh-Hans": "本报告及各节的引文（RIS：EndNote、NoteExpress、Zotero）",
                  "zh-Hant": "本報告及各節的引文（RIS：EndNote、NoteExpress、Zotero）"},
                 urls.download(report.id, "citations.ris"), "application/x-research-info-systems"),
        Download({"zh-Hans": "本报告及各节的引文（CSL-JSON：Zotero、Pandoc）",
                  "zh-Hant": "本報告及各節的引文（CSL-JSON：Zotero、Pandoc）"},
                 urls.download(report.id, "citations.json"), "application/vnd.citationstyles.csl+json"),
    ]


def views(report: Report, notes: dict, nav: list[NavLink], downloads: list[Download]) -> dict[str, ReportView]:
    return {script: report_view(report, script, notes, nav, downloads) for script in SCRIPTS}


def newest_first(report_views: list[dict[str, ReportView]]) -> list[dict[str, ReportView]]:
    """Most recent year covered first; undated reports last; the id settles ties."""
    first = SCRIPTS[0]
    ordered = sorted(report_views, key=lambda v: v[first].id)
    ordered.sort(key=lambda v: v[first].date, reverse=True)  # stable: equal keys keep id order
    ordered.sort(key=lambda v: v[first].year or 0, reverse=True)
    return ordered


def by_year_and_place(report_views: list[dict[str, ReportView]]) -> list[tuple[int | None, list]]:
    """Newest year first (undated last); within a year, by issuer (the place), then id."""
    first = SCRIPTS[0]
    groups: list[tuple[int | None, list]] = []
    for view in newest_first(report_views):
        year = view[first].year or None
        if not groups or groups[-1][0] != year:
            groups.append((year, []))
        groups[-1][1].append(view)
    return [(year, sorted(views, key=lambda v: (not v[first].issuer, v[first].issuer, v[first].id)))
            for year, views in groups]


def render_home(site: SiteRenderer, report_views: list[dict[str, ReportView]]) -> None:
    """Reports grouped by year and sorted by place, with place and year filters (static/home.js)."""
    groups = by_year_and_place(report_views)
    first = SCRIPTS[0]
    places = sorted({v[first].issuer for v in report_views if v[first].issuer})
    place_names = {v[first].issuer: v for v in report_views}
    issuer_names = {}  # issuer id (one per government, whatever the spelling) -> its first report
    for v in sorted(report_views, key=lambda v: v[first].id):
        issuer_names.setdefault(getattr(v[first], "issuer_id", ""), v)
    issuer_names.pop("", None)

    def context(script: str) -> dict:
        return {"reports": [v[script] for _, views in groups for v in views],
                "groups": [(year, [v[script] for v in views]) for year, views in groups],
                "places": [place_names[p][script].issuer for p in places],
                "years": [year for year, _ in groups if year],
                "issuers": [(iid, issuer_names[iid][script].issuer or issuer_names[iid][script].title)
                            for iid in sorted(issuer_names)]}

    site.render_both("home.html", urls.home(), context)


def _cite(site: SiteRenderer, view: ReportView, section: SectionView | None) -> dict:
    """Every format of the cite panel from one record; without a base URL the page's own address
    (filled in by site.js, like the access date) stands in for the permalink."""
    data = view.citation(site.base_url, section)
    page = data if data.url else replace(data, url=citations.HERE)
    return {"data": data,
            "gbt2025": citations.to_html(citations.gbt7714_2025(page)),
            "gbt2015": citations.to_html(citations.gbt7714_2015(page)),
            "bibtex": citations.to_html(citations.bibtex(page)),
            "csl": citations.to_html(citations.csl_json([citations.csl_item(page)])),
            "ris": citations.to_html(citations.ris(page))}


def write_citation_downloads(site: SiteRenderer, view: dict[str, ReportView]) -> None:
    """The report and all its sections as RIS and CSL-JSON, in the report's own script. A file
    has no reader to date it: no access date; a URL only when the site has a base URL."""
    report = view[view[SCRIPTS[0]].source_script]
    records = [report.citation(site.base_url)] + [report.citation(site.base_url, s) for s in report.walk()]
    site.writer.write(urls.download(report.id, "citations.ris"),
                      "\n".join(citations.ris(r, accessed=None) for r in records))
    site.writer.write(urls.download(report.id, "citations.json"),
                      citations.csl_json([citations.csl_item(r, accessed=None) for r in records]) + "\n")


def year_links(links) -> dict:
    """The overview's links to the issuer's previous and next year's report: ``links`` has
    ``previous`` and ``next``, each (report id, year) or None (build/identity.py)."""
    def link(neighbour):
        return {"path": urls.report(neighbour[0]), "year": neighbour[1]} if neighbour else None
    return {"previous": link(getattr(links, "previous", None)), "next": link(getattr(links, "next", None))}


def render_report(site: SiteRenderer, view: dict[str, ReportView], links=None) -> None:
    """Overview, full text and one page per section, in both scripts; ``links``: the issuer's
    previous and next year (see ``year_links``), shown on the overview."""
    any_view = view[SCRIPTS[0]]
    write_citation_downloads(site, view)
    years = year_links(links)
    site.render_both("overview.html", urls.report(any_view.id),
                     lambda s: {"report": view[s], "cite": _cite(site, view[s], None), "years": years})
    site.render_both("fulltext.html", urls.full_text(any_view.id),
                     lambda s: {"report": view[s], "cite": _cite(site, view[s], None)})
    sections = {s: {sec.id: sec for sec in view[s].walk()} for s in SCRIPTS}
    for section in any_view.walk():
        site.render_both("section.html", section.path,
                         lambda s: {"report": view[s], "section": sections[s][section.id],
                                    "cite": _cite(site, view[s], sections[s][section.id])})


def render_removed(site: SiteRenderer, view: dict[str, ReportView], removed: list) -> None:
    """A removed section's permalink keeps working: it says so and leads to the nearest section."""
    sections = {s: {sec.id: sec for sec in view[s].walk()} for s in SCRIPTS}
    for gone in removed:
        any_view = view[SCRIPTS[0]]
        site.render_both("removed.html", urls.section(any_view.id, gone.id),
                         lambda s: {"report": view[s], "removed_id": gone.id,
                                    "removed_heading": display(gone.number + gone.title,
                                                               view[s].source_script, s),
                                    "nearest": sections[s].get(gone.nearest)})


def render_editorial(site: SiteRenderer, pages: list[EditorialPage]) -> None:
    for page in pages:
        site.render_both("page.html", urls.page(page.slug),
                         lambda s: {"title": page.title[s], "body": page.body[s]})


def render_not_found(site: SiteRenderer) -> None:
    # Served by web servers at any URL: links must not depend on where it is shown.
    for script in SCRIPTS:
        site.render_page("404.html", "404.html", script, absolute_links=True)


def render_search_page(site: SiteRenderer, report_views: list[dict[str, ReportView]]) -> None:
    """templates/search.html (the search feature) if present, else a browsable index of sections."""
    template = "search.html" if site.has_template("search.html") else "search_fallback.html"
    site.render_both(template, urls.search(),
                     lambda script: {"reports": [v[script] for v in report_views]})


def copy_static(templates_dir: Path, writer) -> None:
    static = templates_dir / "static"
    if not static.is_dir():
        return
    for path in sorted(p for p in static.rglob("*") if p.is_file()):
        writer.write("static/" + path.relative_to(static).as_posix(), path.read_bytes())


def site_globals(pages: list[EditorialPage]) -> dict:
    return {"editorial_pages": [{"slug": p.slug, "title": p.title, "path": urls.page(p.slug)}
                                for p in pages],
            "scripts": SCRIPTS}
