"""The house's architecture (ARCHITECTURE.md), checked on every run.

- import-linter's contracts (pyproject.toml) hold, and they really fail
  when an app imports upward, at module level or inside a function;
- no import cycle between our modules (grimp's graph, Tarjan's components);
- a template loads tag libraries only of its own app, of apps below it, of
  core, or of Django and third parties;
- no module of ours passes 500 lines (data files aside).

No mocks: the real tools run on the real tree, or on a copy of it."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from itertools import pairwise
from pathlib import Path

import grimp
from django.template import engines

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "almaty_portal", "alerts", "briefings", "workplans", "actionplan", "content", "decisions",
    "mechanism", "contributions", "meetings", "chairmanship", "archive", "membership", "core",
)
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
MAX_LINES = 500


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """import-linter as `make lint` runs it, on the tree at ``cwd``; wide
    columns so that no name is broken across lines."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def _copy_project(target: Path) -> None:
    """The nine packages (Python files only) and pyproject.toml, so that a
    test may break a contract without touching the checkout."""
    def not_python(directory: str, names: list[str]) -> list[str]:
        return [
            name for name in names
            if name == "__pycache__"
            or (not name.endswith(".py") and not (Path(directory) / name).is_dir())
        ]

    for package in PACKAGES:
        shutil.copytree(ROOT / package, target / package, ignore=not_python)
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")


def _contract_names() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c["name"] for c in config["tool"]["importlinter"]["contracts"]}


def _squashed(text: str) -> str:
    return " ".join(text.split())


# --- import-linter ---------------------------------------------------------------


def test_lint_imports_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, (
        "lint-imports (make lint) reports a broken contract of pyproject.toml:\n"
        + result.stdout[result.stdout.find("Broken contracts"):] + result.stderr
    )


def test_lint_imports_fails_when_core_imports_an_app(tmp_path):
    _copy_project(tmp_path)
    module = tmp_path / "core" / "csvsafe.py"
    with module.open("a", encoding="utf-8") as out:
        out.write("\nimport briefings  # noqa\n")

    result = _lint_imports(tmp_path)

    output = _squashed(result.stdout + result.stderr)
    assert result.returncode != 0, output
    assert f"{_squashed(_contract_names()['layers'])} BROKEN" in output, output
    assert "core is not allowed to import briefings" in output, output
    assert "core.csvsafe -> briefings" in output, output


def test_lint_imports_counts_an_import_inside_a_function(tmp_path):
    _copy_project(tmp_path)
    module = tmp_path / "membership" / "permissions.py"
    with module.open("a", encoding="utf-8") as out:
        out.write("\n\ndef _upward():\n    import meetings  # noqa\n\n    return meetings\n")

    result = _lint_imports(tmp_path)

    output = _squashed(result.stdout + result.stderr)
    assert result.returncode != 0, output
    assert f"{_squashed(_contract_names()['layers'])} BROKEN" in output, output
    assert "membership is not allowed to import meetings" in output, output
    assert "membership.permissions -> meetings" in output, output


# --- Import cycles ---------------------------------------------------------------


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (a recursive one would reach Python's
    limit on a long chain of imports)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    for root in sorted(edges):
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(edges[root])))]
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def _shortest_cycle(start: str, edges: dict[str, set[str]], within: set[str]) -> list[str]:
    """The shortest way from ``start`` back to itself inside one component."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(edges[node] & within):
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if successor not in previous:
                    previous[successor] = node
                    following.append(successor)
        frontier = following
    return [start]


def test_no_import_cycle_between_our_modules():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = {m for m in graph.modules if ".migrations" not in m}
    edges = {
        m: {i for i in graph.find_modules_directly_imported_by(m) if i in modules}
        for m in modules
    }

    cycles = [c for c in _strongly_connected(edges) if len(c) > 1]

    def described(component: list[str]) -> str:
        loop = _shortest_cycle(component[0], edges, set(component))
        steps = []
        for importer, imported in pairwise(loop):
            lines = sorted({
                d["line_number"]
                for d in graph.get_import_details(importer=importer, imported=imported)
            })
            steps.append(f"    {importer} -> {imported} (l.{', '.join(map(str, lines))})")
        return (f"  {len(component)} modules: {', '.join(component)}\n"
                "  for example:\n" + "\n".join(steps))

    assert cycles == [], (
        f"{len(cycles)} import cycle(s) between our modules:\n"
        + "\n".join(described(c) for c in cycles)
    )


# --- Template tag libraries ------------------------------------------------------

_LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}", re.DOTALL)
_COMMENTS = re.compile(r"{#.*?#}|{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}", re.DOTALL)

# Templates outside an app's folder (templates/<app>/, templates/admin/<app>/),
# and who owns them, read from the templates and the views that use them.
# Anything else at the root of templates/ is the site's (almaty_portal): base,
# home, about, search, error pages and the slots where the site composes apps
# (_home_sections.html, _state_sections.html).
_OWNERS = {
    # The accounts pages and Django's sign-in pages: membership/accounts.
    "accounts/": "membership",
    "registration/": "membership",
    # Shared components that the templates of apps on every layer include.
    "components/_form.html": "core",
    "components/_pagination.html": "core",
    # django-simple-history's history page, for every app's admin.
    "simple_history/": "core",
    # The rest of components/ is the site's layout (navigation, language
    # switcher, messages, demo notice) and the home page's sections.
    "components/": "almaty_portal",
    "admin/index.html": "almaty_portal",
}


def _layers() -> list[tuple[set[str], bool]]:
    """pyproject.toml's layers contract, top first: each layer's apps and
    whether they are independent of each other (" : ") or not (" | ")."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    ]
    layers = []
    for layer in contract["layers"]:
        independent = "|" not in layer
        apps = {name.strip() for name in re.split(r"[:|]", layer)}
        layers.append((apps, independent))
    return layers


def _may_use(owner: str, library_app: str, layers) -> bool:
    if library_app in (owner, "core"):
        return True
    rank = {app: i for i, (apps, _) in enumerate(layers) for app in apps}
    independent = {app: ind for apps, ind in layers for app in apps}
    if rank[library_app] > rank[owner]:
        return True
    return rank[library_app] == rank[owner] and not independent[owner]


def _our_libraries() -> dict[str, str]:
    """Tag library name -> the app whose templatetags package defines it."""
    found: dict[str, list[str]] = {}
    for package in PACKAGES:
        for module in sorted((ROOT / package / "templatetags").glob("*.py")):
            if module.stem != "__init__":
                found.setdefault(module.stem, []).append(package)
    twice = {name: apps for name, apps in found.items() if len(apps) > 1}
    assert twice == {}, f"tag libraries defined by two apps (Django keeps one): {twice}"
    return {name: apps[0] for name, apps in found.items()}


def _owner(relative: str) -> str | None:
    first = relative.split("/", 1)[0]
    if first in PACKAGES and "/" in relative:
        return first
    if first == "admin" and relative.count("/") >= 2:
        app = relative.split("/")[1]
        return app if app in PACKAGES else None
    for prefix, app in _OWNERS.items():
        if relative == prefix or (prefix.endswith("/") and relative.startswith(prefix)):
            return app
    if "/" not in relative:
        return "almaty_portal"
    return None


def test_templates_load_only_libraries_of_their_app_or_below():
    layers = _layers()
    ours = _our_libraries()
    engine = engines["django"].engine
    foreign = set(engine.template_libraries) - set(ours)

    # The project's templates/, and an app's own templates/ folder should one appear.
    folders = [ROOT / "templates"] + [ROOT / p / "templates" for p in PACKAGES]
    problems = []
    for path in sorted(p for folder in folders for p in folder.rglob("*")):
        if not path.is_file():
            continue
        folder = next(f for f in folders if f in path.parents)
        relative = path.relative_to(folder).as_posix()
        if folder != ROOT / "templates":
            relative = f"{folder.parent.name}/{relative}"
        text = _COMMENTS.sub("", path.read_text(encoding="utf-8"))
        loads = _LOAD.findall(text)
        if not loads:
            continue
        owner = _owner(relative)
        if owner is None:
            problems.append(f"{relative}: no owner (add it to _OWNERS in this test)")
            continue
        for arguments in loads:
            words = arguments.split()
            libraries = [words[-1]] if "from" in words else words
            for library in libraries:
                if library in ours:
                    if not _may_use(owner, ours[library], layers):
                        problems.append(
                            f"{relative} (owned by {owner}) loads {{% load {library} %}} "
                            f"of {ours[library]}, which is not below {owner}"
                        )
                elif library not in foreign:
                    problems.append(f"{relative} loads an unknown library {library!r}")

    assert problems == [], "Templates reaching above their app:\n" + "\n".join(problems)


# --- Module size -----------------------------------------------------------------


def _is_data(tree: ast.Module) -> bool:
    """A data file: no function and no class, only a docstring, imports and
    assignments (the 2012 action plan, the demo's texts)."""
    return not any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for node in ast.walk(tree)
    )


def test_no_module_passes_500_lines():
    too_long = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts:
                continue
            text = path.read_text(encoding="utf-8")
            lines = len(text.splitlines())
            if lines > MAX_LINES and not _is_data(ast.parse(text)):
                too_long.append(f"{relative.as_posix()}: {lines} lines")

    assert too_long == [], (
        f"modules past {MAX_LINES} lines (make each a package):\n" + "\n".join(too_long)
    )
