"""What a question's own words suggest (the suggestions engine, the library's and the social map's
selectors): for staff answering it, themes and life stages to accept and items to insert; for the parent
who asks it, a few library items and services that may already help. The text is read, never kept."""

from opvoedwijzer.library.selectors import resources_for
from opvoedwijzer.socialmap.selectors import services_for
from opvoedwijzer.suggestions.engine import suggest

# How many library items and how many services "maybe this already helps" shows a parent.
MAYBE_HELPS = 3


def for_answer(org, text, form):
    """For the answer page: the suggested themes and life stages as (hint, chosen) pairs, `chosen` when
    the answer form (as typed so far) has it already; the library items and services to insert."""
    found = suggest(org, text)
    main = form["main_theme"].value() or ""
    themes = {main, *(form["themes"].value() or ())}
    life_stages = set(form["life_stages"].value() or ())
    return {
        "themes": [(hint, hint.code in themes) for hint in found.themes],
        "life_stages": [(hint, hint.code in life_stages) for hint in found.life_stages],
        "resources": _why_once(resources_for(org, found)),
        "services": _why_once(services_for(org, found)),
    }


def _why_once(items):
    """Each item's `because` without the same word twice ("Slapen" the theme, "slapen" as typed)."""
    for item in items:
        seen = {}
        for word in item.because:
            seen.setdefault(word.casefold(), word)
        item.because = tuple(seen.values())
    return items


def maybe_helps(org, text):
    """For the parent: library items a parent may see and services of the social map (no themes: those
    are for the registration)."""
    found = suggest(org, text)
    return {
        "resources": resources_for(org, found, public=True, limit=MAYBE_HELPS),
        "services": services_for(org, found, limit=MAYBE_HELPS),
    }
