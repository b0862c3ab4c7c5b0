"""`lawreport add SOURCE...`: a published report (file or URL) -> a new folder in content/reports.

The folder holds the original byte for byte (original.html/.docx/.pdf; a text original is
source.txt itself), the extracted source.txt, report.yaml with provenance, and, when the extractor
left page chrome out, extracted-chrome.txt listing it.  The folder is built under a hidden temporary
name inside content/reports and renamed into place, so a failure leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lawreport.content.folders import REPORT_ID, check_report_id
from lawreport.core.errors import LawreportError, SetupError
from lawreport.build.ingest import ORIGINAL_NAMES, ingest, provenance, read_original
from lawreport.core.script import to_hans

CHROME_FILE = "extracted-chrome.txt"
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟|州|镇|乡|街道)")
_UNIT = re.compile(r"(特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟|州|镇|乡|街道)$")


@dataclass
class Added:
    report_id: str
    folder: Path
    warnings: list[str]


def place_id(issuer: str) -> str:
    """'zhangjiagang' for 张家港市人民政府: the most specific place in the issuer's name, in pinyin."""
    from pypinyin import Style, lazy_pinyin

    name = to_hans(issuer.split()[-1] if issuer.split() else "").removeprefix("中共")
    places = _PLACE.findall(name)
    if not places:
        return ""
    place = places[-1]
    unit = _UNIT.search(place).group(1)
    # read with its unit, so the phrase dictionary gets 朝阳区 right (chaoyang; 朝阳 alone: zhaoyang),
    # then the unit's syllables are dropped; a wrong reading is what --id is for
    syllables = lazy_pinyin(place, style=Style.NORMAL)
    if len(place) > len(unit) and len(syllables) == len(place):
        syllables = syllables[:len(place) - len(unit)]
    return re.sub(r"[^a-z0-9]", "", "".join(syllables).lower())


def default_id(issuer: str, year: int | None) -> str:
    place = place_id(issuer) or "report"
    return f"{place}-{year}" if year else place


def _existing(reports_dir: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """sha256 of every kept original -> report id; (issuer, year) -> report id."""
    by_hash, by_issuer = {}, {}
    for folder in sorted(p for p in reports_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for name in ("source.txt", *ORIGINAL_NAMES.values()):
            path = folder / name
            if path.is_file():
                by_hash[hashlib.sha256(path.read_bytes()).hexdigest()] = folder.name
        yaml_path = folder / "report.yaml"
        if yaml_path.is_file():
            head = yaml_path.read_text(encoding="utf-8", errors="replace")[:4000]
            issuer = re.search(r"^issuer: *['\"]?(.*?)['\"]?$", head, re.M)
            year = re.search(r"^year: *(\d{4})", head, re.M)
            if issuer and year:
                by_issuer[(issuer.group(1).strip(), year.group(1))] = folder.name
    return by_hash, by_issuer


def add(source: str, content: Path, report_id: str | None = None) -> tuple[Added, object]:
    """Add one report; returns what was added and the parse diagnostics."""
    content = Path(content)
    if not content.is_dir():
        raise SetupError("content folder not found", str(content))
    reports_dir = content / "reports"
    reports_dir.mkdir(exist_ok=True)
    original = read_original(source)
    by_hash, by_issuer = _existing(reports_dir)
    if original.sha256 in by_hash:
        raise LawreportError(f"already added: content/reports/{by_hash[original.sha256]}/ holds the same "
                             "original (same sha256)", source)
    item = ingest(original, source, report_id or "new", text_name="source.txt")
    report = item.result.report
    warnings = []
    same = by_issuer.get((report.issuer, str(report.year)))
    if report.issuer and report.year and same:
        warnings.append(f"{source}: warning: content/reports/{same}/ is also {report.issuer}'s report for "
                        f"{report.year}: check that this is not the same report twice")
    if report_id:
        check_report_id(report_id, "--id")
        if (reports_dir / report_id).exists():
            raise LawreportError(f"content/reports/{report_id}/ exists already: choose another --id", source)
    else:
        report_id = _free_id(reports_dir, default_id(report.issuer, report.year))
    report.id = report_id
    folder = _write_folder(reports_dir, report_id, item)
    return Added(report_id, folder, warnings), item.result.diagnostics


def _free_id(reports_dir: Path, base: str) -> str:
    base = base if REPORT_ID.match(base) else "report"
    candidate, n = base, 2
    while (reports_dir / candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _write_folder(reports_dir: Path, report_id: str, item) -> Path:
    from lawreport.content import store
    from lawreport.analyse.metrics import refresh

    report = item.result.report
    kept_as = item.original_file
    chrome = item.extracted.dropped_chrome
    report.provenance = provenance(item, kept_as, CHROME_FILE if chrome else None)
    refresh(report)
    target = reports_dir / report_id
    tmp = Path(tempfile.mkdtemp(prefix=f".add-{report_id}-", dir=reports_dir))
    try:
        if kept_as:
            (tmp / kept_as).write_bytes(item.original.data)
        (tmp / "source.txt").write_bytes(item.text)
        if chrome:
            (tmp / CHROME_FILE).write_text(
                "# Page text the extractor left out as chrome (menus, breadcrumbs, links, footers).\n"
                "# Not part of the report; listed so an editor can check nothing of it was lost.\n"
                + "\n".join(chrome) + "\n", encoding="utf-8")
        (tmp / "report.yaml").write_text(store.dumps(report), encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())
        os.rename(tmp, target)  # fails if the folder appeared meanwhile: nothing is overwritten
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise SetupError(f"cannot write the report folder: {exc.strerror}", str(target)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
