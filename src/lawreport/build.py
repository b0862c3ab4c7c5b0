"""The build, one function per step: discover -> load (parse if needed) -> analyse -> render -> write."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from lawreport import content as content_mod
from lawreport import export, store
from lawreport.model import Report
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


def build(content_dir: Path, out_dir: Path, templates_dir: Path | None = None,
          base_url: str | None = None, log: Callable[[str], None] = print) -> str:
    started = time.perf_counter()
    content = content_mod.discover(content_dir)
    reports = load_reports(content, log)
    writer = SiteWriter(out_dir)
    try:
        write_data_downloads(reports, writer)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    seconds = time.perf_counter() - started
    return f"built {len(reports)} report(s), {len(writer.files)} files in {seconds:.1f} s -> {out_dir}"
