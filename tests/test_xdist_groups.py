"""The tests that open dozens of database connections at once are marked `xdist_group("many_connections")`
so that `make test` (`pytest -n 2 --dist loadgroup`) runs them on one worker, one after another: on
PostgreSQL two of them at once would exceed the server's connection limit. xdist can stop honouring
the mark without a word (pytest 9.2 did, pytest-xdist#1386); this test, in the same group, notices."""

import os

import pytest

pytestmark = pytest.mark.xdist_group("many_connections")


def test_the_many_connections_group_is_honoured_when_the_suite_runs_in_groups(request):
    if "PYTEST_XDIST_WORKER" not in os.environ:
        pytest.skip("not run by xdist: every test runs in this one process anyway")
    if not request.config.getvalue("loadgroup"):
        pytest.skip("xdist runs without --dist loadgroup here: groups do not apply")
    assert request.node.nodeid.endswith("@many_connections"), (
        "xdist ignored the xdist_group mark: the many_connections tests may run at the same time"
    )
