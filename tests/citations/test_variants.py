"""The GB/T strings of records the bundled report does not have (no date, no issuer, no URL, no
section), against citeproc-js with the official styles: the forms must be the processor's, not a
guess at its rules."""

from __future__ import annotations

import itertools

import pytest

from citations.conftest import LOCALES
from lawreport.site import citations
from lawreport.site.citations import CitationData

DAY = "2026-12-02"


def _records(language: str) -> list[CitationData]:
    out = []
    for author, date, url, locator in itertools.product(
            ("某市人民政府", ""), ("2024-02-28", ""), ("https://example.org/r/1-2/index.html", None),
            ("一、（二）推进严格规范公正文明执法", "")):
        out.append(CitationData(f"r{len(out)}", author, "某市人民政府关于2023年度法治政府建设情况的报告",
                                date, url, language, locator))
    return out


@pytest.mark.parametrize("language", sorted(LOCALES))
@pytest.mark.parametrize("edition", ["2015", "2025"])
def test_every_kind_of_record_prints_as_citeproc_prints_it(citeproc, edition, language):
    records = _records(language)
    ours = {"2015": lambda c: citations.gbt7714_2015(c, DAY),
            "2025": lambda c: citations.gbt7714_2025(c, DAY)}[edition]
    printed = citeproc.bibliography(edition, LOCALES[language], [citations.csl_item(c, DAY) for c in records])
    for record, out in zip(records, printed, strict=True):
        assert out == ours(record), record
