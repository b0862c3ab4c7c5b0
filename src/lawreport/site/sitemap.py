"""sitemap.xml (every page, with its other-script alternate) and robots.txt.

Sitemaps need absolute URLs: with ``--base-url`` they are absolute; without
one the locations are written relative to the site root (valid for our own
link checks, and replaced by real URLs as soon as a base URL is configured).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from lawreport.core import urls
from lawreport.core.script import SCRIPTS


def _loc(base_url: str | None, path: str) -> str:
    return urls.absolute(base_url, path) or path


def sitemap_xml(pages: list[str], base_url: str | None) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in sorted(set(pages)):
        for script in SCRIPTS:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(_loc(base_url, urls.in_script(path, script)))}</loc>")
            for alt in SCRIPTS:
                href = quoteattr(_loc(base_url, urls.in_script(path, alt)))
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{urls.LANG[alt]}" href={href}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    if base_url:
        text += f"Sitemap: {urls.absolute(base_url, 'sitemap.xml')}\n"
    return text
