"""Learning from Zuid-Limburg's own answered questions and registrations: what staff chose for which words
changes the suggestions; rare words and first names are never kept; the command and the nightly task
learn again."""

from io import StringIO

from django.core.management import call_command

from opvoedwijzer.questions import services as questions
from opvoedwijzer.suggestions import services
from opvoedwijzer.suggestions.engine import suggest
from opvoedwijzer.suggestions.models import LearnedWeights
from opvoedwijzer.suggestions.tasks import train_suggestions_task
from tests.factories import ContactFactory, contact_data

# "Kangoeroeklas" is in no list: only what Zuid-Limburg's staff chose teaches it a theme.
NOTES = [
    "Vraag over de kangoeroeklas voor haar zoon",
    "Mama twijfelt of de kangoeroeklas iets is voor haar dochter",
    "Papa wil weten hoe de kangoeroeklas werkt",
]


def codes(hints):
    return [h.code for h in hints]


def register_notes(sam, notes, main_theme="giftedness", themes=()):
    for note in notes:
        ContactFactory(membership=sam, main_theme=main_theme, themes=list(themes), note=note)


def test_sams_registrations_teach_a_new_word_its_theme(sam, zuid):
    text = "Is de kangoeroeklas iets voor ons kind?"
    assert "giftedness" not in codes(suggest(zuid, text).themes)
    register_notes(sam, NOTES)

    weights = services.train(zuid)

    assert weights.examples == 3
    first = suggest(zuid, text).themes[0]
    assert first.code == "giftedness"
    assert first.because == ("kangoeroeklas",)


def test_a_word_seen_in_only_two_texts_is_not_kept(sam, zuid):
    register_notes(sam, NOTES[:2])

    weights = services.train(zuid)

    assert weights.examples == 2
    assert weights.weights["stems"] == {}
    assert "giftedness" not in codes(suggest(zuid, "de kangoeroeklas").themes)


def test_a_first_name_is_never_kept_however_often_it_comes(sam, zuid):
    register_notes(sam, [f"{note}, Lotte" for note in NOTES] + ["Lotte kangoeroeklas"])

    stems = services.train(zuid).weights["stems"]

    assert "lotte" not in stems and "lot" not in stems
    assert "kangoeroeklas" in stems


def test_answered_web_questions_teach_with_the_themes_staff_chose(sam, zuid):
    for text in [
        "Mijn zoon speelt elke dag met zijn beyblades en doet niets anders",
        "Die beyblades zijn alles voor hem, ik krijg hem niet meer weg",
        "Hoeveel beyblades is normaal voor een kind van 8?",
    ]:
        question, _secret = questions.ask_question(zuid, text=text)
        questions.answer_question(
            question,
            sam,
            answer="Dank voor je vraag.",
            contact_data=contact_data(
                zuid, channel="web_question", main_theme="leisure", themes=["boundaries"]
            ),
        )
    questions.ask_question(zuid, text="beyblades beyblades")  # not answered: no example

    weights = services.train(zuid)

    assert weights.examples == 3
    assert weights.weights["themes"] == {"leisure": 3, "boundaries": 1.5}  # the main theme counts double
    assert suggest(zuid, "Hij wil alleen nog beyblades").themes[0].code == "leisure"


def test_another_organisations_examples_do_not_count(sam, zuid, noord):
    register_notes(sam, NOTES)

    assert services.train(noord).examples == 0
    assert "giftedness" not in codes(suggest(noord, "de kangoeroeklas").themes)


def test_the_command_learns_again_for_one_organisation_or_all(sam, zuid, noord):
    register_notes(sam, NOTES)
    out = StringIO()

    call_command("train_suggestions", organisation="zuid-limburg", stdout=out)

    assert "zuid-limburg: 3 examples" in out.getvalue()
    assert not LearnedWeights.objects.filter(organisation=noord).exists()
    call_command("train_suggestions", stdout=StringIO())
    assert LearnedWeights.objects.get(organisation=noord).trained_at is not None
    assert suggest(zuid, "de kangoeroeklas").themes[0].code == "giftedness"


def test_the_nightly_task_learns_for_every_organisation(sam, zuid, noord):
    register_notes(sam, NOTES)

    result = train_suggestions_task.call()

    assert result == {"zuid-limburg": 3, "noord-limburg": 0}


def test_learning_again_forgets_what_is_gone(sam, zuid):
    register_notes(sam, NOTES)
    services.train(zuid)
    from opvoedwijzer.contacts.models import Contact

    Contact.objects.filter(organisation=zuid).delete()
    services.train(zuid)

    assert "giftedness" not in codes(suggest(zuid, "de kangoeroeklas").themes)


def test_the_learned_weights_keep_no_text(sam, zuid):
    register_notes(sam, NOTES)

    stored = str(services.train(zuid).weights)

    assert "Vraag over" not in stored and "twijfelt" not in stored
