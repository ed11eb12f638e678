"""The edit window is one setting, CONTACT_EDIT_DAYS: the list of registrations and the API say its number."""

from django.test import Client

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.services import create_api_token
from tests.factories import ContactFactory


def test_the_list_of_registrations_names_the_edit_window_of_the_settings(sam, client_for, settings):
    settings.CONTACT_EDIT_DAYS = 7
    page = client_for(sam).get("/o/zuid-limburg/contacts/").content.decode()
    assert "Je kan je eigen registraties 7 dagen lang verbeteren of verwijderen." in page
    assert "14 dagen" not in page


def test_the_api_refuses_a_change_after_the_edit_window_of_the_settings_and_says_so(sam, settings):
    settings.CONTACT_EDIT_DAYS = 7
    contact = ContactFactory(membership=sam, registered_days_ago=8)
    client = Client(headers={"authorization": f"Bearer {create_api_token(sam.user)[1]}"})
    response = client.delete(f"/api/v1/contacts/{contact.pk}")
    assert response.status_code == 403
    assert response.json()["detail"][0]["msg"].endswith("(only your own, for 7 days).")
    assert Contact.objects.filter(pk=contact.pk).exists()
