"""The stages import one way only: a module may import from its own package and from packages
earlier in ``LAYERS``, never from a later one.  Function-local imports count too (every import
statement in the file is read with ``ast``), so a lazy import cannot hide a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lawreport"

# Lowest first.  core: model, errors, scripts, folding, the page layout.  content: the content/
# folder and the YAML.  extract: published forms to text.  parse: text to a Report.  analyse: data
# about reports.  search: the index.  site: everything a reader sees.  build: the run.  cli: the door.
LAYERS = ["core", "content", "extract", "parse", "analyse", "search", "site", "build", "cli"]
# What each layer may not import even though it comes later in the list (markup belongs to site/).
FORBIDDEN = {"analyse": {"jinja2", "markupsafe", "markdown", "nh3"},
             "search": {"jinja2", "markupsafe"},
             "core": {"jieba", "jinja2", "markupsafe"}}
# The one lazy jieba loader lives in core so that analyse and search share it (search may not
# import analyse); it is the only core module allowed to name jieba.
ALLOWED = {"lawreport.core.jieba_loader": {"jieba"}}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "lawreport" or len(parts) < 2:
        return None
    return parts[1]


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(p for p in rel.parts if p != "__init__")
        yield name, path


def imports_of(name: str, path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "lawreport":  # from lawreport import x
                found += [(node.lineno, f"lawreport.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


ALL = list(modules())


def test_every_module_is_in_a_layer():
    stray = [name for name, _ in ALL if name != "lawreport" and layer_of(name) not in LAYERS]
    assert not stray, f"modules outside the layers {LAYERS}: {stray}"


@pytest.mark.parametrize("name,path", ALL, ids=[n for n, _ in ALL])
def test_imports_go_one_way(name, path):
    own = layer_of(name)
    if own is None:
        return
    rank = LAYERS.index(own)
    bad = []
    for line, target in imports_of(name, path):
        top = target.split(".")[0]
        if top in FORBIDDEN.get(own, ()) and top not in ALLOWED.get(name, ()):
            bad.append(f"{path.name}:{line}: {own} imports {target}")
        layer = layer_of(target)
        if layer is not None and layer in LAYERS and LAYERS.index(layer) > rank:
            bad.append(f"{path.name}:{line}: {own} imports {target} (layer {layer})")
    assert not bad, "\n".join(bad)


def test_modules_are_small():
    big = [f"{p.relative_to(PACKAGE)}: {n}" for _, p in ALL
           if (n := len(p.read_text(encoding='utf-8').splitlines())) > 400]
    assert not big, big


def test_importing_the_site_and_analysis_loads_no_jieba():
    """jieba (about 0.5 s and 100 MB) is loaded on first use, never by an import: the site stage
    renders from plain data, and a no-change build never needs the segmenter."""
    import subprocess
    import sys

    code = ("import sys, lawreport.site.render, lawreport.site.analysis, lawreport.site.across, "
            "lawreport.site.pages, lawreport.analyse.keywords, lawreport.build.plan; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'jieba'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
