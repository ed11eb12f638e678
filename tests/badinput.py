"""What the bad-input tests throw, and how they check that nothing bad was kept.

Used by tests/api/test_bad_input.py (the JSON APIs, from their OpenAPI) and
tests/core/test_bad_input_forms.py (every page and form, from the URL resolver).
"""

from django.apps import apps
from django.db import models

from opvoedwijzer.core.text import CONTROL_CHARACTER

# Text a tester typed: a NUL inside a real sentence, and the other control characters around it.
NUL_TEXT = "Mijn kind\x00 slaapt slecht"
CONTROL_TEXT = "Mijn kind\x01 slaapt\x0b slecht\x1f\x7f\x85"
HUGE_TEXT = "a" * 100_000
BAD_TEXTS = [NUL_TEXT, CONTROL_TEXT, HUGE_TEXT]
HUGE_NUMBER = 9223372036854775808  # 2**63: one more than either database holds
BAD_DATES = ["2026-02-31", "0000-01-01", "99999-01-01", "yesterday", "2026-13-01T25:61:00"]
UNKNOWN_CODE = "does-not-exist"


def text_columns():
    """(model, field name) of every text column of our apps."""
    return [
        (model, field.name)
        for model in apps.get_models()
        if model.__module__.startswith("opvoedwijzer.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def stored_control_characters():
    """Every stored text with a control character: [(model, field, pk, text), …] (should be [])."""
    found = []
    for model, name in text_columns():
        for pk, value in model._default_manager.values_list("pk", name):
            if value and CONTROL_CHARACTER.search(value):
                found.append((model.__name__, name, pk, value[:60]))
    return found


def stored_texts_longer_than(length):
    """Every stored text of more than `length` characters: [(model, field, pk, length), …]."""
    found = []
    for model, name in text_columns():
        for pk, value in model._default_manager.values_list("pk", name):
            if value and len(value) > length:
                found.append((model.__name__, name, pk, len(value)))
    return found
