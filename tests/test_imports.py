"""The rooms of ``game/`` import each other in one direction only: no module imports, at
any time it runs (at import, or later inside a function), a module that through any chain
imports it back. Imports under ``TYPE_CHECKING`` are not followed: they never run."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def exists(name: str) -> bool:
    base = GAME.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _main_guard(test: ast.expr) -> bool:
    """``if __name__ == "__main__":``: runs only as a script, when the module is not itself."""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


def run_time_imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: at import time or later, inside a function.
    Not those under ``if TYPE_CHECKING`` (never run) or a ``__main__`` guard (run as a
    script, when the module is ``__main__`` and not a second copy of itself)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            found.append(child)
        elif isinstance(child, ast.If) and (_type_checking(child.test) or _main_guard(child.test)):
            for block in child.orelse:
                found += (
                    run_time_imports(block)
                    if not isinstance(block, ast.Import | ast.ImportFrom)
                    else [block]
                )
        else:
            found += run_time_imports(child)
    return found


def imports_of(path: Path) -> set[str]:
    """The modules of ``game`` that importing ``path`` imports directly."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in run_time_imports(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "game"}
            continue
        if node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        if target.split(".")[0] != "game":
            continue
        submodules = {f"{target}.{a.name}" for a in node.names if exists(f"{target}.{a.name}")}
        if len(submodules) < len(node.names):  # a name of the package itself, not a module
            out.add(target)
        out |= submodules
    return {m for m in out if exists(m) and m != name}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(GAME.rglob("*.py"))}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle found by a depth-first walk (each reported once, as a path)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            walk(node)
    return found


def test_the_graph_sees_the_imports_it_should() -> None:
    edges = graph()
    assert "game.app.timekeeper" in edges["game.app.window"]
    assert "game.app.keys" in edges["game.app.stage"]
    assert "game.app.window" not in edges["game.app.scenes"]  # under TYPE_CHECKING only


def test_the_checker_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_the_game() -> None:
    assert cycles(graph()) == []


def test_the_rooms_know_only_the_rooms_before_them() -> None:
    """The scheduler knows nothing of the game; the models know no pygame, view or app;
    the view never imports the app."""
    edges = graph()
    for module, targets in edges.items():
        if module.startswith("game.scheduler"):
            assert all(t.startswith("game.scheduler") for t in targets), module
        if module.startswith(("game.shop", "game.house")):
            assert not any(t.startswith(("game.view", "game.app")) for t in targets), module
        if module.startswith("game.view"):
            assert not any(t.startswith("game.app") for t in targets), module


def outside_imports(path: Path) -> set[str]:
    """The top-level names of packages outside ``game`` that ``path`` may import."""
    names: set[str] = set()
    for node in run_time_imports(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names - {"game", "__future__"}


def test_the_scheduler_is_stdlib_only_and_the_models_know_no_pygame() -> None:
    for path in sorted(GAME.rglob("*.py")):
        room = path.relative_to(GAME).parts[0]
        if room == "scheduler":
            outside = outside_imports(path) - set(sys.stdlib_module_names)
            assert not outside, f"{path.name}: {outside}"
        if room in ("shop", "house", "scheduler"):
            assert "pygame" not in outside_imports(path), path
        if room == "editor":  # the editor's model: plain Python, tested key by key
            outside = outside_imports(path) - set(sys.stdlib_module_names)
            assert not outside, f"{path.name}: {outside}"
            assert all(t.startswith("game.editor") for t in imports_of(path)), path
        if room in ("shop", "house"):
            mine = {t for t in imports_of(path) if not t.startswith(("game.shop", "game.house"))}
            assert all(t.startswith("game.scheduler") or t == "game.i18n" for t in mine), path
