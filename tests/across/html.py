"""Reading tables back out of built pages (stdlib HTMLParser: rows, cells, links)."""

from __future__ import annotations

from html.parser import HTMLParser


class Rows(HTMLParser):
    """Table rows of one table class: each row's attributes, cell texts and link targets."""

    def __init__(self, table_class: str):
        super().__init__(convert_charrefs=True)
        self.table_class, self.depth, self.rows = table_class, 0, []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and self.table_class in (a.get("class") or "").split():
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append({"attrs": a, "cells": [], "links": []})
        elif self.depth and tag in ("td", "th") and self.rows:
            self._cell = []
        elif self.depth and tag == "a" and self.rows:
            self.rows[-1]["links"].append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1]["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def rows(path, table_class: str) -> list[dict]:
    parser = Rows(table_class)
    parser.feed(path.read_text(encoding="utf-8"))
    return [r for r in parser.rows if r["attrs"].get("data-report") or r["cells"] and r["links"]]
