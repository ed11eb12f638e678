"""The words screen at /o/<org>/suggestions/words/: Ilse (coordinator) adds and removes Zuid-Limburg's own
words and lets the suggestions learn again; Sam (staff) reads; Vera and Fons may not; Noor (Noord-Limburg)
finds nothing of Zuid-Limburg's."""

import pytest

from opvoedwijzer.suggestions import services
from opvoedwijzer.suggestions.models import LearnedWeights, ThemeWord

WORDS = "/o/zuid-limburg/suggestions/words/"
ADD = WORDS + "add/"
TRAIN = "/o/zuid-limburg/suggestions/train/"


def test_ilse_sees_each_theme_with_its_standard_words(ilse, client_for):
    response = client_for(ilse).get(WORDS)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="theme-sleep"' in html
    assert "nachtmerrie" in html
    assert "|0." not in html  # the lists' weights stay inside
    assert 'id="theme-other"' not in html
    assert f'action="{ADD}"' in html


def test_ilse_adds_a_word_and_sees_it_under_its_theme(ilse, client_for, zuid):
    client = client_for(ilse)

    response = client.post(ADD, {"theme": "childcare", "word": "  Kaboutertuin ", "language": "nl"})

    assert response.status_code == 302
    assert response["Location"] == WORDS + "#theme-childcare"
    word = ThemeWord.objects.get(organisation=zuid)
    assert (word.theme_code, word.word, word.language) == ("childcare", "kaboutertuin", "nl")
    assert "kaboutertuin" in client.get(WORDS).content.decode()


@pytest.mark.parametrize("typed", ["06 12 34 56 78", "ilse@zuid.test", "", "a" * 61, "groep 7"])
def test_a_number_an_address_or_nothing_comes_back_with_an_error_and_what_was_typed(ilse, client_for, typed):
    response = client_for(ilse).post(ADD, {"theme": "sleep", "word": typed, "language": "nl"})

    assert response.status_code == 200
    assert response.context["form"].errors["word"]
    assert 'value="sleep" selected' in response.content.decode()
    assert not ThemeWord.objects.exists()


def test_an_unknown_theme_or_language_is_an_error_not_a_500(ilse, client_for):
    client = client_for(ilse)

    assert client.post(ADD, {"theme": "nonsense", "word": "slaap", "language": "nl"}).status_code == 200
    assert client.post(ADD, {"theme": "sleep", "word": "slaap", "language": "xx"}).status_code == 200
    assert not ThemeWord.objects.exists()


def test_the_same_word_twice_is_refused_with_an_error(ilse, client_for, zuid):
    services.add_theme_word(zuid, "sleep", "dodo")

    response = client_for(ilse).post(ADD, {"theme": "sleep", "word": "Dodo", "language": "nl"})

    assert response.status_code == 200
    assert response.context["form"].errors["word"]
    assert ThemeWord.objects.count() == 1


def test_ilse_removes_a_word(ilse, client_for, zuid):
    word = services.add_theme_word(zuid, "sleep", "dodo")

    response = client_for(ilse).post(f"{WORDS}{word.pk}/remove/")

    assert response.status_code == 302
    assert not ThemeWord.objects.exists()


def test_ilse_lets_the_suggestions_learn_again(ilse, client_for, zuid):
    response = client_for(ilse).post(TRAIN)

    assert response.status_code == 302
    assert LearnedWeights.objects.get(organisation=zuid).trained_at is not None


def test_sam_reads_the_words_but_may_not_change_them(sam, client_for, zuid):
    word = services.add_theme_word(zuid, "sleep", "dodo")
    client = client_for(sam)

    response = client.get(WORDS)
    assert response.status_code == 200
    assert "dodo" in response.content.decode()
    assert f'action="{ADD}"' not in response.content.decode()
    assert client.post(ADD, {"theme": "sleep", "word": "bedje", "language": "nl"}).status_code == 403
    assert client.post(f"{WORDS}{word.pk}/remove/").status_code == 403
    assert client.post(TRAIN).status_code == 403
    assert ThemeWord.objects.count() == 1


@pytest.mark.parametrize("member", ["vera", "fons"])
def test_volunteers_and_funders_may_not_open_the_words(member, client_for, request):
    assert client_for(request.getfixturevalue(member)).get(WORDS).status_code == 403


def test_noor_cannot_remove_a_word_of_zuid_limburg(noor, noord, zuid, client_for):
    from opvoedwijzer.core.models import Role
    from tests.factories import make_member

    coordinator = make_member(noord, "nora@noord.test", Role.COORDINATOR)
    word = services.add_theme_word(zuid, "sleep", "dodo")

    response = client_for(coordinator).post(f"/o/noord-limburg/suggestions/words/{word.pk}/remove/")

    assert response.status_code == 404
    assert client_for(noor).get(WORDS).status_code == 404
    assert ThemeWord.objects.count() == 1


def test_the_words_page_reads_a_fixed_number_of_queries(ilse, client_for, zuid, django_assert_num_queries):
    client = client_for(ilse)
    client.get(WORDS)
    for n in range(5):
        services.add_theme_word(zuid, "sleep", f"woord{'abcde'[n]}")
        services.add_theme_word(zuid, "eating", f"eten{'abcde'[n]}")
    zuid.refresh_from_db()

    with django_assert_num_queries(6):
        assert client.get(WORDS).status_code == 200
