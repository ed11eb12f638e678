"""A new organisation starts with TAXONOMY.md's terms; a coordinator renames, hides, reorders, adds."""

import pytest
from django.core.exceptions import ValidationError

from opvoedwijzer.taxonomy import defaults, services
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme, ThemeGroup


def test_a_new_organisation_starts_with_the_default_codes(zuid):
    assert list(Channel.objects.for_org(zuid).values_list("code", flat=True)) == [
        c[0] for c in defaults.CHANNELS
    ]
    assert AskerRole.objects.for_org(zuid).count() == 13
    assert OfferType.objects.for_org(zuid).count() == 13
    assert ThemeGroup.objects.for_org(zuid).count() == 12
    assert Theme.objects.for_org(zuid).count() == sum(len(g[3]) for g in defaults.THEMES)
    teen = LifeStage.objects.get(organisation=zuid, code="teen")
    assert (teen.min_months, teen.max_months) == (144, 216)
    assert Theme.objects.get(organisation=zuid, code="bullying").group.code == "school"


def test_labels_follow_the_language(zuid, settings):
    from django.utils import translation

    theme = Theme.objects.get(organisation=zuid, code="bullying")
    with translation.override("nl"):
        assert theme.label == "Pesten"
    with translation.override("en"):
        assert theme.label == "Bullying"


def test_seeding_twice_adds_nothing(zuid):
    before = Theme.objects.count()
    services.seed_default_taxonomy(zuid)
    assert Theme.objects.count() == before


def test_a_coordinator_renames_a_term_and_can_restore_the_default(ilse, zuid, client_for):
    theme = Theme.objects.get(organisation=zuid, code="screen_time")
    client = client_for(ilse)
    client.post(f"/o/zuid-limburg/taxonomy/theme/{theme.pk}/", {"label": "Gamen en schermen"})
    theme.refresh_from_db()
    assert theme.label == "Gamen en schermen"
    assert theme.code == "screen_time"
    client.post(f"/o/zuid-limburg/taxonomy/theme/{theme.pk}/", {"label": ""})
    theme.refresh_from_db()
    assert theme.custom_label == ""


def test_a_hidden_term_is_not_offered_for_new_contacts(ilse, sam, zuid, client_for):
    theme = Theme.objects.get(organisation=zuid, code="radicalisation")
    client_for(ilse).post(f"/o/zuid-limburg/taxonomy/theme/{theme.pk}/", {"label": "", "hidden": "on"})
    page = client_for(sam).get("/o/zuid-limburg/contacts/new/").content.decode()
    assert 'value="radicalisation"' not in page
    assert 'value="bullying"' in page


def test_a_coordinator_adds_a_theme_with_a_new_code(ilse, zuid, client_for):
    group = ThemeGroup.objects.get(organisation=zuid, code="media")
    response = client_for(ilse).post(
        "/o/zuid-limburg/taxonomy/theme/add/", {"code": "gaming", "label": "Gamen", "group": group.pk}
    )
    assert response.status_code == 302
    assert Theme.objects.get(organisation=zuid, code="gaming").group == group


def test_a_code_is_never_reused_even_when_hidden(ilse, zuid, client_for):
    theme = Theme.objects.get(organisation=zuid, code="sleep")
    services.update_term(theme, label="", hidden=True)
    group = ThemeGroup.objects.get(organisation=zuid, code="care")
    response = client_for(ilse).post(
        "/o/zuid-limburg/taxonomy/theme/add/", {"code": "sleep", "label": "Iets anders", "group": group.pk}
    )
    assert response.status_code == 200
    assert Theme.objects.filter(organisation=zuid, code="sleep").count() == 1


def test_a_default_code_cannot_be_taken_for_another_meaning_even_if_missing(zuid):
    Channel.objects.filter(organisation=zuid, code="video").delete()
    with pytest.raises(ValidationError):
        services.add_term(zuid, "channel", code="video", label="Iets anders")


def test_terms_are_reordered(ilse, zuid, client_for):
    phone = Channel.objects.get(organisation=zuid, code="phone")
    client_for(ilse).post(f"/o/zuid-limburg/taxonomy/channel/{phone.pk}/move/", {"direction": "up"})
    assert Channel.objects.for_org(zuid).first().code == "phone"


def test_taxonomy_is_per_organisation(zuid, noord, ilse, client_for):
    theme = Theme.objects.get(organisation=noord, code="sleep")
    response = client_for(ilse).post(f"/o/zuid-limburg/taxonomy/theme/{theme.pk}/", {"label": "Gekaapt"})
    assert response.status_code == 404
    theme.refresh_from_db()
    assert theme.custom_label == ""


def test_staff_cannot_edit_the_taxonomy(sam, client_for):
    assert client_for(sam).get("/o/zuid-limburg/taxonomy/").status_code == 403
