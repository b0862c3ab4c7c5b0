"""The script toggle: same page, same place, and every interface string in the other script."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from e2e.reader import other_script
from lawreport.analyse.site import PAGES as ANALYSIS_PAGES
from lawreport.render import urls
from lawreport.render.strings import STRINGS
from lawreport.script import HANS, HANT

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
    """The interface strings written only in ``script``: key -> text (same-in-both ones left out)."""
    i = 0 if script == HANS else 1
    found = {key: pair[i] for key, pair in STRINGS.items() if pair[0] != pair[1]}
    found.update({f"analysis page {name}": labels[1 + i] for name, labels in ANALYSIS_PAGES.items()
                  if labels[1] != labels[2]})
    return found


def strings_of_the_other_script(page, script: str) -> dict[str, str]:
    """Interface strings of the other script found on a page in ``script``. One that is also part of
    this script's own strings (繁體 is the toggle's label on a Simplified page and the name of the
    script on a Traditional one) is no evidence, so it is left out."""
    text = page.evaluate(_PAGE_STRINGS)
    own = interface_strings(script).values()
    return {k: v for k, v in interface_strings(other_script(script)).items()
            if v in text and not any(v in o for o in own)}


def test_the_string_tables_differ_between_scripts():
    # the check below is only as good as the strings that actually differ
    assert len(interface_strings(HANS)) > 50
    assert interface_strings(HANS).keys() == interface_strings(HANT).keys()


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
