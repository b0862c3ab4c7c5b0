"""The full text: its table of contents jumps to each section and follows the reader's scrolling."""

from __future__ import annotations

from lawreport.core import urls

# The entry the table of contents should mark: the first heading in the top 40% of the window
# (where the reader's eyes are). True when no heading is there: the last one passed stays marked.
_MARKS_THE_HEADING_BEING_READ = """() => {
  const band = innerHeight * 0.4;
  const seen = [...document.querySelectorAll('[data-toc]')].filter(h => {
    const r = h.getBoundingClientRect();
    return r.bottom > 0 && r.top < band;
  });
  const current = document.querySelector('.toc a.current');
  if (!seen.length) return current !== null || scrollY === 0;
  return current !== null && current.dataset.tocLink === seen[0].dataset.toc;
}"""


def test_contents_jump_to_every_part_and_mark_it(page, origin, seed):
    page.goto(origin.url(urls.full_text(seed.id)))
    targets = [p.id for p in seed.sections] + [s.id for s in seed.walk() if not s.children][-1:]
    for sid in targets:
        page.locator(f".toc a[data-toc-link='{sid}']").click()
        page.wait_for_url(lambda u: u.endswith("#" + sid))
        top = page.evaluate(f"document.getElementById({sid!r}).getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"] * 0.4, (sid, top)
        if page.evaluate("scrollY + innerHeight < document.scrollingElement.scrollHeight - 1"):
            # (a heading near the end cannot scroll to the top, so another may be the one read)
            page.wait_for_function(f"document.querySelector('.toc a.current')?.dataset.tocLink === {sid!r}")
            assert page.get_attribute(".toc a.current", "aria-current") == "location"


def test_scrolling_through_the_text_moves_the_mark_forward(page, origin, seed):
    page.goto(origin.url(urls.full_text(seed.id)))
    order = [s.id for s in seed.walk()]
    marked = []
    page.mouse.move(page.viewport_size["width"] * 0.6, page.viewport_size["height"] / 2)  # over the text
    while True:
        page.mouse.wheel(0, page.viewport_size["height"] / 3)  # less than the 40% band: no heading skips it
        page.wait_for_function(_MARKS_THE_HEADING_BEING_READ)
        current = page.evaluate("document.querySelector('.toc a.current')?.dataset.tocLink ?? null")
        if current and (not marked or marked[-1] != current):
            marked.append(current)
        if page.evaluate("scrollY + innerHeight >= document.scrollingElement.scrollHeight - 1"):
            break
    assert [order.index(m) for m in marked] == sorted(order.index(m) for m in marked)  # only forward
    assert marked[0] == order[0]
    assert len(marked) > len(seed.sections)  # it followed the reader inside the parts too
    assert marked[-1] in {s.id for s in seed.sections[-1].walk()}  # at the end: the last part
