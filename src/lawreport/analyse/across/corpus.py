"""Every across-report analysis of the collection, run once in the build's main process."""

from __future__ import annotations

from dataclasses import dataclass

from lawreport.analyse.across import documents, indicators, issuers, required, yearly
from lawreport.core.model import Report


@dataclass
class CorpusAnalysis:
    reports: dict[str, Report]
    issuers: list[issuers.Issuer]
    issuer_of: dict[str, str]  # report id -> issuer id
    neighbours: dict[str, tuple[str | None, str | None]]  # report id -> previous, next (same issuer)
    pairs: dict[str, list[yearly.YearPair]]  # issuer id -> consecutive-year comparisons
    figures: dict[str, list[indicators.Figure]]  # report id -> figures with indicator keys
    indicators: list[indicators.Indicator]
    documents: list[documents.CorpusDocument]
    required: list[required.Required]

    def series(self, issuer: issuers.Issuer) -> list[indicators.Indicator]:
        """The indicators this issuer gives, each with its readings by year (the issuer's own)."""
        mine = set(issuer.report_ids)
        out = []
        for ind in self.indicators:
            readings = [r for r in ind.readings if r.report.id in mine]
            if readings:
                out.append(indicators.Indicator(ind.rule, readings))
        return out


def analyse_corpus(reports: list[Report]) -> CorpusAnalysis:
    by_id = {r.id: r for r in reports}
    grouped = issuers.group(reports)
    figures = {r.id: indicators.figures(r) for r in reports}
    return CorpusAnalysis(
        reports=by_id, issuers=grouped,
        issuer_of={rid: i.id for i in grouped for rid in i.report_ids},
        neighbours=issuers.neighbours(reports),
        pairs={i.id: yearly.year_pairs(i, by_id) for i in grouped},
        figures=figures, indicators=indicators.across(reports, figures),
        documents=documents.across(reports), required=required.across(reports))
