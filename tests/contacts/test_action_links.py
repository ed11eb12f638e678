""" "Bewerken / Verwijderen / Doorverwijzen" are shown only on registrations the member may still
change (Contact.objects.editable_by); elsewhere they would lead to a 404."""

import pytest

from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def action_links(html, contact):
    return [
        f"/contacts/{contact.pk}/edit/" in html,
        f"/contacts/{contact.pk}/delete/" in html,
        f"/refer/{contact.pk}/" in html
        or f"contact_pk={contact.pk}" in html
        or f"/{contact.pk}/refer" in html,
    ]


def test_sam_sees_edit_delete_and_refer_only_on_registrations_still_in_his_window(sam, client_for):
    fresh = ContactFactory(membership=sam)
    old = ContactFactory(membership=sam, registered_days_ago=20)
    client = client_for(sam)
    for url in ("/o/zuid-limburg/contacts/", "/o/zuid-limburg/contacts/new/"):
        html = client.get(url).content.decode()
        assert f"<td>{old.pk}</td>" in html, f"{url} does not list the old registration"
        assert action_links(html, fresh)[:2] == [True, True], url
        assert action_links(html, old) == [False, False, False], url
        # and where a link is shown, it leads somewhere
    assert client.get(f"/o/zuid-limburg/contacts/{fresh.pk}/edit/").status_code == 200
    assert client.get(f"/o/zuid-limburg/contacts/{old.pk}/edit/").status_code == 404


def test_ilse_the_coordinator_may_correct_every_registration_and_sees_the_links_on_all(ilse, sam, client_for):
    old = ContactFactory(membership=sam, registered_days_ago=200)
    html = client_for(ilse).get("/o/zuid-limburg/contacts/?all=1").content.decode()
    assert action_links(html, old)[:2] == [True, True]
    assert client_for(ilse).get(f"/o/zuid-limburg/contacts/{old.pk}/edit/").status_code == 200


def test_the_list_knows_what_is_editable_without_a_query_per_row(
    sam, client_for, django_assert_max_num_queries
):
    ContactFactory.create_batch(3, membership=sam)
    client = client_for(sam)
    client.get("/o/zuid-limburg/contacts/")
    with django_assert_max_num_queries(20) as few:
        client.get("/o/zuid-limburg/contacts/")
    ContactFactory.create_batch(12, membership=sam, registered_days_ago=30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/o/zuid-limburg/contacts/")


def test_noor_of_noord_limburg_gets_no_link_to_and_a_404_for_zuids_registrations(sam, noor, client_for):
    theirs = ContactFactory(membership=sam)
    client = client_for(noor)
    assert client.get(f"/o/zuid-limburg/contacts/{theirs.pk}/edit/").status_code == 404
    html = client.get("/o/noord-limburg/contacts/").content.decode()
    assert action_links(html, theirs) == [False, False, False]
