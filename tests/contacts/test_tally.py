"""The outreach tally: one tap, one anonymous contact."""

from opvoedwijzer.contacts.models import Contact, Source

SETTINGS = {
    "municipality": "71053",
    "place": "schoolpoort De Regenboog",
    "asker_role": "mother",
    "request_kind": "parenting",
    "offers": ["info"],
    "duration": "lt5",
}


def test_each_tap_saves_one_anonymous_outreach_contact(sam, client_for, today):
    client = client_for(sam)
    data = dict(SETTINGS, date=today.isoformat())
    page = client.get("/o/zuid-limburg/contacts/tally/", data)
    assert page.status_code == 200 and 'name="add" value="screen_time"' in page.content.decode()
    for _ in range(3):
        client.post("/o/zuid-limburg/contacts/tally/", dict(data, add="screen_time"))
    client.post("/o/zuid-limburg/contacts/tally/", dict(data, add="sleep"))
    client.post("/o/zuid-limburg/contacts/tally/", dict(data, remove="screen_time"))
    contacts = Contact.objects.all()
    assert contacts.count() == 3
    assert {c.source for c in contacts} == {Source.TALLY}
    assert {c.channel.code for c in contacts} == {"outreach"}
    assert {c.place for c in contacts} == {"schoolpoort De Regenboog"}
    assert {c.municipality.code for c in contacts} == {"71053"}
    page = client.get("/o/zuid-limburg/contacts/tally/", data).content.decode()
    assert "3 contact" in page


def test_htmx_gets_only_the_counters(sam, client_for, today):
    client = client_for(sam)
    response = client.post(
        "/o/zuid-limburg/contacts/tally/",
        dict(SETTINGS, date=today.isoformat(), add="sleep"),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith('<div id="counters"')
    assert "<html" not in body


def test_a_count_from_another_place_is_not_taken_back(sam, client_for, today):
    client = client_for(sam)
    data = dict(SETTINGS, date=today.isoformat())
    client.post("/o/zuid-limburg/contacts/tally/", dict(data, add="sleep"))
    client.post("/o/zuid-limburg/contacts/tally/", dict(data, place="markt", remove="sleep"))
    assert Contact.objects.count() == 1


def test_bad_tally_settings_show_the_start_form_with_errors(sam, client_for, today):
    page = client_for(sam).get(
        "/o/zuid-limburg/contacts/tally/", dict(SETTINGS, date="morgen", municipality="99999")
    )
    assert page.status_code == 200
    assert "error-summary" in page.content.decode()


def test_a_place_with_a_name_is_caught_and_can_be_replaced(sam, client_for, today):
    client = client_for(sam)
    data = dict(SETTINGS, date=today.isoformat(), place="voor het huis van juf Sandra")
    page = client.get("/o/zuid-limburg/contacts/tally/", data).content.decode()
    assert "«Sandra»" in page and 'name="place_pii_redact"' in page
    response = client.get("/o/zuid-limburg/contacts/tally/", dict(data, place_pii_redact="1"))
    assert response.status_code == 302
    assert "place_pii_redact" not in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "[naam]" in page and "Sandra" not in page


def test_a_confirmed_place_is_audited_once_and_counting_goes_on(sam, client_for, today):
    from opvoedwijzer.privacy.models import AuditEvent

    client = client_for(sam)
    data = dict(SETTINGS, date=today.isoformat(), place="markt bij Delhaize Lotte")
    response = client.get(
        "/o/zuid-limburg/contacts/tally/", dict(data, place_pii_reason="winkelnaam, geen persoon")
    )
    assert response.status_code == 302 and "place_ok=" in response["Location"]
    url = response["Location"]
    assert client.get(url).status_code == 200
    query = dict(item.split("=", 1) for item in url.split("?", 1)[1].split("&"))
    from urllib.parse import unquote_plus

    post = {k: unquote_plus(v) for k, v in query.items()}
    post["offers"] = "info"
    for _ in range(2):
        client.post("/o/zuid-limburg/contacts/tally/", dict(post, add="sleep"))
    assert Contact.objects.filter(place="markt bij Delhaize Lotte").count() == 2
    assert AuditEvent.objects.filter(action="pii_confirmed").count() == 1
