"""The public languages fall back to English, not Dutch, and the page says so; a parent's language choice
is a link, remembered (core/language.py).

Catalogues made for the test (a msgid only Dutch has) keep these tests independent of how far the
translators are.
"""

import subprocess

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import trans_real

from opvoedwijzer.core.language import PublicTranslation, with_lang

ONLY_DUTCH = "Zq a sentence only the Dutch catalogue has"


@pytest.fixture
def only_dutch_catalogues(tmp_path):
    """LOCALE_PATHS with an nl catalogue holding ONLY_DUTCH, an fr and a tr one without it."""
    for language, entries in {
        "nl": {ONLY_DUTCH: "Zq een zin die alleen de Nederlandse catalogus heeft"},
        "fr": {"Zq another sentence": "Zq une autre phrase"},
        "tr": {ONLY_DUTCH: "Zq sadece Türkçe"},
    }.items():
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(
            f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n' for msgid, msgstr in entries.items()
        )
        (folder / "django.po").write_text(po)
        subprocess.run(["msgfmt", "-o", folder / "django.mo", folder / "django.po"], check=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):  # also empties Django's cache of catalogues
        yield


def test_a_french_string_without_translation_is_english_not_dutch(only_dutch_catalogues):
    with translation.override("nl"):
        assert translation.gettext(ONLY_DUTCH).startswith("Zq een zin")
    with translation.override("fr"):
        assert translation.gettext(ONLY_DUTCH) == ONLY_DUTCH
        assert translation.gettext("Zq another sentence") == "Zq une autre phrase"
        assert translation.gettext("This field is required.") == "Ce champ est obligatoire."
    with translation.override("tr"):
        assert translation.gettext(ONLY_DUTCH) == "Zq sadece Türkçe"


def test_django_builds_the_public_translation_for_the_parents_languages_only():
    """Fails when Django stops building its translation objects through trans_real.DjangoTranslation."""
    for code in ("fr", "ar", "tr", "pl"):
        assert isinstance(trans_real.translation(code), PublicTranslation)
    assert trans_real.DjangoTranslation is PublicTranslation
    assert hasattr(trans_real.DjangoTranslation.__mro__[1], "_add_fallback")
    assert "en" in settings.STAFF_LANGUAGES and "nl" in settings.STAFF_LANGUAGES


def test_the_fallback_language_is_a_setting(only_dutch_catalogues):
    with override_settings(PUBLIC_FALLBACK_LANGUAGE="tr"):
        arabic = PublicTranslation("ar")
    assert arabic.gettext(ONLY_DUTCH) == "Zq sadece Türkçe"
    with override_settings(PUBLIC_FALLBACK_LANGUAGE="nl"):
        polish = PublicTranslation("pl")
    assert polish.gettext(ONLY_DUTCH).startswith("Zq een zin")


def test_a_link_that_comes_back_carries_the_parents_language():
    assert (
        with_lang("https://x.test/zuid/answer/?code=AB#top", "ar")
        == "https://x.test/zuid/answer/?code=AB&lang=ar#top"
    )
    assert with_lang("/zuid/?lang=nl", "fr") == "/zuid/?lang=fr"
    assert with_lang("/zuid/", "xx") == "/zuid/"
    assert with_lang("/zuid/", "") == "/zuid/"


def test_a_parent_picks_arabic_and_the_choice_stays(client, zuid):
    page = client.get("/zuid-limburg/?lang=ar")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert page.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert "Cookie" in page["Vary"] and "Accept-Language" in page["Vary"]
    assert 'href="/zuid-limburg/?lang=fr" lang="fr" hreflang="fr" dir="ltr">Français</a>' in html
    assert html.count('aria-current="true">العربية</a>') == 2  # top and bottom
    agenda = client.get("/zuid-limburg/agenda/")
    assert '<html lang="ar" dir="rtl">' in agenda.content.decode()


def test_the_links_keep_the_pages_other_parameters(client, zuid):
    html = client.get("/zuid-limburg/agenda/?q=baby&lang=tr").content.decode()
    assert 'href="/zuid-limburg/agenda/?q=baby&amp;lang=pl"' in html


def test_lang_does_nothing_on_staff_pages(client_for, sam):
    client = client_for(sam)
    page = client.get("/o/zuid-limburg/?lang=ar")
    assert settings.LANGUAGE_COOKIE_NAME not in page.cookies
    assert 'lang="ar"' not in page.content.decode()[:200]


def test_a_french_page_says_which_part_is_in_english(client, zuid, only_dutch_catalogues):
    html = client.get("/zuid-limburg/?lang=fr").content.decode()
    assert 'class="language-notice"' in html
    assert (
        'is not translated into <bdi lang="fr">Français</bdi> yet; '
        'it is shown in <bdi lang="en">English</bdi>.'
    ) in html
    assert "<!--language-notice-->" not in html


def test_a_dutch_page_has_no_notice(client, zuid):
    html = client.get("/zuid-limburg/?lang=nl").content.decode()
    assert 'class="language-notice"' not in html
    assert "<!--language-notice-->" not in html
