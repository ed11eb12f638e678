"""Answering a web question with what its own words suggest (issue 20): staff accept suggested themes and
life stages and insert a suggested folder and service, one click each, without JavaScript too; what was
typed stays, nothing is saved before the answer is sent, another organisation's items never show."""

import re

import pytest

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.library import services as library
from opvoedwijzer.questions import services
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.taxonomy.models import LifeStage, Theme
from tests.mapdata import make_social_map

SLEEPLESS = "Mijn dochter van 2 wordt elke nacht drie keer wakker en wil dan alleen bij ons in bed slapen."
TYPED = {
    "answer": "Dat is heel vermoeiend.",
    "main_theme": "",
    "asker_role": "mother",
    "request_kind": "parenting",
    "offers": ["info"],
    "duration": "15to30",
}


def folder(org, title, themes, **data):
    return library.create_resource(
        org,
        {
            "kind": "folder",
            "title": title,
            "language": "nl",
            "audience": "parents",
            "published": True,
            "themes": list(Theme.objects.filter(organisation=org, code__in=themes)),
            "life_stages": list(LifeStage.objects.filter(organisation=org, code__in=data.pop("stages", []))),
            **data,
        },
    )


@pytest.fixture
def question(zuid):
    """A mother asked Zuid-Limburg about her toddler who wakes up every night."""
    return services.ask_question(zuid, text=SLEEPLESS)[0]


@pytest.fixture
def shelf(zuid):
    return {
        "sleep": folder(
            zuid, "Slapen, hoe doe je dat?", ["sleep"], description="Over 's nachts wakker worden."
        ),
        "bullying": folder(zuid, "Gepest op school", ["bullying"]),
    }


@pytest.fixture
def social_map(zuid):
    return make_social_map(zuid)


def url(question, action=""):
    return f"/o/zuid-limburg/questions/{question.pk}/{action}"


def codes(hints):
    return [hint.code for hint, _chosen in hints]


def test_the_answer_page_suggests_sleep_a_toddler_the_sleep_folder_and_the_consultation(
    question, shelf, social_map, sam, client_for
):
    response = client_for(sam).get(url(question))
    suggested = response.context["suggested"]
    assert codes(suggested["themes"])[0] == "sleep"
    sleep = suggested["themes"][0][0]
    assert "wakker" in sleep.because and "slapen" in sleep.because  # as the parent typed them
    assert "toddler" in codes(suggested["life_stages"])
    assert suggested["resources"][0].title == "Slapen, hoe doe je dat?"
    assert suggested["services"][0].name == "Consultatiebureau"
    page = response.content.decode()
    # One button each: choose a theme, insert a folder, insert a service; each posts to its own URL.
    assert f'formaction="{url(question, "accept-theme/")}" name="theme" value="sleep"' in page
    assert f'name="resource" value="{shelf["sleep"].pk}"' in page
    assert f'name="service" value="{social_map["kg"].pk}"' in page
    assert ", ".join(sleep.because) in page  # why, in the parent's words


def test_without_javascript_the_first_accepted_theme_becomes_the_main_theme_and_the_next_another(
    question, sam, client_for
):
    staff = client_for(sam)
    response = staff.post(url(question, "accept-theme/"), dict(TYPED, theme="sleep"))
    form = response.context["form"]
    assert form["main_theme"].value() == "sleep" and form["themes"].value() == []
    assert form["answer"].value() == "Dat is heel vermoeiend."  # what was typed is kept
    assert dict(response.context["suggested"]["themes"])  # the page comes back with its suggestions
    assert [chosen for hint, chosen in response.context["suggested"]["themes"] if hint.code == "sleep"] == [
        True
    ]

    response = staff.post(url(question, "accept-theme/"), dict(TYPED, main_theme="sleep", theme="emotions"))
    form = response.context["form"]
    assert form["main_theme"].value() == "sleep" and form["themes"].value() == ["emotions"]
    again = staff.post(
        url(question, "accept-theme/"), dict(TYPED, main_theme="sleep", themes=["emotions"], theme="sleep")
    )
    assert again.context["form"]["themes"].value() == ["emotions"]  # accepted once, not twice
    page = again.content.decode()
    assert re.search(r'name="themes" value="emotions"[^>]*checked', page)
    assert "error-summary" not in page  # an accept is not a submit: no errors yet
    question.refresh_from_db()
    assert question.status == "new" and not Contact.objects.exists()  # nothing saved


def test_without_javascript_a_suggested_life_stage_is_ticked_beside_the_one_the_parent_gave(
    zuid, sam, client_for
):
    question = services.ask_question(
        zuid, text=SLEEPLESS, life_stage=LifeStage.objects.get(organisation=zuid, code="baby")
    )[0]
    staff = client_for(sam)
    assert staff.get(url(question)).context["form"]["life_stages"].value() == ["baby"]
    response = staff.post(
        url(question, "accept-life-stage/"), dict(TYPED, life_stages=["baby"], life_stage="toddler")
    )
    assert response.context["form"]["life_stages"].value() == ["baby", "toddler"]


def test_the_suggested_folder_and_service_go_into_the_answer_as_typed_so_far(
    question, shelf, social_map, sam, client_for
):
    staff = client_for(sam)
    typed = dict(TYPED, main_theme="sleep", themes=["emotions"])
    page = staff.post(url(question, "insert-resource/"), dict(typed, resource=shelf["sleep"].pk))
    answer = page.context["form"]["answer"].value()
    assert answer.startswith("Dat is heel vermoeiend.\n\nSlapen, hoe doe je dat? – http")
    assert answer.endswith(f"/zuid-limburg/library/{shelf['sleep'].pk}/")
    assert page.context["form"]["themes"].value() == ["emotions"]  # the accepted themes stay
    page = staff.post(
        url(question, "insert-service/"), dict(typed, answer=answer, service=social_map["kg"].pk)
    )
    answer = page.context["form"]["answer"].value()
    assert answer.endswith("\n\nConsultatiebureau (Kind en Gezin)")
    assert f"/zuid-limburg/library/{shelf['sleep'].pk}/" in answer


def test_sending_the_answer_registers_the_accepted_themes_and_life_stage(question, sam, client_for):
    answer = dict(TYPED, main_theme="sleep", themes=["emotions", "sleep"], life_stages=["toddler"])
    response = client_for(sam).post(url(question), answer)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert [t.code for t in contact.themes_in_order()] == ["sleep", "emotions"]  # the main theme first
    assert [s.code for s in contact.life_stages.all()] == ["toddler"]


def test_another_organisations_folders_and_services_are_never_suggested_nor_inserted(
    question, noord, social_map, sam, client_for
):
    theirs = folder(noord, "Slapen in Noord", ["sleep"], description="Wakker worden en slapen.")
    sleep_in_noord = list(Theme.objects.filter(organisation=noord, code="sleep"))
    their_service = socialmap.create_service(
        noord,
        {
            "name": "Slaapcoach Noord",
            "description": "Als je kind 's nachts wakker wordt.",
            "themes": sleep_in_noord,
        },
    )
    staff = client_for(sam)
    response = staff.get(url(question))
    assert "Slapen in Noord" not in response.content.decode()
    shown = [s.pk for s in response.context["suggested"]["services"]]
    assert their_service.pk not in shown and social_map["kg"].pk in shown
    page = staff.post(url(question, "insert-resource/"), dict(TYPED, resource=theirs.pk))
    assert page.context["form"]["answer"].value() == "Dat is heel vermoeiend."
    page = staff.post(url(question, "insert-service/"), dict(TYPED, service=their_service.pk))
    assert page.context["form"]["answer"].value() == "Dat is heel vermoeiend."


def test_a_theme_of_another_organisation_or_none_at_all_changes_nothing(question, sam, client_for):
    staff = client_for(sam)
    for theme in ("", "bestaat-niet"):
        response = staff.post(url(question, "accept-theme/"), dict(TYPED, main_theme="sleep", theme=theme))
        assert response.status_code == 200
    assert staff.get(url(question, "accept-theme/")).status_code == 405


def test_the_answer_page_with_its_suggestions_takes_a_fixed_number_of_queries(
    question, shelf, social_map, sam, client_for, django_assert_num_queries
):
    staff = client_for(sam)
    staff.get(url(question))  # the engine's word lists and the taxonomy are read once per process
    for n in range(3):
        folder(question.organisation, f"Slaapfolder {n}", ["sleep"], description="wakker slapen")
    with django_assert_num_queries(18):
        staff.get(url(question))


def test_a_question_in_french_or_english_gets_its_themes_named_in_the_staff_language(zuid, sam, client_for):
    staff = client_for(sam)
    for text, language in (
        ("Ma fille de 2 ans se réveille toutes les nuits et ne veut dormir que dans notre lit.", "fr"),
        ("My 2 year old daughter wakes up every night and will only sleep in our bed.", "en"),
    ):
        question = services.ask_question(zuid, text=text, language=language)[0]
        themes = staff.get(url(question)).context["suggested"]["themes"]
        assert themes[0][0].code == "sleep" and themes[0][0].label == "Slapen"
