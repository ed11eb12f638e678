"""Every test checks something: a test function holds at least one `assert`, a Playwright `expect(…)`,
a `pytest.raises(…)`, or a call to a helper whose name starts with assert_, check_ or expect_ (which
asserts for it). A test that only runs code proves that the code does not crash, which its name
rarely promises."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELPER_PREFIXES = ("assert_", "check_", "expect_")
# Calls that assert for the test: pytest's, Playwright's, pytest-django's query counters (used as
# `with django_assert_num_queries(2):`) and schemathesis's check of a response against the schema.
CHECKING_CALLS = {"pytest.raises", "expect", "django_assert_num_queries", "django_assert_max_num_queries"}
CHECKING_METHODS = {"call_and_validate"}


def called_name(call):
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{owner}.{func.attr}" if owner else func.attr
    return func.id if isinstance(func, ast.Name) else ""


def checks_something(function):
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = called_name(node)
            short = name.rsplit(".", 1)[-1]
            if name in CHECKING_CALLS or short in CHECKING_METHODS or short.startswith(HELPER_PREFIXES):
                return True
    return False


def all_test_functions():
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
                yield f"{path.relative_to(TESTS.parent)}:{node.lineno} {node.name}", node


def test_every_test_function_checks_something():
    silent = [where for where, function in all_test_functions() if not checks_something(function)]
    assert silent == [], "these tests assert nothing:\n" + "\n".join(silent)


def test_the_scan_tells_a_silent_test_from_one_that_checks():
    silent, checking, by_helper = (
        ast.parse(source).body[0]
        for source in (
            "def test_a():\n    run()\n",
            "def test_b():\n    with pytest.raises(ValueError):\n        run()\n",
            "def test_c(page):\n    expect_row(page, 'x')\n",
        )
    )
    assert not checks_something(silent)
    assert checks_something(checking) and checks_something(by_helper)
