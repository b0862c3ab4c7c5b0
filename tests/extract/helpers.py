"""Comparing a parse of an extracted page or file with the parse of the plain text it wraps."""

from __future__ import annotations

from pathlib import Path

from lawreport.content import store
from lawreport.parse import parse_text


def outline(sections) -> list:
    return [(s.id, s.number, s.title, outline(s.children)) for s in sections]


def plain_report(text: str):
    return parse_text(text.encode("utf-8"), "plain.txt", "plain").report


def reader_text(report) -> list[str]:
    """Every string of the report a reader sees as the report: preamble, headings, bodies."""
    out = [report.preamble]
    for s in report.walk():
        out.extend([s.title, s.text])
    return out


def check_same_report(run_cli, path: Path, text: str, chrome: list[str], tmp_path: Path,
                      metadata: bool = True, page_title: str | None = None):
    """parse PATH -o out.yaml: exit 0, the plain text's sections and metadata, no chrome, ≥98% kept."""
    from measure import kept_fraction, leaked

    out = tmp_path / f"{path.stem}.yaml"
    code, _, err = run_cli("parse", path, "-o", out)
    assert code == 0, err
    got = store.load(out, "x")
    want = plain_report(text)
    assert outline(got.sections) == outline(want.sections)
    if metadata:
        # a text without a title gets the page's (the plain text's title is inferred)
        title = page_title if page_title and want.title_source == "inferred" else want.title
        assert (got.title, got.issuer, got.date, got.year) == (title, want.issuer, want.date, want.year)
    for piece in reader_text(got):
        assert not leaked(chrome, piece, text), (leaked(chrome, piece, text), piece[:80])
    assert kept_fraction(text, got.report_text() + "\n".join(s.text for s in got.stripped)) >= 0.98
    return got
