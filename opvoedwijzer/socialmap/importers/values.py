"""Reading one value of an imported row: ids, text, numbers, dates, times, URLs and e-mail addresses."""

import datetime
import functools
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator


def as_uuid(value):
    if isinstance(value, uuid.UUID):
        return value
    return _parse_uuid(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=500_000)
def _parse_uuid(text):
    """A UUID from text, or None (cached: an import refers to the same ids many times)."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def as_text(value):
    if value is None:
        return ""
    return str(value).strip()


def table_key(value):
    return as_uuid(value) or as_text(value)


URL = URLValidator(schemes=["http", "https"])
EMAIL = EmailValidator()


def is_valid(validator, value):
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def as_number(value, kind=float):
    if value in (None, ""):
        return None
    try:
        return kind(str(value).replace(",", "."))
    except ValueError:
        return None


def as_date(value):
    try:
        return datetime.date.fromisoformat(as_text(value)[:10]) if as_text(value) else None
    except ValueError:
        return None


def as_time(value):
    text = as_text(value)
    if not text:
        return None
    try:
        return datetime.time.fromisoformat(text[:8] if len(text) >= 8 else text)
    except ValueError:
        return None
