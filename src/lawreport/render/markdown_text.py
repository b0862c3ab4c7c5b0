"""Markdown written by editors (notes, editorial pages) to HTML, with raw HTML escaped.

Editors write Markdown, not HTML: a ``<script>`` typed into a note is shown
as text, never run.
"""

from __future__ import annotations

import markdown
from markupsafe import Markup


def to_html(text: str) -> Markup:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # block HTML becomes ordinary (escaped) text
    md.inlinePatterns.deregister("html")  # inline tags too
    return Markup(md.convert(text))
