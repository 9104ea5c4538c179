"""The layers of the code (README, "Layout"): each app imports only the apps below it.

    localoffer   the project: settings, URLs, middleware, error pages, site-wide views
    toolkit      deadlines, letters, the meeting pack            feedback   Have your say
    eligibility  levels of need, duties, route types, Find my route
    services     councils, contacts, the service directory, the admin's permissions
    core         shared bases, formatting, glossary, page caching: imports no app

Every import in the apps' source is read (including imports inside functions), not run.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "services", "eligibility", "toolkit", "feedback", "localoffer")
LAYER = {"core": 0, "services": 1, "eligibility": 2, "toolkit": 3, "feedback": 2, "localoffer": 9}


def source_files(app):
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]


def imported_modules(path):
    """Every module named by an import statement in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def app_imports():
    """{(importing app, imported app): [file, ...]} for imports between different apps."""
    found = {}
    for app in APPS:
        for path in source_files(app):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top != app and top in (*APPS, "tests", "bench"):
                    found.setdefault((app, top), []).append(str(path.relative_to(ROOT)))
    return found


def test_the_layer_table_names_every_app():
    assert set(LAYER) == set(APPS)
    assert all((ROOT / app / "__init__.py").exists() for app in APPS)


def test_core_imports_no_app():
    assert {pair: files for pair, files in app_imports().items() if pair[0] == "core"} == {}


def test_no_app_imports_the_project_package():
    leaks = {
        pair: files for pair, files in app_imports().items()
        if pair[1] == "localoffer" and pair[0] != "localoffer"
    }
    assert leaks == {}


def test_no_code_imports_the_tests():
    leaks = {pair: files for pair, files in app_imports().items() if pair[1] == "tests"}
    bench = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "bench").rglob("*.py")
        if any(module.split(".")[0] == "tests" for module in imported_modules(path))
    ]
    assert (leaks, bench) == ({}, [])


@pytest.mark.parametrize("pair", sorted(app_imports()), ids="->".join)
def test_each_app_imports_only_apps_below_it(pair):
    importer, imported = pair
    if imported == "bench":
        pytest.fail(f"{importer} imports bench: {app_imports()[pair]}")
    assert LAYER[imported] < LAYER[importer], app_imports()[pair]


def test_no_import_cycle_spans_two_apps():
    edges = {}
    for importer, imported in app_imports():
        edges.setdefault(importer, set()).add(imported)

    def reaches(start, goal, seen=()):
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, (*seen, nxt)))
            for nxt in edges.get(start, ())
        )

    assert [app for app in APPS if reaches(app, app)] == []
