"""Reading a report folder: its YAML, or a first parse of its source (parse + figures).

This is the one place the build meets the parser: the content stage only reads and writes the
YAML, so it never needs the parse or analysis stages.
"""

from __future__ import annotations

from lawreport.analyse.across.issuers import issuer_id  # name variants count as one issuer
from lawreport.analyse.metrics import refresh
from lawreport.content import folders, store
from lawreport.content.folders import ReportFolder
from lawreport.core import safefile
from lawreport.core.model import Report
from lawreport.parse import parse_source


def same_issuer_and_year(report_folders: list[ReportFolder], reports: list[Report]) -> list[str]:
    """A warning for each report whose issuer and year another report already has (a copy?)."""
    seen: dict[tuple[str, int], str] = {}
    warnings = []
    for folder, report in zip(report_folders, reports):
        if not (report.issuer and report.year):
            continue
        first = seen.setdefault((issuer_id(report), report.year), report.id)
        if first != report.id:
            warnings.append(f"{folder.yaml_path}: warning: {report.issuer} {report.year} again: "
                            f"report {first!r} has the same issuer and year (the same report twice?)")
    return warnings


def load_report(folder: ReportFolder, write_missing_yaml: bool = True) -> tuple[Report, list[str]]:
    """The report of a folder: its YAML, or (first build after a source is dropped in) a parse.

    Returns the report and messages for the user (diagnostics of a fresh parse).  The build passes
    ``write_missing_yaml=False`` and writes the YAML with ``write_new_yaml`` once the site is in
    place, so a failed build leaves content/ as it was and shows the diagnostics again next time.
    """
    if folder.has_yaml:
        text = safefile.read_text(folder.yaml_path, folders.MAX_YAML_BYTES, "report.yaml")
        return store.loads(text, str(folder.yaml_path), folder.id), []
    result = parse_source(folder.source_path, folder.id)
    messages = [d.format(str(folder.source_path)) for d in result.diagnostics if d.severity == "warning"]
    refresh(result.report)  # figures are extracted when the YAML is first produced
    if write_missing_yaml:
        written = folders.write_new_yaml(folder, store.dumps(result.report).encode("utf-8"))
        messages.append(written)
    return result.report, messages
