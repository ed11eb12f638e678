"""A new organisation gets its defaults from the functions settings.NEW_ORGANISATION_HOOKS names (the
taxonomy's default terms): core, the lowest app, never imports the taxonomy."""

from django.conf import settings
from django.test import override_settings

from opvoedwijzer.core.services import create_organisation
from opvoedwijzer.taxonomy.models import Theme

given = []


def note_the_organisation(org):
    given.append(org.slug)


def test_the_setting_names_the_default_taxonomy():
    assert settings.NEW_ORGANISATION_HOOKS == ["opvoedwijzer.taxonomy.services.seed_default_taxonomy"]


@override_settings(NEW_ORGANISATION_HOOKS=[f"{__name__}.note_the_organisation"])
def test_a_new_organisation_is_given_to_each_hook(db):
    given.clear()
    org = create_organisation(slug="west-limburg", name="CJG West-Limburg")
    assert given == ["west-limburg"]
    assert not Theme.objects.for_org(org).exists()  # the default terms came from the hook alone


def test_with_the_settings_hook_a_new_organisation_starts_with_the_default_terms(db):
    org = create_organisation(slug="west-limburg", name="CJG West-Limburg")
    assert Theme.objects.for_org(org).filter(code="sleep").exists()
