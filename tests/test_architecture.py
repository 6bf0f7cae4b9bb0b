"""The rooms of the code (docs/architecture.md) and what each may import, checked by
import-linter's contracts (pyproject.toml) and grimp's import graph."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("casestudies", "home", "editorial", "api", "healthcheck", "evidencebank", "insights", "submissions")


def lint_imports(project_dir):
    command = [str(Path(sys.executable).with_name("lint-imports")), "--config", str(project_dir / "pyproject.toml")]
    return subprocess.run(
        command, cwd=project_dir, env={"PYTHONPATH": str(project_dir)}, capture_output=True, text=True, timeout=120
    )


def copy_of_the_project(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def cycles(graph):
    """Each direct import a → b for which b also leads back to a."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported.split(".")[0] in PACKAGES and graph.chain_exists(importer=imported, imported=importer):
                found.append((importer, imported))
    return found


def test_every_import_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_model_that_imports_the_finder_breaks_the_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    model = project / "casestudies" / "models" / "case_study.py"
    model.write_text(model.read_text() + "\nfrom casestudies.finder import search  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "The content model imports neither the finder" in result.stdout and "BROKEN" in result.stdout


def test_home_reaching_into_the_finder_breaks_the_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    models = project / "home" / "models.py"
    models.write_text(models.read_text() + "\nfrom casestudies.finder.facet_index import facet_index  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0 and "reach the finder" in result.stdout


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES)  # function-local imports count too


def test_no_project_module_imports_another_that_leads_back_to_it(graph):
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle_when_one_is_added(graph):
    graph = graph.copy() if hasattr(graph, "copy") else grimp.build_graph(*PACKAGES)
    graph.add_import(importer="casestudies.finder.facets", imported="casestudies.finder.search")
    assert ("casestudies.finder.facets", "casestudies.finder.search") in cycles(graph)


def test_the_finder_importing_the_health_check_breaks_the_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    module = project / "casestudies" / "finder" / "recommend.py"
    module.write_text(module.read_text() + "\nfrom healthcheck import scoring  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0 and "never imports the site pages" in result.stdout


def test_the_health_check_reaching_into_the_finder_breaks_the_contract(tmp_path):
    project = copy_of_the_project(tmp_path)
    module = project / "healthcheck" / "results.py"
    module.write_text(module.read_text() + "\nfrom casestudies.finder.facet_index import facet_index  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0 and "the health check reach the finder" in result.stdout


# The import graph from the source itself: every `import` and `from … import` anywhere in a
# module (inside functions and `if` blocks too), so that an import moved into a function to
# dodge a circle still counts as one.

CONTENT_APPS = tuple(package for package in PACKAGES if package != "evidencebank")
SITE_PACKAGE = "evidencebank"


def project_modules(root=ROOT):
    """Every module of the project's packages, by dotted name, with its file (migrations aside:
    Django loads them by name, and they never import the site package)."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(module, path, tree):
    """The dotted names every import statement of the module names, relative ones resolved;
    for `from X import y`, `X.y` when that is a module, `X` otherwise."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            for alias in node.names:
                yield source, alias.name


def import_graph(root=ROOT):
    """{module: {project module it imports}}, from the ASTs of the project's own files."""
    modules = project_modules(root)
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        edges = set()
        for source, name in imported_names(module, path, tree):
            target = f"{source}.{name}" if name and f"{source}.{name}" in modules else source
            while target and target not in modules:  # `import a.b.c` of a name inside a.b
                target = target.rpartition(".")[0]
            if target and target != module:
                edges.add(target)
        graph[module] = edges
    return graph


def find_cycle(graph):
    """One circle of imports as a list of modules (first = last), or None."""
    state, stack = {}, []

    def visit(module):
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def imports_into(graph, sources, targets):
    return sorted(
        (module, target)
        for module, edges in graph.items()
        if module.startswith(sources)
        for target in edges
        if target == targets or target.startswith(f"{targets}.")
    )


@pytest.fixture(scope="module")
def ast_graph():
    return import_graph()


def test_the_graph_counts_imports_inside_functions(ast_graph):
    # responsecache.current_token imports the token's model inside the function.
    assert "casestudies.models.findable" in ast_graph["evidencebank.serving.responsecache"]


def test_no_circle_of_imports_counting_those_inside_functions(ast_graph):
    assert find_cycle(ast_graph) is None


def test_the_circle_check_finds_a_circle_made_by_an_import_inside_a_function(ast_graph):
    graph = {module: set(edges) for module, edges in ast_graph.items()}
    graph["casestudies.models.findable"].add("evidencebank.serving.responsecache")  # as `def f(): import …`
    cycle = find_cycle(graph)
    assert cycle and {"casestudies.models.findable", "evidencebank.serving.responsecache"} <= set(cycle)


def test_the_domain_never_imports_the_serving_layer(ast_graph):
    domain = ("casestudies.finder", "casestudies.models")
    assert imports_into(ast_graph, domain, "evidencebank.serving") == []


def test_no_content_app_imports_the_site_package(ast_graph):
    """Settings are read through django.conf.settings, and what the serving layer offers the
    domain it installs (casestudies.renderings): no exception is needed."""
    assert imports_into(ast_graph, CONTENT_APPS, SITE_PACKAGE) == []


def test_an_import_of_the_serving_layer_from_the_finder_is_found(tmp_path):
    project = copy_of_the_project(tmp_path)
    module = project / "casestudies" / "finder" / "cards.py"
    module.write_text(
        module.read_text() + "\n\ndef later():\n    from evidencebank.serving import responsecache  # noqa\n"
    )
    graph = import_graph(project)
    assert imports_into(graph, ("casestudies.finder",), "evidencebank.serving") == [
        ("casestudies.finder.cards", "evidencebank.serving.responsecache")
    ]
    result = lint_imports(project)
    assert result.returncode != 0 and "never import the site package" in result.stdout


MAX_MODULE_LINES = 400
NOT_SIZED = {".venv", "node_modules", "tests", "migrations", ".git"}


def long_modules(root):
    """Each Python module over MAX_MODULE_LINES lines (tests and migrations aside), with its length."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if NOT_SIZED.intersection(path.relative_to(root).parts):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append((str(path.relative_to(root)), lines))
    return found


def test_no_module_is_over_400_lines():
    """A module that grows past 400 lines is split by concept (GUIDE.md), not left to grow."""
    assert long_modules(ROOT) == []


def test_a_module_over_400_lines_is_found(tmp_path):
    (tmp_path / "casestudies").mkdir()
    (tmp_path / "casestudies" / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (tmp_path / "casestudies" / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_long.py").write_text("x = 1\n" * 1000)
    assert long_modules(tmp_path) == [("casestudies/long.py", MAX_MODULE_LINES + 1)]
