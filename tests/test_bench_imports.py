"""The benchmarks in bench/ are not run by the suite, so a moved name would break them unseen (issue 16
moved several): every name they import from the project must exist."""

import ast
import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def project_imports():
    for path in sorted(BENCH.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("opvoedwijzer"):
                for alias in node.names:
                    yield pytest.param(node.module, alias.name, id=f"{path.name}:{node.lineno}:{alias.name}")


@pytest.mark.parametrize(("module", "name"), list(project_imports()))
def test_every_name_a_benchmark_imports_exists(module, name):
    imported = importlib.import_module(module)
    assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}") is not None
