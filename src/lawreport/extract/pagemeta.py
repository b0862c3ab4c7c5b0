"""A page's own metadata: <title>, the CMS's <meta> tags, and the open-government table
(索引号, 发布机构, 成文日期, 发布日期) that directory pages show above the article."""

from __future__ import annotations

import re

from lawreport.extract.htmltext import element_text

_LABELS = {  # label as written (spaced out on many pages) -> metadata key
    "索引号": "index_number", "发布机构": "issuer", "发文机关": "issuer", "发文单位": "issuer",
    "成文日期": "date", "发文日期": "date", "发布日期": "published", "发布时间": "published",
    "公开日期": "published", "文号": "document_number", "发文字号": "document_number",
    "标题": "title", "名称": "title",
}
_LABEL = "|".join(r"\s*".join(label) for label in sorted(_LABELS, key=len, reverse=True))
_PAIR = re.compile(rf"({_LABEL})\s*[:：]?\s*(.*?)\s*(?=(?:{_LABEL})\s*[:：]|\t|$)")
_TITLE_META = ("ArticleTitle", "og:title", "twitter:title")
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_SITE_SUFFIX = re.compile(r"\s*[_|｜—–-]+\s*[^_|｜—–-]{2,40}$")


def iso_date(value: str) -> str:
    m = _DATE.search(value)
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def page_metadata(tree, url: str | None) -> dict:
    meta: dict = {}
    for name in _TITLE_META:
        for el in tree.xpath(f"//meta[@name='{name}' or @property='{name}']"):
            if (el.get("content") or "").strip():
                meta.setdefault("title", el.get("content").strip())
    title_el = tree.find(".//title")
    if "title" not in meta and title_el is not None and (title_el.text or "").strip():
        meta["title"] = _SITE_SUFFIX.sub("", title_el.text.strip())
    body = tree.find("body")
    cells = [c.strip() for line in element_text(body if body is not None else tree).split("\n")
             for c in line.split("\t")]
    table: dict = {}
    for i, cell in enumerate(cells):
        if len(cell) > 120:
            continue  # a paragraph of the article, not a label
        for m in _PAIR.finditer(cell):
            label = re.sub(r"\s", "", m.group(1))
            value = m.group(2).strip() or (cells[i + 1] if i + 1 < len(cells) else "")
            key = _LABELS[label]
            if value and key not in table and not re.fullmatch(rf"(?:{_LABEL})\s*[:：]?", value):
                table[key] = value
    for key in ("date", "published"):
        if key in table:
            table[key] = iso_date(table[key])
    if table.get("title"):
        meta["title"] = table["title"]  # the table's title is the document's, without the site name
    meta.update({k: v for k, v in table.items() if v and k != "title"})
    if url:
        meta["url"] = url
    return meta
