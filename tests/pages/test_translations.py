"""The public site in the parents' languages: a coordinator writes a version of each text beside the
Dutch original; a parent reads the version in the page's language, or the original marked as Dutch
with a note that it is not in their language yet."""

import pytest

from opvoedwijzer.core.translations import translated
from opvoedwijzer.pages.models import LifeStageInfo, PublicProfile
from opvoedwijzer.pages.services import update_public_site
from opvoedwijzer.taxonomy.models import LifeStage

DUTCH = "Heb je een vraag over opvoeden? Kom langs."
FRENCH = "Vous avez une question sur l'éducation ? Passez nous voir."
ENGLISH = "Do you have a question about raising children? Drop by."


def page(client, url, language):
    return client.get(url, headers={"accept-language": language}).content.decode()


@pytest.fixture
def home_in_french(zuid):
    teen = LifeStage.objects.get(organisation=zuid, code="teen")
    return update_public_site(
        zuid,
        {"intro": DUTCH, "opening_hours": "ma-vr 9-12", "translations": {"fr": {"intro": FRENCH}}},
        {teen: "Pubers zoeken hun eigen weg."},
        {teen: {"fr": {"text": "Les ados cherchent leur propre chemin."}}},
    )


def test_a_coordinator_writes_the_home_text_in_french_beside_the_dutch(ilse, client_for):
    response = client_for(ilse).post(
        "/o/zuid-limburg/public-site/",
        {
            "intro": DUTCH,
            "intro__fr": FRENCH,
            "intro__pl": "  ",
            "opening_hours": "ma-vr 9-12",
            "opening_hours__ar": "من الاثنين إلى الجمعة",
            "stage_teen": "Pubers zoeken hun eigen weg.",
            "stage_teen__tr": "Ergenler kendi yollarını arar.",
        },
    )
    assert response.status_code == 302
    profile = PublicProfile.objects.get()
    assert profile.intro == DUTCH
    assert profile.translations == {"fr": {"intro": FRENCH}, "ar": {"opening_hours": "من الاثنين إلى الجمعة"}}
    teen = LifeStageInfo.objects.get(life_stage__code="teen")
    assert teen.translations == {"tr": {"text": "Ergenler kendi yollarını arar."}}


def test_the_form_shows_each_language_folded_and_opens_the_ones_with_text(ilse, client_for, home_in_french):
    html = client_for(ilse).get("/o/zuid-limburg/public-site/").content.decode()
    assert html.count('<details class="action translation"') == 5 * (
        3 + LifeStage.objects.filter(organisation=home_in_french.organisation, hidden=False).count()
    )
    assert '<details class="action translation" open>' in html and FRENCH.replace("'", "&#x27;") in html
    assert 'name="intro__fr"' in html and 'lang="fr"' in html and 'name="intro__ar"' in html
    assert 'dir="rtl"' in html  # the Arabic version is typed right to left


def test_the_form_keeps_every_version_typed_when_something_is_wrong(ilse, client_for):
    response = client_for(ilse).post(
        "/o/zuid-limburg/public-site/",
        {"intro": DUTCH, "intro__fr": FRENCH, "email": "geen adres", "stage_baby__pl": "Niemowlę płacze."},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert FRENCH.replace("'", "&#x27;") in html and "Niemowlę płacze." in html
    assert not PublicProfile.objects.exists()


def test_the_french_page_shows_the_french_version(client, home_in_french):
    home = page(client, "/zuid-limburg/", "fr")
    assert FRENCH.replace("'", "&#x27;") in home and DUTCH not in home
    stage = page(client, "/zuid-limburg/life-stages/teen/", "fr")
    assert "Les ados cherchent leur propre chemin." in stage and "translation-note" not in stage


def test_without_a_version_the_page_shows_the_dutch_marked_as_dutch_with_a_note(client, home_in_french):
    home = page(client, "/zuid-limburg/", "pl")
    assert f'<p class="lead" lang="nl" dir="ltr">{DUTCH}</p>' in home
    assert 'class="hint translation-note"' in home
    assert '<dd class="prewrap" lang="nl" dir="ltr">ma-vr 9-12</dd>' in home


def test_an_arabic_page_keeps_the_dutch_text_left_to_right(client, home_in_french):
    home = page(client, "/zuid-limburg/", "ar")
    assert 'dir="rtl"' in home and f'lang="nl" dir="ltr">{DUTCH}' in home


def test_the_dutch_page_shows_the_original_without_a_note(client, home_in_french):
    home = page(client, "/zuid-limburg/", "nl")
    assert f'<p class="lead">{DUTCH}</p>' in home and "translation-note" not in home


def test_an_english_version_stands_in_where_the_parents_language_has_none(client, zuid, settings):
    settings.PUBLIC_FALLBACK_LANGUAGE = "en"
    update_public_site(zuid, {"intro": DUTCH, "translations": {"en": {"intro": ENGLISH}}}, {})
    turkish = page(client, "/zuid-limburg/", "tr")
    assert f'lang="en" dir="ltr">{ENGLISH}' in turkish and 'class="hint translation-note"' in turkish
    assert DUTCH not in turkish


def test_translated_picks_the_page_language_then_the_fallback_then_the_original(settings):
    settings.PUBLIC_FALLBACK_LANGUAGE = "en"
    profile = PublicProfile(intro=DUTCH, translations={"fr": {"intro": FRENCH}, "en": {"intro": "   "}})
    french = translated(profile, "intro", "fr")
    assert (french.text, french.language, french.is_fallback) == (FRENCH, "fr", False)
    polish = translated(profile, "intro", "pl")
    assert (polish.text, polish.language, polish.is_fallback) == (DUTCH, "nl", True)  # blank English skipped
    assert translated(profile, "intro", "nl").is_fallback is False
    assert translated(profile, "intro", "fr-be").text == FRENCH
    assert translated(None, "intro", "fr").text == ""


def test_the_demo_loads_every_language_file_of_the_public_site_once(zuid, noord):
    from opvoedwijzer.demo.public_site import seed_public_site, versions

    languages = versions()
    assert "fr" in languages
    for _ in range(2):  # seeding again changes nothing
        seed_public_site(zuid)
        seed_public_site(noord)
    profile = PublicProfile.objects.get(organisation=zuid)
    assert profile.translations["fr"]["intro"] == languages["fr"]["profile"]["intro"]
    assert set(profile.translations) == {code for code, texts in languages.items() if texts.get("profile")}
    baby = LifeStageInfo.objects.get(organisation=zuid, life_stage__code="baby")
    assert baby.translations["fr"]["text"] == languages["fr"]["life_stages"]["baby"]
    # Noord-Limburg has its own opening hours: in Dutch only, not the default's translated.
    assert "opening_hours" not in PublicProfile.objects.get(organisation=noord).translations["fr"]
    assert LifeStageInfo.objects.filter(organisation=zuid).count() == 4
