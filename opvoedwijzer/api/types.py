"""The API's field types: every text, code and number that comes in is one of these, so that the
OpenAPI schema says exactly what the validation accepts (`tests/api/test_bad_input.py` checks that
every string and integer in both schemas is bounded).

- `Text(n)`: at most n characters and no control character (`core/text.py`): a 422 with a clear
  message, never a NUL in the database. `Text(n, filled=True)`: also not only white space.
- `Code`: a taxonomy or other code (letters, digits, '-' and '_', at most 40).
- `Id`, `Offset`, `PageNumber`: integers within what the databases can hold.
- `Day`, `Moment`: a date or date-time between the years 1900 and 2999.
"""

import datetime
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

from opvoedwijzer.core.text import FILLED_TEXT_PATTERN, TEXT_PATTERN, control_character_message

# The largest id or offset: both databases hold 64-bit integers; anything bigger is no row of ours.
MAX_ID = 2**63 - 1
# Offsets and page numbers beyond a million rows would only make the database count in vain.
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class NoControlCharacters:
    """Pydantic metadata: refuse control characters (and, if `filled`, blank text); publish the rule as
    the schema's `pattern`. The check is ours rather than pydantic's own `pattern`, for a message a
    person can act on."""

    filled: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler):
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(self, schema, handler):
        json_schema = handler(schema)
        json_schema["pattern"] = FILLED_TEXT_PATTERN if self.filled else TEXT_PATTERN
        return json_schema

    def check(self, value):
        message = control_character_message(value)
        if message:
            raise PydanticCustomError("control_character", message)
        if self.filled and not value.strip():
            raise PydanticCustomError("blank", "Write something: only spaces is not enough.")
        return value


def Text(max_length: int, *, filled: bool = False):
    """A text of at most `max_length` characters without control characters."""
    return Annotated[
        str,
        StringConstraints(min_length=1 if filled else 0, max_length=max_length),
        NoControlCharacters(filled=filled),
    ]


# A code of the organisation's taxonomy (a slug, at most 40 characters) or of a fixed list.
Code = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")]
# An organisation's slug, as in the URLs.
Slug = Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")]
# A secret token or pick-up code typed or pasted by a person.
Token = Text(100)

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
PageNumber = Annotated[int, Field(ge=1, le=MAX_OFFSET)]

# Dates and moments within what every calendar computation of ours handles (a period before year 1
# or after 9999 cannot be counted, and a moment at the edge overflows when turned into UTC).
FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)


def _within_years(value):
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PydanticCustomError("date_range", "Use a date between 1900-01-01 and 2999-12-31.")
    return value


Day = Annotated[datetime.date, AfterValidator(_within_years)]
Moment = Annotated[datetime.datetime, AfterValidator(_within_years)]
