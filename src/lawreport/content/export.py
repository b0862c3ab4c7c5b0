"""report.json: the report model as JSON (schema in README.md, "JSON export")."""

from __future__ import annotations

import json

from lawreport.core import script as scripts
from lawreport.core.model import Report, Section
from lawreport.content.store import report_to_dict

JSON_SCHEMA_VERSION = 1


def _convert(value, source: str, target: str):
    if isinstance(value, str):
        return scripts.convert(value, source, target)
    if isinstance(value, list):
        return [_convert(v, source, target) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("id", "issuer_id", "sha256", "file", "category", "script", "reason") else
                    _convert(v, source, target)) for k, v in value.items()}
    return value


def _section(section: Section, level: int) -> dict:
    out = {
        "id": section.id,
        "number": section.number,
        "title": section.title,
        "title_end": section.title_end,  # with number and title, the heading exactly as written
        "level": level,
        "category": section.category,
        "text": section.text,
        "metrics": section.metrics,
        "children": [_section(c, level + 1) for c in section.children],
    }
    return out


def report_to_json_dict(report: Report, target_script: str | None = None,
                        issuer_id: str | None = None) -> dict:
    """``issuer_id``: the issuer's id as the site uses it (``analyse.across.issuers.issuer_id``,
    which this stage cannot import: the caller passes it); without it, the YAML's own, else null."""
    raw = report_to_dict(report)
    data = {
        "json_schema_version": JSON_SCHEMA_VERSION,
        "id": report.id,
        "title": report.title,
        "title_source": report.title_source,
        "issuer": report.issuer,
        "issuer_id": issuer_id or report.issuer_id or None,
        "addressee": report.addressee,
        "date": report.date or None,
        "year": report.year,
        "publication_note": report.publication_note,
        "script": report.script,
        "source": raw["source"],
        "preamble": report.preamble,
        "sections": [_section(s, 1) for s in report.sections],
        "signature": report.signature,
        "stripped": raw["stripped"],
    }
    if target_script and target_script != report.script:
        data = _convert(data, report.script, target_script)
        data["script"] = target_script
        data["converted_from"] = report.script
    return data


def dumps(report: Report, target_script: str | None = None, issuer_id: str | None = None) -> str:
    return json.dumps(report_to_json_dict(report, target_script, issuer_id), ensure_ascii=False, indent=2,
                      sort_keys=False) + "\n"
