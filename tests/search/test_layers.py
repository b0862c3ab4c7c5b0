"""The search package's room: it imports no render/analyse/parse code, the normaliser imports only
the script conversion, the benches' query planner is not shipped, and every file name and framing
of the index comes from format.py."""

from __future__ import annotations

import ast
from pathlib import Path

import lawreport.search

PACKAGE = Path(lawreport.search.__file__).parent
FORBIDDEN = ("lawreport.site", "lawreport.analyse", "lawreport.parse", "lawreport.build.run", "jinja2", "markupsafe")


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_search_imports_no_site_analysis_or_parser_code_even_inside_functions():
    for path in sorted(PACKAGE.glob("*.py")):
        bad = {n for n in imports(path) if n.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_normaliser_imports_only_the_script_conversion():
    ours = {n for n in imports(PACKAGE.parent / "core" / "normalise.py") if n.startswith("lawreport")}
    assert ours == {"lawreport.core.script"}


def test_the_query_planner_of_the_benches_is_not_shipped():
    assert not (PACKAGE / "plan.py").exists()
    assert "download_plan" not in lawreport.search.__all__


def test_index_file_names_and_framing_are_written_in_format_only():
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "format.py":
            continue
        text = path.read_text(encoding="utf-8")
        for literal in ("__lawreportShards", "window.", "search/idx", '"search-index.js"'):
            assert literal not in text, f"{path.name} writes {literal!r} itself"
