"""Registering, correcting and deleting contacts through the staff screens."""

import pytest
from django.test import Client

from opvoedwijzer.contacts.models import Area, Contact, Source
from tests.factories import ContactFactory

URL = "/o/zuid-limburg/contacts/new/"


def form_data(**overrides):
    data = {
        "asker_role": "mother",
        "municipality": "71053",
        "life_stages": ["primary"],
        "main_theme": "bullying",
        "themes": [],
        "offers": ["info"],
        "request_kind": "parenting",
        "duration": "5to15",
        "channel": "phone",
        "date": "",
        "language": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def sam_client(sam, client_for, today):
    return client_for(sam)


def test_staff_register_a_typical_phone_call(sam, sam_client, today):
    response = sam_client.post(URL, form_data(date=today.isoformat()))
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.author == sam.user
    assert contact.organisation == sam.organisation
    assert contact.date == today
    assert (contact.asker_role.code, contact.municipality.code, contact.channel.code) == (
        "mother",
        "71053",
        "phone",
    )
    assert [t.code for t in contact.themes_in_order()] == ["bullying"]
    assert contact.contact_themes.get().is_main
    assert [o.code for o in contact.offers.all()] == ["info"]
    assert contact.source == Source.FORM


def test_after_saving_the_form_is_ready_for_the_next_contact_with_an_undo(sam_client, today):
    page = sam_client.post(URL, form_data(date=today.isoformat()), follow=True).content.decode()
    contact = Contact.objects.get()
    assert f"/contacts/{contact.pk}/undo/" in page
    assert 'name="asker_role"' in page and "autofocus" in page
    sam_client.post(f"/o/zuid-limburg/contacts/{contact.pk}/undo/")
    assert not Contact.objects.exists()


def test_undo_works_only_for_the_contact_just_registered(sam, sam_client, today):
    older = ContactFactory(membership=sam)
    sam_client.post(URL, form_data(date=today.isoformat()))
    sam_client.post(f"/o/zuid-limburg/contacts/{older.pk}/undo/")
    assert Contact.objects.filter(pk=older.pk).exists()


def test_the_form_opens_with_today_and_the_users_last_channel(sam, sam_client, today):
    ContactFactory(membership=sam, channel="email")
    form = sam_client.get(URL).context["form"]
    assert form.initial["channel"] == "email"
    assert form.initial["date"] == today


def test_a_contact_with_several_themes_has_one_main(sam_client, today):
    sam_client.post(
        URL, form_data(date=today.isoformat(), main_theme="divorce", themes=["siblings", "divorce", "sleep"])
    )
    contact = Contact.objects.get()
    assert contact.themes_in_order()[0].code == "divorce"
    assert contact.contact_themes.count() == 3
    assert contact.contact_themes.filter(is_main=True).count() == 1


@pytest.mark.parametrize("where", [Area.OUTSIDE, Area.UNKNOWN])
def test_outside_the_region_and_unknown_are_places_too(sam_client, today, where):
    sam_client.post(URL, form_data(date=today.isoformat(), municipality=where))
    contact = Contact.objects.get()
    assert contact.area == where and contact.municipality is None


def test_bad_input_shows_errors_and_keeps_what_was_typed(sam_client, today):
    response = sam_client.post(
        URL,
        form_data(date=today.isoformat(), main_theme="", municipality="21004", note="Belde over de nacht"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert "Belde over de nacht" in page
    assert not Contact.objects.exists()


def test_a_note_over_500_characters_is_refused(sam_client, today):
    response = sam_client.post(URL, form_data(date=today.isoformat(), note="x" * 501))
    assert response.status_code == 200
    assert not Contact.objects.exists()


def test_a_date_in_the_future_is_refused(sam_client, today, days_ago):
    response = sam_client.post(URL, form_data(date=days_ago(-1).isoformat()))
    assert response.status_code == 200
    assert not Contact.objects.exists()


def test_a_term_of_another_organisation_is_refused(sam_client, noord, today):
    from opvoedwijzer.taxonomy.models import Theme

    foreign = Theme.objects.get(organisation=noord, code="bullying")
    response = sam_client.post(URL, form_data(date=today.isoformat(), main_theme=foreign.pk))
    assert response.status_code == 200
    assert not Contact.objects.exists()


def test_the_author_corrects_a_contact_within_14_days(sam, sam_client, today):
    contact = ContactFactory(membership=sam, registered_days_ago=13)
    response = sam_client.post(
        f"/o/zuid-limburg/contacts/{contact.pk}/edit/", form_data(date=today.isoformat(), main_theme="sleep")
    )
    assert response.status_code == 302
    assert [t.code for t in Contact.objects.get().themes_in_order()] == ["sleep"]


def test_after_14_days_the_author_can_no_longer_change_it(sam, sam_client, today):
    contact = ContactFactory(membership=sam, registered_days_ago=15)
    assert sam_client.get(f"/o/zuid-limburg/contacts/{contact.pk}/edit/").status_code == 404
    assert sam_client.post(f"/o/zuid-limburg/contacts/{contact.pk}/delete/").status_code == 404
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_a_coordinator_can_always_correct(sam, ilse, client_for, today):
    contact = ContactFactory(membership=sam, registered_days_ago=200)
    response = client_for(ilse).post(
        f"/o/zuid-limburg/contacts/{contact.pk}/edit/", form_data(date=today.isoformat(), asker_role="father")
    )
    assert response.status_code == 302
    assert Contact.objects.get().asker_role.code == "father"


def test_a_colleague_cannot_change_someone_elses_contact(sam, vera, client_for):
    contact = ContactFactory(membership=sam)
    assert client_for(vera).get(f"/o/zuid-limburg/contacts/{contact.pk}/edit/").status_code == 404


def test_the_author_deletes_a_contact_after_confirming(sam, sam_client):
    contact = ContactFactory(membership=sam)
    assert sam_client.get(f"/o/zuid-limburg/contacts/{contact.pk}/delete/").status_code == 200
    assert Contact.objects.exists()
    sam_client.post(f"/o/zuid-limburg/contacts/{contact.pk}/delete/")
    assert not Contact.objects.exists()


def test_editing_a_contact_with_a_term_hidden_since_keeps_it_valid(sam, sam_client, zuid, today):
    from opvoedwijzer.taxonomy.models import Theme
    from opvoedwijzer.taxonomy.services import update_term

    contact = ContactFactory(membership=sam, main_theme="radicalisation")
    update_term(Theme.objects.get(organisation=zuid, code="radicalisation"), label="", hidden=True)
    page = sam_client.get(f"/o/zuid-limburg/contacts/{contact.pk}/edit/").content.decode()
    assert 'value="radicalisation"' in page
    response = sam_client.post(
        f"/o/zuid-limburg/contacts/{contact.pk}/edit/",
        form_data(date=today.isoformat(), main_theme="radicalisation"),
    )
    assert response.status_code == 302


def test_the_registration_page_needs_few_queries(sam, sam_client, django_assert_max_num_queries):
    ContactFactory.create_batch(12, membership=sam)
    with django_assert_max_num_queries(18):  # +1: the two-step login check
        assert sam_client.get(URL).status_code == 200


def test_registering_through_the_api_takes_ten_queries_at_most(sam, today, django_assert_max_num_queries):
    from opvoedwijzer.core.services import create_api_token
    from tests.api.test_api import body as api_body

    client = Client(headers={"authorization": f"Bearer {create_api_token(sam.user)[1]}"})
    body = api_body(date=today.isoformat(), note="")  # the typical contact, without a note
    client.post("/api/v1/contacts", body, content_type="application/json")  # reads the terms once
    with django_assert_max_num_queries(10):  # token with memberships, BEGIN, 7 writes, COMMIT
        response = client.post("/api/v1/contacts", body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["themes"] == ["bullying"] and response.json()["offers"] == ["info"]
    assert Contact.objects.count() == 2


def test_registering_on_the_form_takes_few_queries(sam, sam_client, today, django_assert_max_num_queries):
    sam_client.get(URL)  # the terms are read once per process
    # session, user, membership, two-step check; BEGIN, 7 writes, COMMIT; the undo offer in the session
    with django_assert_max_num_queries(16):
        response = sam_client.post(URL, form_data(date=today.isoformat()))
    assert response.status_code == 302
    assert Contact.objects.count() == 1


def test_a_new_term_is_offered_at_once_although_the_terms_are_kept_in_memory(ilse, sam_client, zuid):
    from opvoedwijzer.taxonomy.services import add_term

    sam_client.get(URL)
    add_term(zuid, "channel", code="whatsapp", label="WhatsApp")
    assert 'value="whatsapp"' in sam_client.get(URL).content.decode()


def test_the_list_of_registrations_needs_few_queries(sam, ilse, client_for, django_assert_max_num_queries):
    ContactFactory.create_batch(30, membership=sam, themes=["sleep", "eating"])
    client = client_for(ilse)
    with django_assert_max_num_queries(14):
        page = client.get("/o/zuid-limburg/contacts/?all=1")
    assert page.content.decode().count("/edit/") == 30


def test_staff_see_only_their_own_registrations_in_the_list(sam, vera, client_for):
    ContactFactory(membership=vera, main_theme="sleep")
    mine = ContactFactory(membership=sam, main_theme="bullying")
    page = client_for(sam).get("/o/zuid-limburg/contacts/?all=1").content.decode()
    assert f"/contacts/{mine.pk}/edit/" in page
    assert page.count("/edit/") == 1


def test_the_edit_form_opens_with_the_contact_as_it_is(sam, sam_client):
    contact = ContactFactory(membership=sam, channel="email", duration="30to60", note="Belt terug")
    page = sam_client.get(f"/o/zuid-limburg/contacts/{contact.pk}/edit/").content.decode()
    assert 'value="email" selected' in page
    assert 'value="30to60" selected' in page
    assert "Belt terug</textarea>" in page
    assert f'value="{contact.date.isoformat()}"' in page, "date inputs take ISO dates in any language"


def test_municipality_options_carry_their_postal_codes(sam_client):
    page = sam_client.get(URL).content.decode()
    assert 'data-postcodes="3800 3803 3806" value="71053"' in page or (
        'value="71053" data-postcodes="3800 3803 3806"' in page
    )


def test_without_javascript_a_postal_code_picks_the_municipality(sam_client, today):
    response = sam_client.post(URL, form_data(municipality="", postal_code=" 3803", date=today.isoformat()))
    assert response.status_code == 302
    assert Contact.objects.get().municipality.code == "71053"  # Sint-Truiden


def test_the_postal_code_box_is_only_there_without_javascript(sam_client):
    page = sam_client.get(URL).content.decode()
    box = page.index('name="postal_code"')
    assert page.rfind("<noscript>", 0, box) > page.rfind("</noscript>", 0, box)


def test_a_postal_code_the_organisation_does_not_serve_is_refused_and_kept(sam_client, today):
    response = sam_client.post(URL, form_data(municipality="", postal_code="9000", date=today.isoformat()))
    assert response.status_code == 200
    assert not Contact.objects.exists()
    errors = response.context["form"].errors
    assert errors["postal_code"] == ["Geen gemeente van deze organisatie heeft postcode 9000."]
    assert 'value="9000"' in response.content.decode()


def test_a_postal_code_of_another_municipality_than_the_one_chosen_is_refused(sam_client, today):
    # 3800 is Sint-Truiden; 3870 is Heers.
    response = sam_client.post(
        URL, form_data(municipality="73022", postal_code="3800", date=today.isoformat())
    )
    assert response.status_code == 200
    assert response.context["form"].errors["postal_code"] == [
        "3800 is de postcode van Sint-Truiden, niet van Heers."
    ]
