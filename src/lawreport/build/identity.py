"""Which report is the same issuer's previous and next year, known before the reports are built.

Every overview links to its issuer's previous and next year's report, so an overview depends on
other reports: adding ``wujiang-2025`` must give ``wujiang-2024``'s overview a "next" link on the
next (incremental) build, and deleting it must take the link away, although ``wujiang-2024``'s
own folder did not change.  Per-report output is cached by a key computed before the report is
loaded, and an unchanged report is never loaded, so the neighbours have to be known up front and
be part of that key.

The design, cheapest first:

1. ``content_key``: the key of the report's folder as before (its YAML, source, notes + every
   shared input).  The manifest records, per report, this key and the report's identity
   ``(issuer_id, year)`` beside the key of its pages.
2. Identity pre-pass (main process): a folder whose content key is unchanged takes its identity
   from the manifest (nothing read); a changed YAML is read for its four identity fields only
   (``store.identity_fields``: its top-level ``title``/``issuer``/``issuer_id``/``year`` entries,
   about 0.2 ms against 3 ms for the whole report); a folder with only a source.txt must be
   parsed to know its issuer, so it is parsed first (in the worker pool, see build/reports.py),
   and the parsed report goes on to its job, so it is not parsed twice.
3. The neighbour map (``analyse.across.issuers.year_neighbours``) is computed from the
   identities, and each report's job gets its two neighbours (id and year) and a key over
   ``content_key`` + neighbours: an overview whose neighbours changed is stale, any other
   unchanged report is reused untouched.
4. Check: after the reports are built, their identities are taken from the reports themselves.
   Where a guess of step 2 was wrong (a YAML written by hand in a layout the head read cannot
   follow), the neighbour map is computed again and only the reports whose neighbours changed
   are built again.  The output therefore never depends on the guess, only the time does.

A clean build reads each YAML once in full (in the workers) plus its few identity lines; it renders
every report once.  The map depends on the whole collection and nothing else, so the output is
the same for any number of workers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from lawreport.analyse.across.issuers import Identity, identity, year_neighbours
from lawreport.content import folders, store
from lawreport.content.folders import ReportFolder
from lawreport.core import safefile
from lawreport.core.errors import LawreportError
from lawreport.core.model import Report

Neighbour = tuple[str, int]  # report id, year covered


@dataclass(frozen=True)
class YearLinks:
    """A report's previous and next year's report of its issuer (None: there is none)."""
    previous: Neighbour | None = None
    next: Neighbour | None = None

    def key_part(self) -> str:
        return json.dumps([self.previous, self.next], ensure_ascii=False)


def job_key(content_key: str, links: YearLinks) -> str:
    return hashlib.sha256(f"{content_key}|{links.key_part()}".encode("utf-8")).hexdigest()


def from_manifest(entry: dict | None, content_key: str) -> Identity | None:
    if not entry or entry.get("content_key") != content_key:
        return None
    found = entry.get("identity")
    if not (isinstance(found, list) and len(found) == 2 and isinstance(found[0], str)
            and (found[1] is None or isinstance(found[1], int))):
        return None
    return found[0], found[1]


def from_yaml(folder: ReportFolder) -> Identity | None:
    """The identity read from the YAML's identity lines; None if they cannot be read (the full
    load in the worker then reports what is wrong, or step 4 corrects the guess)."""
    try:
        text = safefile.read_text(folder.yaml_path, folders.MAX_YAML_BYTES, "report.yaml")
    except (LawreportError, OSError):
        return None
    fields = store.identity_fields(text)
    if fields is None:
        return None
    return identity(Report(id=folder.id, title=fields["title"], issuer=fields["issuer"],
                           issuer_id=fields["issuer_id"], year=fields["year"]))


def predict(folder: ReportFolder, content_key: str, entry: dict | None) -> Identity | None:
    """Step 2 for one folder; None for a folder that must be parsed (or cannot be read)."""
    known = from_manifest(entry, content_key)
    if known is not None:
        return known
    return from_yaml(folder) if folder.has_yaml else None


UNKNOWN: Identity = ("unknown", None)  # what cannot be read links nowhere (until step 4)


def year_links(identities: dict[str, Identity]) -> dict[str, YearLinks]:
    """Report id -> its YearLinks, from every report's identity."""
    years = {rid: ident[1] for rid, ident in identities.items()}
    out = {}
    for rid, (before, after) in year_neighbours(identities).items():
        out[rid] = YearLinks((before, years[before]) if before else None,
                             (after, years[after]) if after else None)
    return out
