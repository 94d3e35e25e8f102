"""The package's layering, read from the source: layers only point down, and no module imports
itself back through a chain of others.

The layers are the pipeline (docs/decisions/0003-layers.md): loaders → graph → analysis → viz →
cli/web, with errors.py under everything and ontology/ beside loaders.  An import inside a function
counts as much as one at the top of a module: a lazy import still ties the layers together.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "policykg"

# The rank of each top-level part of the package; a part may import only parts of lower rank (and
# itself).  loaders and ontology share a rank but must not import each other: loaders never sees RDF.
RANK = {
    "errors": 0,
    "loaders": 1,
    "ontology": 1,
    "corpus": 1,
    "graph": 2,
    "analysis": 3,
    "viz": 4,
    "build": 5,
    "web": 6,
    "cli": 7,
    "__main__": 8,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every policykg module the file imports, at any depth of its code.

    ``from policykg.viz import subgraphs`` imports the module ``policykg.viz.subgraphs``;
    ``from policykg.viz import write_views`` imports the package ``policykg.viz`` itself.
    """
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in modules else module)
    return {m for m in found if m == "policykg" or m.startswith("policykg.")}


@functools.cache
def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    names = set(modules)
    return {name: {m for m in _imports(path, names) if m in names} for name, path in modules.items()}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "policykg"


def test_every_part_of_the_package_has_a_layer() -> None:
    """A new top-level module or folder must be given its place in the layering."""
    parts = {_part(m) for m in _graph()} - {"policykg"}
    assert parts <= set(RANK), (
        f"no layer for {sorted(parts - set(RANK))}: add it to RANK and the decision record"
    )


@pytest.mark.parametrize("module", sorted(_graph()))
def test_imports_point_down(module: str) -> None:
    """A module imports only from its own part of the package or from a lower layer."""
    if _part(module) == "policykg":
        return
    own = _part(module)
    upward = sorted(
        target
        for target in _graph()[module]
        if _part(target) not in ("policykg", own) and RANK[_part(target)] >= RANK[own]
    )
    assert not upward, f"{module} imports {upward} from its own layer or above"


def test_no_import_cycles() -> None:
    """No chain of imports leads from a module back to itself."""
    graph = _graph()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if target == node or target == "policykg":
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            pytest.fail("import cycle: " + " → ".join(cycle))
