"""A term's default label in the parents' languages: French, Arabic, Turkish and Polish come from the
translators' files `taxonomy/data/labels.<lang>.json`; a language without one shows English, not Dutch;
a term the organisation renamed keeps its own label in every language."""

import json

import pytest
from django.utils import translation

from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import Theme

PRESENT = [
    lang for lang in defaults.file_languages() if (defaults.DATA_DIR / f"labels.{lang}.json").is_file()
]
# The dimensions a parent sees, each with one code that every language file is expected to translate.
KNOWN = {
    "theme_group": "school",
    "theme": "bullying",
    "life_stage": "baby",
    "asker_role": "mother",
    "offer": "info",
    "channel": "phone",
}


def write(directory, language, data):
    (directory / f"labels.{language}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_language_file_adds_the_labels_it_has_for_known_codes(tmp_path):
    write(
        tmp_path,
        "fr",
        {
            "theme": {"bullying": "Harcèlement", "no_such_theme": "Rien", "sleep": "  "},
            "life_stage": {"baby": "Bébé (0 à 1 an)"},
            "duration": {"lt5": "< 5 min"},
            "no_such_dimension": {"x": "y"},
        },
    )

    found = defaults.read_language_files(tmp_path, ["fr"])

    assert found == {
        "theme": {"bullying": {"fr": "Harcèlement"}},
        "life_stage": {"baby": {"fr": "Bébé (0 à 1 an)"}},
        "duration": {"lt5": {"fr": "< 5 min"}},
    }


def test_a_missing_file_is_no_error(tmp_path):
    write(tmp_path, "pl", {"theme": {"bullying": "Przemoc rówieśnicza"}})

    found = defaults.read_language_files(tmp_path, ["tr", "pl"])

    assert found == {"theme": {"bullying": {"pl": "Przemoc rówieśnicza"}}}


def test_the_labels_of_a_file_join_the_dutch_and_english_ones(tmp_path):
    write(tmp_path, "tr", {"theme": {"bullying": "Zorbalık"}})
    table = {
        "theme": {"bullying": {"nl": "Pesten", "en": "Bullying"}, "sleep": {"nl": "Slapen", "en": "Sleep"}}
    }

    defaults.add_languages(table, defaults.read_language_files(tmp_path, ["tr"]))

    assert table["theme"]["bullying"] == {"nl": "Pesten", "en": "Bullying", "tr": "Zorbalık"}
    assert table["theme"]["sleep"] == {"nl": "Slapen", "en": "Sleep"}


def test_a_language_without_a_label_shows_english_not_dutch():
    labels = {"nl": "Pesten", "en": "Bullying", "fr": "Harcèlement"}

    assert defaults.pick(labels, "fr") == "Harcèlement"
    assert defaults.pick(labels, "ar") == "Bullying"
    assert defaults.pick(labels, "nl") == "Pesten"
    assert defaults.pick(labels, None) == "Pesten"


def test_the_fallback_language_follows_the_setting(settings):
    settings.PUBLIC_FALLBACK_LANGUAGE = "nl"

    assert defaults.pick({"nl": "Pesten", "en": "Bullying"}, "pl") == "Pesten"


@pytest.mark.parametrize("language", PRESENT)
def test_a_translators_file_holds_only_known_codes_and_the_usual_ones(language):
    data = json.loads((defaults.DATA_DIR / f"labels.{language}.json").read_text(encoding="utf-8"))

    unknown = [
        f"{dimension}.{code}"
        for dimension, labels in data.items()
        for code in labels
        if code not in defaults.LABELS.get(dimension, {})
    ]
    assert unknown == [], f"labels.{language}.json has codes that defaults.py does not know"
    for dimension, code in KNOWN.items():
        assert data.get(dimension, {}).get(code, "").strip(), (
            f"labels.{language}.json lacks {dimension}.{code}"
        )
        assert defaults.LABELS[dimension][code][language] == data[dimension][code].strip()


@pytest.mark.parametrize("language", PRESENT)
def test_a_translators_file_labels_every_code_a_parent_sees(language):
    missing = [
        f"{dimension}.{code}"
        for dimension in KNOWN
        for code, labels in defaults.LABELS[dimension].items()
        if language not in labels
    ]
    assert missing == [], f"labels.{language}.json has no label for these (English shows instead)"


@pytest.mark.parametrize("language", PRESENT)
def test_a_theme_shows_the_translators_label_unless_the_organisation_renamed_it(language, zuid):
    bullying = Theme.objects.get(organisation=zuid, code="bullying")
    sleep = Theme.objects.get(organisation=zuid, code="sleep")
    sleep.custom_label = "Slapen en dromen"

    with translation.override(language):
        assert bullying.label == defaults.LABELS["theme"]["bullying"][language]
        assert bullying.label not in ("Pesten", "Bullying")
        assert sleep.label == "Slapen en dromen"


@pytest.mark.parametrize("language", PRESENT)
def test_the_public_library_offers_the_themes_in_the_parents_language(language, zuid, client):
    page = client.get("/zuid-limburg/library/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert f'lang="{language}"' in page
    assert defaults.LABELS["theme"]["bullying"][language] in page
    assert ">Pesten<" not in page


def test_staff_languages_keep_their_own_labels(zuid):
    bullying = Theme.objects.get(organisation=zuid, code="bullying")

    with translation.override("nl"):
        assert bullying.label == "Pesten"
    with translation.override("en"):
        assert bullying.label == "Bullying"
