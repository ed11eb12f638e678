"""Text that may be stored: no control characters.

A person never types a control character, but one arrives in pasted text (a vertical tab from a word
processor), from a broken client or from someone probing the service. NUL (U+0000) is the worst:
PostgreSQL refuses it in text ("A string literal cannot contain NUL") and SQLite stores it. Lone
surrogates (U+D800–U+DFFF, possible in JSON as "\\ud800") cannot be encoded for either database.

One rule for every way in: tab, line feed and carriage return are text; the other C0 and C1 control
characters, DEL and lone surrogates are not. Forms remove them (`core.badinput`: a person cannot see
them, so an error would only puzzle), and so does an import of the social map (a file from elsewhere);
the API and addresses refuse them with a clear message (`api.types`, `core.badinput`).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# The characters refused, as a class body that reads the same in Python and in JSON Schema (ECMA).
NOT_TEXT = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
CONTROL_CHARACTER = re.compile(f"[{NOT_TEXT}]")
# What an API schema publishes: any text without those characters.
TEXT_PATTERN = f"^[^{NOT_TEXT}]*$"
# … and with at least one character that is not white space (a required text).
FILLED_TEXT_PATTERN = f"^[^{NOT_TEXT}]*[^{NOT_TEXT}\\s][^{NOT_TEXT}]*$"

CONTROL_CHARACTER_MESSAGE = _(
    "Contains an invisible control character (%(character)s), which cannot be stored. "
    "Remove it and try again."
)


def first_control_character(value):
    """The first character of `value` that is not text, as "U+0000", or None."""
    match = CONTROL_CHARACTER.search(value)
    return f"U+{ord(match.group()):04X}" if match else None


def without_control_characters(value):
    """`value` with every control character removed (tab, line feed and carriage return stay)."""
    return CONTROL_CHARACTER.sub("", value)


def without_control_characters_in(data):
    """`data` (nested dicts, lists and texts, e.g. an imported file's rows) with every text cleaned."""
    if isinstance(data, str):
        return without_control_characters(data)
    if isinstance(data, dict):
        return {without_control_characters_in(k): without_control_characters_in(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [without_control_characters_in(item) for item in data]
    return data


def control_character_message(value):
    """A clear message when `value` holds a control character, else None."""
    character = first_control_character(value)
    return None if character is None else str(CONTROL_CHARACTER_MESSAGE % {"character": character})


@deconstructible
class ProhibitControlCharactersValidator:
    """Django validator: refuses text with a control character."""

    code = "control_character"

    def __call__(self, value):
        character = first_control_character(str(value))
        if character is not None:
            raise ValidationError(CONTROL_CHARACTER_MESSAGE, code=self.code, params={"character": character})

    def __eq__(self, other):
        return isinstance(other, ProhibitControlCharactersValidator)
