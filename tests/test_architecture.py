"""The rooms of the code (docs/architecture.md) and what each may import, checked by
import-linter's contracts (pyproject.toml) and grimp's import graph."""

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

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
