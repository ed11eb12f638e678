"""The rate limits have names: every call names an action of settings.RATE_LIMITS, with today's numbers."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

import opvoedwijzer
from opvoedwijzer.core.models import RateCounter
from opvoedwijzer.core.ratelimit import over_limit

PACKAGE = Path(opvoedwijzer.__file__).parent


def from_address(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def over_limit_calls():
    """(file:line, the name given) of every over_limit(...) call in the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "over_limit":
                name = (
                    node.args[1].value
                    if len(node.args) == 2 and isinstance(node.args[1], ast.Constant)
                    else None
                )
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", name


def test_every_call_names_a_rate_limit_of_the_settings(settings):
    calls = list(over_limit_calls())
    assert len(calls) >= 8, "the public forms and the API are limited"
    assert [(where, name) for where, name in calls if name not in settings.RATE_LIMITS] == []


def test_the_limits_per_hour_are_the_ones_the_public_has_always_had(settings):
    assert settings.RATE_LIMITS == {
        "ask": 5,
        "reserve": 5,
        "pick_up": 30,
        "pick_up_by_api": 60,
        "sign_up": 200,
        "evaluate": 200,
        "ask_suggestions": 300,
    }


def test_an_unknown_name_is_an_error_and_counts_nothing(db):
    with pytest.raises(ImproperlyConfigured, match="no_such_action"):
        over_limit(from_address("203.0.113.7"), "no_such_action")
    assert not RateCounter.objects.exists()


def test_each_name_has_its_own_limit_from_the_settings(db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "reserve": 1, "sign_up": 2}
    parent = from_address("203.0.113.7")
    assert [over_limit(parent, "reserve") for _ in range(2)] == [False, True]
    assert [over_limit(parent, "sign_up") for _ in range(3)] == [False, False, True]


def test_reading_a_question_through_the_api_counts_with_picking_it_up_on_the_web(db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pick_up": 2, "pick_up_by_api": 3}
    parent = from_address("203.0.113.7")
    assert [over_limit(parent, "pick_up_by_api") for _ in range(2)] == [False, False]
    assert over_limit(parent, "pick_up"), "the web allows fewer tries than the API, in the same count"
    assert over_limit(parent, "pick_up_by_api"), "the fourth try in the shared count"
