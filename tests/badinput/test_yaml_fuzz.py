"""Property (issue 12): random careless edits of the bundled report.yaml never write outside the site
folder, never change content/, and never end in a traceback or an internal error.  The build either
succeeds (exit 0) or prints one ``error:`` line as its last line (exit 1).

Edits: ids, removed ids, dates, figure values, titles and note names replaced by hostile values
(``../``, NUL, newlines, 300 characters, reserved names, YAML of another type), lines deleted or
repeated.  The build runs in this process, so jieba is loaded once for all examples.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badinput.buildcase import SEED, error_line, make_project, run_build, snapshot

ESCAPE = "h2-fuzz-escaped"  # a name no build may create anywhere
HOSTILE = [
    "''", '""', "../../x", f"'../../../../../../../../../tmp/{ESCAPE}'", "'/etc/passwd'", "metrics",
    "full-text", "zh-hant", "search", "static", "index.html", '"1-9\\n"', '"a\\0b"', '"\\0"', "'9'",
    "'2-1'", "2-1", "'1'", "Metrics", "9" * 300, "'" + "长" * 300 + "'", "2024-13-45", "2024-02-30",
    "'2024-02-28'", ".nan", ".inf", "-.inf", "1.0e+400", "[a, b]", "{a: 1}", "~", "true", "12",
    "-3", "&anchor x", "*alias", "'%00'", "'..'", "'.'", "'a/b'", "'a\\b'", "'<script>'",
    "'javascript:alert(1)'", '"\\u202e"', "CON", "'  '", "|\n  block\n",
]
NOTE_NAMES = ["2-1", "2-1.MD", "..", ".hidden", "metrics", "9-9-9", "a b", "2-1\n", "x" * 200,
              "<script>", "%2e%2e", "2-1.md.md", "\u202e1-2"]
KEYS = ("id", "date", "value", "title", "number", "text", "nearest", "year", "line", "category",
        "issuer_id", "schema_version", "script", "start", "end", "hidden", "source", "unit")


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


payloads = st.one_of(st.sampled_from(HOSTILE),
                     st.text(st.characters(blacklist_categories=("Cs",)), max_size=80).map(_yaml_string))


@st.composite
def edits(draw):
    """A list of (kind, which, payload) applied to the YAML text in order."""
    kind = st.sampled_from(["key", "key", "key", "removed", "delete", "repeat", "note"])
    return draw(st.lists(st.tuples(kind, st.integers(0, 10_000), payloads, st.sampled_from(KEYS),
                                   st.sampled_from(NOTE_NAMES)), min_size=1, max_size=4))


def apply(text: str, changes, notes_dir: Path) -> str:
    for kind, which, payload, key, note in changes:
        lines = text.split("\n")
        if kind == "key":
            hits = [i for i, line in enumerate(lines) if re.match(rf"\s*(- )?{key}:( |$)", line)]
            if hits:
                i = hits[which % len(hits)]
                head = lines[i][: lines[i].index(f"{key}:") + len(key) + 1]
                lines[i] = f"{head} {payload}"
        elif kind == "removed":
            lines.append(f"removed:\n- id: {payload}\n  number: 九、\n  title: 旧节\n  nearest: '1'")
        elif kind == "delete":
            del lines[which % len(lines)]
        elif kind == "repeat":
            i = which % len(lines)
            lines.insert(i, lines[i])
        elif kind == "note":
            notes_dir.mkdir(exist_ok=True)
            (notes_dir / f"{note}.md").write_text(f"编者按 {payload}\n", encoding="utf-8")
        text = "\n".join(lines)
    return text


@settings(max_examples=int(os.environ.get("LAWREPORT_FUZZ_EXAMPLES", "40")), deadline=None,
          database=None,  # no .hypothesis/ folder written into the checkout
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(edits())
def test_random_yaml_edits_never_escape_or_crash(changes):
    with tempfile.TemporaryDirectory(prefix="h2-fuzz-") as tmp:
        outer = Path(tmp)
        project = make_project(outer / "a" / "b")  # room above the project for ../../ to land in
        notes_dir = project.content / "reports" / SEED / "notes"
        project.set_yaml(apply(project.yaml_text(), changes, notes_dir))
        around = snapshot(outer, ("a",))
        content_before = snapshot(project.content)
        code, out, err = run_build(project)  # also: nothing outside project/site, content/ unchanged
        assert code in (0, 1), err
        if code == 1:
            error_line(err)
        else:
            assert out.startswith("built "), out
        assert snapshot(outer, ("a",)) == around
        assert set(os.listdir(outer / "a")) == {"b"} and set(os.listdir(outer / "a" / "b")) == {"project"}
        assert snapshot(project.content) == content_before
        assert not Path("/tmp", ESCAPE).exists()
        site_files = [p for p in project.site.rglob("*")] if project.site.exists() else []
        assert not [p for p in site_files if p.is_symlink()]
        assert all(p.resolve().is_relative_to(project.site.resolve()) for p in site_files)
