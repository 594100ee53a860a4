"""The layers hold: the window, the jobs and the command line use the engine only through
``ghl_desktop.core``; the engine's modules import each other in no cycle; the rule modules do
not know the speed machinery exists; a plain field is named in one place; the engine names no Qt
and the app no pandas (one import walker for every such rule)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ghl_desktop"
CORE = PACKAGE / "core"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, names: bool = True) -> set[str]:
    """Every module ``path`` imports, as absolute names. ``from X import y`` gives X and, with
    ``names``, X.y (y may be a submodule); ``from . import y`` gives only the submodule."""
    return _imports_of_nodes(ast.parse(path.read_text(encoding="utf-8")), path, names, walk=True)


def _outside_core() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if CORE not in p.parents]


def test_the_window_the_jobs_and_the_cli_import_only_the_core_package():
    reaching = {}
    core_modules = {_module(p) for p in CORE.rglob("*.py")} - {"ghl_desktop.core"}
    for path in _outside_core():
        inside = sorted(m for m in _imports(path, names=False) if m in core_modules)
        if inside:
            reaching[str(path.relative_to(PACKAGE))] = inside
    assert not reaching, reaching


def test_the_core_modules_import_each_other_in_no_cycle():
    modules = {_module(p): p for p in CORE.rglob("*.py")}
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name and m != "ghl_desktop.core"}
        for name, path in modules.items() if name != "ghl_desktop.core"
    }
    # Imports inside functions are deliberate late bindings; only module-level ones can cycle.
    for name, path in modules.items():
        if name == "ghl_desktop.core":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top: set[str] = set()
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                sub = ast.Module(body=[node], type_ignores=[])
                top |= {m for m in _imports_of_nodes(sub, path) if m in modules}
        graph[name] &= top
    seen, on_path, cycles = set(), [], []

    def visit(n: str) -> None:
        if n in on_path:
            cycles.append(on_path[on_path.index(n):] + [n])
            return
        if n in seen:
            return
        seen.add(n)
        on_path.append(n)
        for m in sorted(graph.get(n, ())):
            visit(m)
        on_path.pop()

    for n in sorted(graph):
        visit(n)
    assert not cycles, cycles


def _imports_of_nodes(tree: ast.Module, path: Path, names: bool = True, walk: bool = False) -> set[str]:
    here = _module(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    out: set[str] = set()
    for node in ast.walk(tree) if walk else tree.body:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                out.add(mod)
            if names or not node.module:
                out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def test_the_rule_modules_do_not_know_the_speed_machinery():
    rules = [*(CORE / "normalize").glob("*.py"), CORE / "schema.py", CORE / "mapping.py", CORE / "synonyms.py",
             CORE / "dedupe.py", CORE / "review.py", CORE / "report.py"]
    knowing = {p.name: sorted(m for m in _imports(p) if m.startswith("ghl_desktop.core.speed")) for p in rules}
    assert not any(knowing.values()), knowing


def test_a_plain_field_is_named_in_one_python_file():
    naming = [p for p in PACKAGE.rglob("*.py") if "Postal Code" in p.read_text(encoding="utf-8")
              or "POSTAL_CODE" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(PACKAGE).as_posix() for p in naming] == ["core/schema.py"]


def test_no_core_module_imports_qt():
    naming = {p.name: sorted(m for m in _imports(p) if m.startswith(("PySide6", "shiboken6", "PyQt")))
              for p in CORE.rglob("*.py")}
    assert not any(naming.values()), naming


def test_no_package_module_imports_pandas_numpy_or_pyarrow():
    naming = {str(p.relative_to(PACKAGE)): sorted(m for m in _imports(p) if m.split(".")[0] in ("pandas", "numpy", "pyarrow"))
              for p in PACKAGE.rglob("*.py")}
    assert not any(naming.values()), naming
