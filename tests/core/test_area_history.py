"""A municipal merger does not rewrite last year's numbers. Oudstad and Nieuwdorp end on 31 December
2024; Oudstad-Nieuwdorp exists from 1 January 2025. Contacts of 2024 stay counted under the old two,
contacts of 2025 under the new one, and a picker for a date offers the areas of that date."""

import datetime

import pytest

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.core.services import add_municipality
from opvoedwijzer.reports.stats import count_contacts
from tests.factories import ContactFactory

END_2024, START_2025 = datetime.date(2024, 12, 31), datetime.date(2025, 1, 1)


@pytest.fixture
def merger(zuid):
    oudstad = Municipality.objects.create(code="99001", name_nl="Oudstad", valid_to=END_2024)
    nieuwdorp = Municipality.objects.create(code="99002", name_nl="Nieuwdorp", valid_to=END_2024)
    merged = Municipality.objects.create(code="99003", name_nl="Oudstad-Nieuwdorp", valid_from=START_2025)
    for m in (oudstad, nieuwdorp, merged):
        add_municipality(zuid, m)
    return oudstad, nieuwdorp, merged


def year(n):
    return datetime.date(n, 1, 1), datetime.date(n, 12, 31)


def test_contacts_of_2024_stay_counted_under_the_municipalities_of_that_time(sam, zuid, merger):
    ContactFactory(membership=sam, municipality="99001", date=datetime.date(2024, 3, 4))
    ContactFactory(membership=sam, municipality="99001", date=datetime.date(2024, 11, 30))
    ContactFactory(membership=sam, municipality="99002", date=END_2024)
    ContactFactory(membership=sam, municipality="99003", date=START_2025)

    rows, total = count_contacts(zuid, *year(2024), ["municipality"])
    assert {r["municipality"]: r["count"] for r in rows} == {"99001": 2, "99002": 1}
    assert total == 3
    rows, total = count_contacts(zuid, *year(2025), ["municipality"])
    assert {r["municipality"]: r["count"] for r in rows} == {"99003": 1}


def test_the_numbers_page_over_2024_shows_the_old_municipalities(sam, zuid, merger, client_for):
    ContactFactory(membership=sam, municipality="99001", date=datetime.date(2024, 5, 6))
    ContactFactory(membership=sam, municipality="99002", date=datetime.date(2024, 5, 7))
    ContactFactory(membership=sam, municipality="99003", date=datetime.date(2025, 5, 6))
    client = client_for(sam)

    def table_of(year):
        page = client.get(f"/o/zuid-limburg/overview/?start={year}-01-01&end={year}-12-31&rows=municipality")
        return page.content.decode().split("<table", 1)[1].split("</table>", 1)[0]

    assert ">Oudstad<" in table_of(2024) and ">Nieuwdorp<" in table_of(2024)
    assert ">Oudstad-Nieuwdorp<" not in table_of(2024)
    assert ">Oudstad-Nieuwdorp<" in table_of(2025) and ">Oudstad<" not in table_of(2025)


def test_the_registration_form_offers_todays_areas_first_and_the_others_with_their_dates(
    sam, zuid, merger, client_for
):
    form = client_for(sam).get("/o/zuid-limburg/contacts/new/").content.decode()
    current, _sep, rest = form.partition('<optgroup label="Andere data">')
    assert '<option value="99003">Oudstad-Nieuwdorp</option>' in current
    assert '<option value="99001">Oudstad (tot 31-12-2024)</option>' in rest.split("</optgroup>")[0]


def contact_post(**overrides):
    data = {
        "asker_role": "mother",
        "life_stages": ["primary"],
        "main_theme": "bullying",
        "offers": ["info"],
        "request_kind": "parenting",
        "duration": "5to15",
        "channel": "phone",
    }
    return {**data, **overrides}


def test_a_contact_cannot_be_registered_in_a_municipality_that_did_not_exist_on_its_date(
    sam, zuid, merger, client_for
):
    client = client_for(sam)
    url = "/o/zuid-limburg/contacts/new/"
    refused = client.post(url, contact_post(municipality="99001", date="2025-02-03"))
    assert refused.status_code == 200
    assert "Oudstad bestond niet op 03-02-2025 (tot 31-12-2024)." in refused.content.decode()
    refused = client.post(url, contact_post(municipality="99003", date="2024-02-03"))
    assert "Oudstad-Nieuwdorp bestond niet op 03-02-2024 (sinds 1-1-2025)." in refused.content.decode()
    assert not Contact.objects.exists()
    assert client.post(url, contact_post(municipality="99001", date="2024-02-03")).status_code == 302
    assert Contact.objects.get().municipality.code == "99001"


def test_the_areas_valid_on_a_day_or_during_a_year(merger):
    oudstad, nieuwdorp, merged = merger
    assert set(Municipality.objects.filter(code__startswith="990").valid_on(END_2024)) == {oudstad, nieuwdorp}
    assert set(Municipality.objects.filter(code__startswith="990").valid_on(START_2025)) == {merged}
    during = Municipality.objects.filter(code__startswith="990").valid_during(
        datetime.date(2024, 7, 1), START_2025
    )
    assert set(during) == {oudstad, nieuwdorp, merged}


def test_a_yearly_report_is_only_made_for_a_municipality_of_that_year(sam, zuid, merger, client_for):
    from opvoedwijzer.reports.models import YearlyReport

    oudstad, _nieuwdorp, merged = merger
    client = client_for(sam)
    url = "/o/zuid-limburg/overview/yearly/"
    refused = client.post(url, {"municipality": oudstad.pk, "year": 2025})
    assert "Oudstad bestond niet in 2025 (tot 31-12-2024)." in refused.content.decode()
    refused = client.post(url, {"municipality": merged.pk, "year": 2024})
    assert "Oudstad-Nieuwdorp bestond niet in 2024 (sinds 1-1-2025)." in refused.content.decode()
    assert not YearlyReport.objects.exists()
    assert client.post(url, {"municipality": oudstad.pk, "year": 2024}).status_code == 302
    assert client.post(url, {"municipality": merged.pk, "year": 2025}).status_code == 302
