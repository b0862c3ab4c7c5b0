"""The script toggle: same page, same place, and every interface string in the other script."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from e2e.reader import other_script
from lawreport.site.analysis import PAGES as ANALYSIS_PAGES
from lawreport.core import urls
from lawreport.site.strings import STRINGS
from lawreport.core.script import HANS, HANT, to_hans, to_hant

# Every string a reader can meet on the page: text (also folded away in <details>), the page title,
# labels read out by screen readers, placeholders, tooltips and figure labels shown on hover.
# Text marked with the other script's lang (the toggle's own label) is meant to be in that script.
_PAGE_STRINGS = """() => {
  const lang = document.documentElement.lang, out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (/^(SCRIPT|STYLE)$/.test(el.nodeName) || el.closest('[lang]').lang !== lang) continue;
    out.push(n.nodeValue);
  }
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[data-tip]')) {
    if (el.closest('[lang]').lang !== lang) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-tip'])
      if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  }
  return out.join('\\n');
}"""


def interface_strings(script: str) -> dict[str, str]:
    """Every interface string in ``script``: key -> text."""
    i = 0 if script == HANS else 1
    found = {key: pair[i] for key, pair in STRINGS.items()}
    found.update({f"analysis page {name}": labels[1 + i] for name, labels in ANALYSIS_PAGES.items()})
    return found


def foreign_strings(script: str) -> dict[str, str]:
    """The other script's interface strings that would be wrong on a page in ``script``: all but
    those that are also right in this script (the same word in both, or one of this script's own
    strings, such as 繁體, the toggle's label on a Simplified page and the script's name on a
    Traditional one). Found by conversion too, so a string copied into the wrong column is caught."""
    to_this = to_hans if script == HANS else to_hant
    this = interface_strings(script)
    return {k: v for k, v in interface_strings(other_script(script)).items()
            if not (to_this(v) == v and (v == this[k] or any(v in own for own in this.values())))}


def strings_of_the_other_script(page, script: str) -> dict[str, str]:
    text = page.evaluate(_PAGE_STRINGS)
    return {k: v for k, v in foreign_strings(script).items() if v in text}


def test_most_interface_strings_differ_between_scripts():
    # the check below is only as good as the strings that tell the scripts apart
    assert len(foreign_strings(HANS)) > 50 and len(foreign_strings(HANT)) > 50


@pytest.mark.parametrize("script", [HANS, HANT])
def test_toggle_on_every_page_type_keeps_the_page_and_switches_every_string(
        page, origin, page_types, search_target, seed, script):
    query = search_target[0]
    anchor = next(s for s in seed.walk() if s.children and s.depth > 1).id
    suffix = {"search": "?q=" + quote(query, safe=""), "full text": "#" + anchor}
    leftovers = {}
    for kind, path in page_types.items():
        if kind == "404" and origin.kind == "file":
            continue  # the 404 page is served for a missing path by a server; its links start at /
        page.goto(origin.url(path, script) + suffix.get(kind, ""))
        if kind == "search":
            page.wait_for_selector("#search-results li")
        assert page.evaluate("document.documentElement.lang") == urls.LANG[script]
        if found := strings_of_the_other_script(page, script):
            leftovers[f"{kind} ({script})"] = found
        page.locator(".site-nav a.script-toggle").click()
        # the same page in the other script, with the reader's place (#anchor, ?q=) kept
        page.wait_for_url(origin.url(path, other_script(script)) + suffix.get(kind, ""))
        if kind == "search":
            page.wait_for_selector("#search-results li")
            assert page.input_value("#search-input") == query
        assert page.evaluate("document.documentElement.lang") == urls.LANG[other_script(script)]
        if found := strings_of_the_other_script(page, other_script(script)):
            leftovers[f"{kind} ({other_script(script)}, after the toggle)"] = found
    assert leftovers == {}
