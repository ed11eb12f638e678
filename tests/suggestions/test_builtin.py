"""The built-in model shipped with the word lists: learned from the shipped synthetic corpus, rebuilt the
same byte for byte, loaded once, and it finds a theme the word lists alone miss; its neighbours vote."""

from io import StringIO

from django.core.management import call_command

from opvoedwijzer.suggestions import builtin
from opvoedwijzer.suggestions.engine import suggest
from opvoedwijzer.suggestions.services import banned_stems


def codes(hints):
    return [h.code for h in hints]


def build_into(path):
    out = StringIO()
    call_command("build_suggestion_weights", "--output", str(path), stdout=out)
    return out.getvalue()


def test_building_the_model_twice_writes_the_same_file_as_the_shipped_one(tmp_path):
    report = build_into(tmp_path / "first.json")
    build_into(tmp_path / "second.json")

    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()
    assert first == builtin.WEIGHTS_FILE.read_bytes()
    assert "nl:" in report and "stems" in report


def test_the_shipped_model_is_loaded_once_per_language_and_keeps_no_first_name():
    model = builtin.model()

    assert builtin.model() is model
    assert set(model) == {"nl", "fr", "en"}
    assert len(model["nl"].likely) > 100
    for language in model.values():
        kept = set(language.likely) | set(language.neighbours.idf)
        assert not kept & banned_stems()
        assert not any(c.isdigit() for stem in kept for c in stem)


def test_a_text_of_only_words_every_example_has_gets_no_vote():
    neighbours = builtin.Neighbours.of([[["sleep"], ["nacht", "wakker"]], [["eating"], ["nacht", "wakker"]]])

    assert neighbours.posterior(["nacht", "wakker"]) == ({}, {})  # idf 0: they say nothing


def test_the_model_finds_a_theme_the_word_lists_alone_miss_and_names_the_typed_word(zuid):
    text = "Onze dochter van 9 is altijd de laatste die gekozen wordt bij het voetballen"

    alone = suggest(zuid, text, use_builtin=False)
    together = suggest(zuid, text)

    assert "self_esteem" not in codes(alone.themes)
    self_esteem = next(h for h in together.themes[:3] if h.code == "self_esteem")
    assert "gekozen" in self_esteem.because


def test_the_neighbours_vote_for_the_themes_of_the_examples_most_like_the_text():
    neighbours = builtin.model()["nl"].neighbours

    votes, named = neighbours.posterior(["dronk", "zaterdag", "thuis", "fuif"])

    assert max(votes, key=votes.get) == "going_out"
    assert abs(sum(votes.values()) - 1) < 1e-9
    assert "dronk" in named["going_out"]
    assert neighbours.posterior(["zaterdag"]) == ({}, {})  # one known word says too little
