"""Renaming a term calls the functions settings.TERM_RENAMED_HOOKS names (the social map's search
reindexes), in the rename's transaction; the taxonomy never imports the social map."""

from django.conf import settings
from django.db import connection
from django.test import override_settings

from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.taxonomy.services import update_term

renamed = []


def note_the_rename(term):
    renamed.append((term.code, term.custom_label, len(connection.atomic_blocks)))


def test_the_setting_names_the_social_maps_reindex():
    assert settings.TERM_RENAMED_HOOKS == ["opvoedwijzer.socialmap.search.reindex_for_term"]


@override_settings(TERM_RENAMED_HOOKS=[f"{__name__}.note_the_rename"])
def test_a_rename_calls_each_hook_with_the_term_inside_the_transaction(zuid):
    renamed.clear()
    sleep = Theme.objects.get(organisation=zuid, code="sleep")
    outside = len(connection.atomic_blocks)  # the test's own transaction
    update_term(sleep, label="Nachtrust", hidden=False)
    assert renamed == [("sleep", "Nachtrust", outside + 1)]


@override_settings(TERM_RENAMED_HOOKS=[f"{__name__}.note_the_rename"])
def test_hiding_a_term_without_renaming_it_calls_no_hook(zuid):
    renamed.clear()
    sleep = Theme.objects.get(organisation=zuid, code="sleep")
    update_term(sleep, label=sleep.custom_label, hidden=True)
    assert renamed == []
