"""A parent's page shows its children's headings, figures and opening sentences, linked, not their
whole text (issue 17: the text was repeated on every ancestor's page); no page or permalink is lost."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lxml import html as lxml_html

from lawreport.core import urls
from lawreport.core.script import HANS, HANT, SCRIPTS
from lawreport.site.text import display

from conftest import REPO, SEED_ID, copy_content, run_build

PAGES_BEFORE = REPO / "tests" / "fixtures" / "seed_pages.txt"


def _page(site: Path, path: str, script: str = HANS):
    return lxml_html.fromstring((site / urls.in_script(path, script)).read_bytes())


def _article_text(tree) -> str:
    [article] = tree.xpath('//article[@class="section-page"]')
    return article.text_content()


def _sentences(text: str) -> list[str]:
    return [s + "。" for s in text.split("。") if s.strip()]


def _opening_shown(shown: str, first: str) -> bool:
    """The first sentence whole, or a long one's beginning (at least 40 characters) and '……'."""
    return shown == first or (shown.endswith("……") and len(shown) > 40 and first.startswith(shown[:-2]))


def test_every_page_of_the_seed_site_before_still_exists(site):
    before = [line for line in PAGES_BEFORE.read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    assert len(before) >= 160
    listed = set(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert [p for p in before if p not in listed] == []
    assert [p for p in before if not (site / p).is_file()] == []


def test_every_section_keeps_its_permalink_in_both_scripts(site, seed_report):
    sections = list(seed_report.walk())
    assert len(sections) >= 30
    for section in sections:
        for script in SCRIPTS:
            tree = _page(site, urls.section(SEED_ID, section.id), script)
            assert section.id in tree.xpath('string(//dl[@class="section-ids"])')


def test_a_part_page_links_every_child_with_its_heading_and_first_sentence_only(site, seed_report):
    part = seed_report.sections[0]  # 一、: three subsections of two or three sentences each
    assert len(part.children) == 3
    for script in SCRIPTS:
        tree = _page(site, urls.section(SEED_ID, part.id), script)
        text = _article_text(tree)
        out = urls.in_script(urls.section(SEED_ID, part.id), script)
        for child in part.children:
            href = urls.relative(out, urls.in_script(urls.section(SEED_ID, child.id), script))
            [heading] = tree.xpath(f'//section[@class="child"]/h2[a/@href="{href}"]')
            assert heading.text_content() == display(child.number + child.title, seed_report.script, script)
            first, *rest = _sentences(display(child.text, seed_report.script, script))
            assert rest, "the child has more than one sentence"
            [shown] = tree.xpath(f'//section[@class="child"][h2/a/@href="{href}"]/p[@class="opening"]')
            assert _opening_shown(shown.text_content(), first)
            assert all(sentence not in text for sentence in rest)
    # the whole text is still on the child's page and on the full text
    child = part.children[0]
    whole = display(child.text, seed_report.script, HANS)
    assert whole in _article_text(_page(site, urls.section(SEED_ID, child.id)))
    assert whole in _page(site, urls.full_text(SEED_ID)).text_content()


def test_items_under_a_heading_without_text_show_their_opening_sentences(site, seed_report):
    part = seed_report.sections[1]  # 二、: subsections (一)… are headings over items 1. 2. …
    sub = part.children[0]
    assert not sub.text and sub.children
    tree = _page(site, urls.section(SEED_ID, part.id))
    for item in sub.children:
        first = _sentences(display(item.text, seed_report.script, HANS))[0]
        shown = tree.xpath('string(//ul[@class="child-list"]/li[a/@href="../{}/index.html"]/span[@class="opening"])'
                           .format(item.id))
        assert _opening_shown(shown, first)


def test_a_childs_cards_on_its_parents_page_lead_to_the_section_holding_the_figure(site, seed_report):
    part = seed_report.sections[1]
    tree = _page(site, urls.section(SEED_ID, part.id))
    cards = tree.xpath('//section[@class="child"]//a[@class="callout-link"]/@href')
    assert cards
    ids = {s.id for s in part.walk()}
    for href in cards:
        m = re.fullmatch(r"\.\./([^/]+)/index\.html", href)
        assert m and m.group(1) in ids
        figures = _page(site, urls.section(SEED_ID, m.group(1))).xpath('//a[@class="figure"]')
        assert figures, href  # that page's text has the figure


def test_every_section_page_shows_its_own_whole_text(site, seed_report):
    """Search results lead to a section's own page (its own text is its search document): that
    page must show all of it, so a hit in a child's text lands where the text is."""
    for section in seed_report.walk():
        if section.text:
            for script in SCRIPTS:
                text = _article_text(_page(site, urls.section(SEED_ID, section.id), script))
                for line in section.text.split("\n"):
                    if line.strip():
                        assert display(line, seed_report.script, script) in text, section.id


def test_a_parents_own_text_stays_in_full_on_its_page(tmp_path):
    content = copy_content(tmp_path)
    yaml_path = content / "reports" / SEED_ID / "report.yaml"
    yaml_text = yaml_path.read_text(encoding="utf-8")
    lead = "全年圍繞法治政府建設目標開展工作。主要舉措如下,各項成效見各小節。"
    part_two = "  title: 主要舉措和成效\n  category: measures\n"
    assert part_two in yaml_text
    yaml_path.write_text(yaml_text.replace(part_two, part_two + f"  text: {lead}\n"), encoding="utf-8")
    shutil.rmtree(content / "reports" / SEED_ID / "notes", ignore_errors=True)
    site = run_build(content, tmp_path / "site")
    for script in (HANS, HANT):
        text = _article_text(_page(site, urls.section(SEED_ID, "2"), script))
        assert display(lead, "zh-Hant", script) in text
