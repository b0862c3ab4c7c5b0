import json
from pathlib import Path

from jsrun import run_queries
from fixtures import corpus, site_pages
from lawreport.content import store
from lawreport.core.script import to_hans, to_hant
from lawreport.search.index import build_index, dumps_index, write_search_index

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"


def seed():
    return store.load(SEED, "zjg-2023")


def test_every_section_at_every_level_is_a_document_with_its_parent():
    report = seed()
    index = build_index([report], site_pages())
    ids = [doc[1] for doc in index["docs"]]
    assert ids == [""] + [s.id for s in report.walk()]  # "": preamble and signature
    for doc in index["docs"][1:]:
        parent = doc[2]
        expected = doc[1].rsplit("-", 1)[0] if "-" in doc[1] else None
        assert (index["docs"][parent][1] if parent >= 0 else None) == expected


def test_postings_point_at_the_term_in_the_documents_text():
    index = build_index([corpus()], site_pages())
    for term, flat in zip(index["terms"], index["post"]):
        i, doc = 0, 0
        while i < len(flat):
            doc += flat[i]
            tf, offset = flat[i + 1], 0
            for gap in flat[i + 2:i + 2 + tf]:
                offset += gap
                assert index["text"][doc].lower()[offset:offset + len(term)] == term
            i += 2 + tf


def test_index_text_is_simplified_and_loses_nothing():
    report = seed()
    index = build_index([report], site_pages())
    assert "证明事项" in "".join(index["text"])
    assert index["text"][0] == "\n" + "\n".join([to_hans(report.preamble)] + [to_hans(x) for x in report.signature])
    for doc, section in zip(index["text"][1:], report.walk()):
        body = section.number + section.title + section.title_end
        assert len(doc) == len(body) + (len(section.text) + 1 if section.text else 0)


def test_traditional_view_rebuilt_in_the_browser_equals_the_original(tmp_path):
    """The index stores Simplified text only; search.js must rebuild the Traditional exactly."""
    report = seed()
    path = tmp_path / "search-index.js"
    path.write_text(dumps_index(build_index([report], site_pages())), encoding="utf-8")
    hant, hans = run_queries(path, [{"dump": "zh-Hant"}, {"dump": "zh-Hans"}])
    originals = ["\n" + "\n".join([report.preamble] + report.signature)]
    originals += [s.number + s.title + s.title_end + ("\n" + s.text if s.text else "") for s in report.walk()]
    assert hant == originals  # the seed is stored in Traditional
    simplified = corpus()
    path.write_text(dumps_index(build_index([simplified], site_pages())), encoding="utf-8")
    (hant,) = run_queries(path, [{"dump": "zh-Hant"}])
    assert hant == [to_hant(s.number + s.title + s.title_end + ("\n" + s.text if s.text else ""))
                    for s in simplified.walk()]


def test_index_is_deterministic_and_compact():
    first, second = dumps_index(build_index([seed()], site_pages())), dumps_index(build_index([seed()], site_pages()))
    assert first == second
    assert first.startswith("window.__lawreportIndex=")
    size = len(first.encode("utf-8"))
    assert size < 100_000, f"seed index is {size} bytes; it should stay in the tens of KB"
    payload = json.loads(first[len("window.__lawreportIndex="):].rstrip().rstrip(";"))
    assert payload["terms"] == sorted(payload["terms"])


def test_query_table_maps_traditional_characters_of_the_text():
    index = build_index([seed()], site_pages())
    t2s = dict(zip(*index["t2s"]))
    assert t2s["證"] == "证" and t2s["項"] == "项" and t2s["審"] == "审"
    assert t2s["覈"] == "核"  # OpenCC's form of 审核 (審覈), though the source itself has 審核


class FakeWriter:
    def __init__(self):
        self.files = {}

    def write(self, rel_path, data):
        self.files[rel_path] = data


def test_build_step_writes_the_index_at_the_site_root():
    writer = FakeWriter()
    write_search_index([corpus()], writer, site_pages())
    assert list(writer.files) == ["search-index.js"]


def test_snippets_and_titles_use_the_pages_punctuation_and_the_same_words():
    # pages show half-width , ; : ( ) between Chinese text full-width (render.display); the index
    # stores the text as shown, and its words and offsets do not move
    from lawreport.site.display import display_text
    from lawreport.search.index import section_docs

    report = corpus()
    plain, shown = section_docs(0, report), section_docs(0, report, display_text)
    assert [d.terms for d in plain] == [d.terms for d in shown]
    assert [tuple(d.starts) for d in plain] == [tuple(d.starts) for d in shown]
    texts = "".join(d.text for d in shown)
    assert "合法性审核，审核率100%" in texts and "," not in texts.replace("1,", "")
    assert all(len(a.text) == len(b.text) for a, b in zip(plain, shown))
