"""Rendering one page in one script: Jinja environment, base context, output path.

Other page types (search, metrics, analysis…) use the same entry point::

    site.render_page("metrics.html", f"{report_id}/metrics/index.html", script, report=view)
    site.render_both("metrics.html", f"{report_id}/metrics/index.html",
                     lambda script: {"report": views[script]})

``path`` is script independent; the Traditional copy goes under ``zh-hant/``.
Templates get ``url(path)`` (a link to another page in the same script),
``asset(path)`` (a file shared by both scripts: data downloads, static/),
``t`` (interface strings), ``script``, ``lang``, ``other_url`` (the same page
in the other script), ``alternates`` (hreflang), ``canonical`` and
``base_url``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import re

import jinja2

from lawreport.core import urls
from lawreport.site.strings import strings_for
from lawreport.core.script import HANS, HANT, SCRIPTS
from lawreport.content.writer import SiteWriter

OTHER = {HANS: HANT, HANT: HANS}


# Elements whose text keeps its whitespace as written (a BibTeX or RIS record, a script).
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n[ \t\r\n]*")  # ASCII only: U+3000 and U+00A0 in text are kept


def compact_html(html: str) -> str:
    """The templates' indentation and blank lines dropped outside <pre>, <textarea>, <script> and
    <style>.  A run of white space holding a line break becomes that one line break: the
    browser shows both as the same single space (or none between blocks), so the page looks the
    same and every page is some 4 % smaller (issue 17)."""
    out, pos = [], 0
    for m in _VERBATIM.finditer(html):
        out.append(_INDENT.sub("\n", html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_INDENT.sub("\n", html[pos:]))
    return "".join(out)


def make_env(templates_dir: Path) -> jinja2.Environment:
    return _env(str(Path(templates_dir).resolve()))


@lru_cache(maxsize=8)
def _env(templates_dir: str) -> jinja2.Environment:
    """One environment per templates folder and process: templates compile once, not per report
    (auto_reload still picks up a template edited while ``serve`` runs)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,  # everything from content is escaped unless marked safe in Python
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # compiled templates kept in the user's temp folder, keyed by template source checksum
        bytecode_cache=jinja2.FileSystemBytecodeCache())


@dataclass
class SiteRenderer:
    templates_dir: Path
    writer: SiteWriter
    base_url: str | None = None
    globals: dict = field(default_factory=dict)  # shared by every page (editorial page links…)
    pages: list[str] = field(default_factory=list)  # every page written, for the sitemap

    def __post_init__(self):
        self.env = make_env(self.templates_dir)
        if self.base_url:
            self.base_url = self.base_url.rstrip("/") + "/"

    def has_template(self, name: str) -> bool:
        return (self.templates_dir / name).is_file()

    def context(self, path: str, script: str, absolute_links: bool = False) -> dict:
        """The base context of the page at ``path`` (script independent) in ``script``."""
        out = urls.in_script(path, script)

        def link(target: str) -> str:
            if absolute_links and self.base_url:
                return urls.absolute(self.base_url, target)
            if absolute_links:  # a 404 page is served at any depth: links from the site root
                return "/" + target
            return urls.relative(out, target)

        other = urls.in_script(path, OTHER[script])
        alternates = [(urls.LANG[s], urls.absolute(self.base_url, urls.in_script(path, s))
                       or link(urls.in_script(path, s))) for s in SCRIPTS]
        return {
            **self.globals,
            "script": script,
            "lang": urls.LANG[script],
            "t": strings_for(script),
            "page_path": path,
            "url": lambda target: link(urls.in_script(target, script)),
            "asset": link,
            "other_url": link(other),
            "other_lang": urls.LANG[OTHER[script]],
            "alternates": alternates,
            "canonical": urls.absolute(self.base_url, out),
            "base_url": self.base_url,
            "urls": urls,
        }

    def render_page(self, template: str, path: str, script: str, absolute_links: bool = False,
                    **context) -> None:
        html = compact_html(self.env.get_template(template).render(
            **self.context(path, script, absolute_links), **context))
        self.writer.write(urls.in_script(path, script), html)
        if script == HANS and not absolute_links:
            self.pages.append(path)

    def render_both(self, template: str, path: str, context_for: Callable[[str], dict],
                    absolute_links: bool = False) -> None:
        """Render ``path`` in both scripts; ``context_for(script)`` gives the page's own context."""
        for script in SCRIPTS:
            self.render_page(template, path, script, absolute_links, **context_for(script))
