"""Referrals: from a registration to a service, the follow-up and its reminder, and the numbers."""

import datetime

from django.core import mail
from django.utils import timezone

from opvoedwijzer.reports.stats import count_contacts, count_contacts_raw
from opvoedwijzer.socialmap import services
from opvoedwijzer.socialmap.models import Outcome, Referral
from opvoedwijzer.socialmap.report import referral_table
from opvoedwijzer.taxonomy.models import Theme
from tests.factories import ContactFactory

REGISTRATION = {
    "date": "",
    "channel": "phone",
    "asker_role": "mother",
    "municipality": "71053",
    "request_kind": "parenting",
    "life_stages": ["primary"],
    "main_theme": "bullying",
    "offers": ["info"],
    "duration": "5to15",
}


def test_register_and_refer_opens_the_map_with_the_contacts_place_theme_and_age(sam, social_map, client_for):
    client = client_for(sam)
    data = dict(REGISTRATION, date=timezone.localdate().isoformat(), then="refer")
    response = client.post("/o/zuid-limburg/contacts/new/", data)
    contact = sam.user.contacts.get()
    assert response.url == f"/o/zuid-limburg/map/refer/{contact.pk}/"
    page = client.get(response.url).content.decode()
    assert page.index("Aanpak van pesten op school") < page.index("Awel – bellen en chatten")
    assert "Consultatiebureau" not in page  # not about bullying


def test_a_warm_referral_is_registered_with_its_follow_up_and_offer(sam, social_map, client_for):
    contact = ContactFactory(membership=sam)
    clb = social_map["clb"]
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client_for(sam).post(
        f"/o/zuid-limburg/map/refer/{contact.pk}/",
        {"service": clb.pk, "warm": "1", "follow_up": "on", "follow_up_on": due.isoformat()},
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.service, referral.warm, referral.follow_up_on, referral.author) == (
        clb,
        True,
        due,
        sam.user,
    )
    assert "warm_referral" in {o.code for o in contact.offers.all()}
    # The report roll-up still agrees with the raw contacts after the added offer.
    today = timezone.localdate()
    by_offer = count_contacts(sam.organisation, today, today, ["offer"])
    assert by_offer == count_contacts_raw(sam.organisation, today, today, ["offer"])
    assert {"offer": "warm_referral", "count": 1} in by_offer[0]


def test_referring_without_choosing_a_service_says_so_and_keeps_the_search(sam, social_map, client_for):
    contact = ContactFactory(membership=sam)
    response = client_for(sam).post(f"/o/zuid-limburg/map/refer/{contact.pk}/?q=pesten", {"warm": "1"})
    assert response.status_code == 200
    assert "id_service_error" in response.content.decode()
    assert 'value="pesten"' in response.content.decode()  # the search is kept
    assert not Referral.objects.exists()


def test_a_volunteer_cannot_refer_someone_elses_contact(sam, vera, social_map, client_for):
    contact = ContactFactory(membership=sam)
    assert client_for(vera).get(f"/o/zuid-limburg/map/refer/{contact.pk}/").status_code == 404


def test_the_author_records_the_outcome_on_the_follow_up_list(sam, social_map, client_for):
    contact = ContactFactory(membership=sam)
    referral = services.refer_contact(
        contact, social_map["clb"], warm=True, author=sam.user, follow_up_on=timezone.localdate()
    )
    client = client_for(sam)
    assert "Aanpak van pesten op school" in client.get("/o/zuid-limburg/map/referrals/").content.decode()
    client.post(f"/o/zuid-limburg/map/referrals/{referral.pk}/outcome/", {"outcome": "started"})
    referral.refresh_from_db()
    assert (referral.outcome, referral.outcome_on) == (Outcome.STARTED, timezone.localdate())
    assert not Referral.objects.to_follow_up(sam.user).exists()


def test_someone_else_cannot_set_the_outcome_of_my_referral(sam, vera, social_map, client_for):
    referral = services.refer_contact(
        ContactFactory(membership=sam), social_map["clb"], warm=True, author=sam.user
    )
    response = client_for(vera).post(
        f"/o/zuid-limburg/map/referrals/{referral.pk}/outcome/", {"outcome": "started"}
    )
    assert response.status_code == 404


def test_the_reminder_mails_the_author_once_without_anything_about_the_family(sam, social_map, settings):
    contact = ContactFactory(membership=sam, note="")
    services.refer_contact(
        contact, social_map["clb"], warm=False, author=sam.user, follow_up_on=timezone.localdate()
    )
    assert services.send_follow_up_reminders() == 1
    assert services.send_follow_up_reminders() == 0  # once
    message = mail.outbox[0]
    assert message.to == [sam.user.email]
    assert "/o/zuid-limburg/map/referrals/" in message.body
    assert "pesten" not in message.body.lower() and "Sint-Truiden" not in message.body


def test_the_home_page_counts_the_follow_ups_due(sam, social_map, client_for):
    services.refer_contact(
        ContactFactory(membership=sam),
        social_map["clb"],
        warm=True,
        author=sam.user,
        follow_up_on=timezone.localdate(),
    )
    page = client_for(sam).get("/o/zuid-limburg/", headers={"accept-language": "en"})
    assert [r.service for r in page.context["referrals"]] == [social_map["clb"]]
    assert "To follow up:" in page.content.decode()


def test_referral_statistics_count_per_partner_and_outcome(sam, social_map):
    today = timezone.localdate()
    for outcome in ["started", "started", "registered", "not_worked_out"]:
        r = services.refer_contact(
            ContactFactory(membership=sam), social_map["clb"], warm=True, author=sam.user
        )
        services.record_outcome(r, outcome)
    services.refer_contact(ContactFactory(membership=sam), social_map["awel"], warm=False, author=sam.user)
    table = referral_table(sam.organisation, today, today, "organisation")
    rows = {r["label"]: r for r in table["rows"]}
    outcomes = [c["code"] for c in table["columns"]]
    clb = rows["Vrij CLB Limburg"]
    assert clb["total"] == 4 and clb["warm"] == 4
    assert clb["cells"][outcomes.index("started")] == 2
    assert rows["Awel"]["cells"][outcomes.index("")] == 1
    by_theme = referral_table(sam.organisation, today, today, "theme")
    bullying = Theme.objects.get(organisation=sam.organisation, code="bullying")
    assert by_theme["rows"][0]["code"] == bullying.pk and by_theme["total"] == 5


def test_the_overview_shows_the_referrals_and_outside_numbers_are_suppressed(
    sam, fons, social_map, client_for
):
    r = services.refer_contact(ContactFactory(membership=sam), social_map["clb"], warm=True, author=sam.user)
    services.record_outcome(r, "started")
    today = timezone.localdate()
    query = f"?start={today.replace(month=1, day=1).isoformat()}&end={today.isoformat()}&rows=theme"
    page = client_for(sam).get("/o/zuid-limburg/overview/" + query).content.decode()
    assert 'id="referrals"' in page and "Vrij CLB Limburg" in page
    table = referral_table(sam.organisation, today, today, "organisation", outside=True)
    assert table["total"] is None and table["suppressed"]  # one referral: hidden outside
