"""The PII guard learns the social maps' public numbers through a setting naming a function, so the
foundation never imports the social map (settings.PII_ALLOWED_PHONE_NUMBERS_FROM)."""

from django.conf import settings
from django.test import override_settings

from opvoedwijzer.privacy.forms import allowed_phones_for
from opvoedwijzer.privacy.pii import find_pii

calls = []


def numbers_of_a_test_map(user=None):
    calls.append(user)
    return ["011 99 88 77"]


def test_the_setting_names_the_social_maps_numbers():
    assert settings.PII_ALLOWED_PHONE_NUMBERS_FROM == "opvoedwijzer.socialmap.selectors.public_phone_numbers"


@override_settings(PII_ALLOWED_PHONE_NUMBERS_FROM=f"{__name__}.numbers_of_a_test_map")
def test_the_guard_lets_through_the_numbers_the_named_function_gives(sam):
    calls.clear()
    text = "Bel 011 99 88 77."
    assert find_pii(text) != []
    assert find_pii(text, allowed_phones=allowed_phones_for(sam.user)) == []
    assert calls == [sam.user]
