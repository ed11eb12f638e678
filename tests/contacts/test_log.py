"""The conversation log: a phone page for volunteers (and staff) that registers without JavaScript too, and
the manifest and service worker that make it an installable app that opens without a connection."""

import json

from django.urls import resolve, reverse

from opvoedwijzer.contacts.models import Contact, Source
from opvoedwijzer.core.navigation import groups_for

URL = "/o/zuid-limburg/contacts/log/"


def log_data(today, **overrides):
    data = {
        "date": today.isoformat(),
        "channel": "outreach",
        "request_kind": "parenting",
        "duration": "5to15",
        "municipality": "71053",
        "place": "schoolpoort",
        "asker_role": "mother",
        "main_theme": "sleep",
        "life_stages": ["toddler"],
        "offers": ["info"],
        "language": "tr",
    }
    data.update(overrides)
    return data


def test_the_log_page_opens_for_vera_with_on_location_as_the_channel(vera, client_for):
    page = client_for(vera).get(URL)

    assert page.status_code == 200
    body = page.content.decode()
    assert '<link rel="manifest" href="/o/zuid-limburg/contacts/log/manifest.webmanifest">' in body
    assert 'data-theme="sleep"' in body, "the tally's buttons"
    assert page.context["form"]["channel"].value() == "outreach"
    assert 'src="/static/js/log.js"' in body and "nonce=" in body


def test_the_menu_marks_the_conversation_log_on_its_page(vera):
    current = [i["url"] for g in groups_for(vera, resolve(URL)) for i in g["items"] if i["current"]]

    assert current == [URL]


def test_the_log_page_opens_for_sam(sam, client_for):
    assert client_for(sam).get(URL).status_code == 200


def test_without_javascript_veras_conversation_is_registered_at_once(vera, client_for, today):
    client = client_for(vera)

    response = client.post(URL, log_data(today))

    assert response.status_code == 302 and response["Location"] == URL
    contact = Contact.objects.get()
    assert contact.source == Source.LOG and contact.by_volunteer
    assert contact.place == "schoolpoort" and contact.channel.code == "outreach"
    assert contact.language == "tr" and contact.client_id is None
    confirmation = [str(m) for m in client.get(URL).context["messages"]]
    assert len(confirmation) == 1 and "Sint-Truiden" in confirmation[0], "the saved line"


def test_register_and_refer_goes_on_to_the_social_map(vera, client_for, today):
    response = client_for(vera).post(URL, log_data(today, then="refer"))

    contact = Contact.objects.get()
    assert response["Location"] == reverse(
        "socialmap:refer", kwargs={"org": "zuid-limburg", "contact_pk": contact.pk}
    )


def test_a_name_in_the_place_is_refused_and_what_was_typed_stays(vera, client_for, today):
    page = client_for(vera).post(URL, log_data(today, place="bij Jan Peeters thuis", main_theme="bullying"))

    assert page.status_code == 200
    assert not Contact.objects.exists()
    assert page.context["form"].errors["place"]
    body = page.content.decode()
    assert 'value="bij Jan Peeters thuis"' in body
    assert '<option value="bullying" selected>' in body


def test_a_missing_theme_is_a_clear_error(vera, client_for, today):
    page = client_for(vera).post(URL, log_data(today, main_theme=""))

    assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert not Contact.objects.exists()


def test_the_manifest_makes_the_log_an_installable_app(vera, client_for):
    response = client_for(vera).get(URL + "manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == URL and manifest["scope"] == URL
    assert manifest["display"] == "standalone" and manifest["icons"]


def test_the_service_worker_is_javascript_checked_on_every_visit_and_keeps_the_page(vera, client_for):
    response = client_for(vera).get(URL + "sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    assert response["Service-Worker-Allowed"] == URL
    body = response.content.decode()
    assert f'const PAGE = "{URL}";' in body and "/static/js/log.js" in body


def test_only_the_page_without_a_confirmation_line_may_be_kept_offline(vera, client_for, today):
    client = client_for(vera)
    assert client.get(URL)["X-Offline-Copy"] == "1"

    client.post(URL, log_data(today))
    with_confirmation = client.get(URL)

    assert "X-Offline-Copy" not in with_confirmation
    assert with_confirmation["Cache-Control"] == "no-store", "the browser's own cache keeps nothing"
    assert client.get(URL)["X-Offline-Copy"] == "1"


def test_funders_may_not_open_the_log(fons, client_for):
    client = client_for(fons)

    assert [client.get(URL + path).status_code for path in ("", "manifest.webmanifest", "sw.js")] == [403] * 3
    assert client.post(URL, {}).status_code == 403
