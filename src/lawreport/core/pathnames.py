"""Every value that becomes a path: report folders, section ids, removed ids, note and page names.

One check per kind of name, used by the YAML loader (errors at the id's line:col) and by content
discovery (folder and file names), so no name can leave its folder (``../x``, ``a/b``), end in a
hidden newline (``re.fullmatch``: ``"1-9\\n"`` is refused), be too long for the file system, or take
the place of one of the site's own pages (a section ``metrics`` would overwrite the report's
metrics page; a report ``search`` the search page).
"""

from __future__ import annotations

import re

from lawreport.core import urls

MAX_LENGTH = 64  # well under any file system's 255 bytes, and still a readable URL

REPORT_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
SECTION_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]*")
PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
ISSUER_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Folders inside a report's folder that are the site's pages, not sections (the page layout).
ANALYSIS_PAGES = urls.ANALYSIS_PAGES
REPORT_PAGES = urls.REPORT_PAGES
# Names Windows cannot create as files or folders, whatever the extension.
DEVICE_NAMES = ("con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                *(f"lpt{i}" for i in range(1, 10)))

_RULES = {  # kind -> (pattern, what is allowed, names taken by the site, where they live)
    "report id": (REPORT_ID, "lower-case letters, digits, '-' and '_'", urls.RESERVED_TOP, "{}/"),
    "section id": (SECTION_ID, "letters, digits, '-' and '_'", REPORT_PAGES, "<report>/{}/"),
    "page name": (PAGE_NAME, "lower-case letters, digits, '-' and '_'", (), ""),
    "issuer id": (ISSUER_ID, "lower-case letters and digits joined by single '-'", (), ""),
}


def problem(kind: str, value: object) -> str | None:
    """What is wrong with ``value`` as a ``kind`` ("report id", "section id"…), or None."""
    pattern, allowed, reserved, where = _RULES[kind]
    a_kind = ("an " if kind[0] in "aeiou" else "a ") + kind
    if not isinstance(value, str) or value == "":
        return f"an empty {kind} is not allowed"
    if len(value) > MAX_LENGTH:
        return (f"{value[:24]!r}… is {len(value)} characters long; {a_kind} is at most "
                f"{MAX_LENGTH}")
    if not pattern.fullmatch(value):
        return (f"{value!r} is not a valid id: {a_kind} is {allowed}, starting with a letter or "
                "digit (no spaces, '/', '.' or line breaks)")
    if value.lower() in reserved:  # lower(): a case-insensitive disk would still collide
        return f"{value!r} is reserved: {where.format(value.lower())} is one of the site's own pages"
    if value.lower() in DEVICE_NAMES:
        return f"{value!r} is a device name on Windows and cannot be a file or folder there"
    return None


def is_valid(kind: str, value: object) -> bool:
    return problem(kind, value) is None


def shown(path: object) -> str:
    """A path as an error line shows it: a newline or other control character in a file name is
    written escaped (``zz\\n``), so the message stays one line."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in str(path))


def folded(value: str) -> str:
    """The form two ids are compared in: on a case-insensitive disk ``2-1B`` overwrites ``2-1b``."""
    return value.lower()
