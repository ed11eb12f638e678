"""The roll-up the reports read from gives exactly the counts of the contacts themselves, after any
mix of registrations, corrections and deletions, for every dimension and any period."""

import datetime
import itertools
import random

import pytest

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.contacts.services import delete_contact, update_contact
from opvoedwijzer.reports.stats import API_DIMENSIONS, count_contacts, count_contacts_raw
from tests.factories import ContactFactory, contact_data

THEMES = ["sleep", "bullying", "screen_time", "tantrums", "divorce", "eating"]
STAGES = ["baby", "toddler", "primary", "teen"]
OFFERS = ["info", "listening", "referral", "material"]
PLACES = ["71053", "71017", "73022", "outside", "unknown"]
FIRST_DAY = datetime.date(2025, 11, 20)


def random_codes(rng):
    return {
        "date": FIRST_DAY + datetime.timedelta(days=rng.randint(0, 120)),
        "channel": rng.choice(["phone", "email", "in_person"]),
        "asker_role": rng.choice(["mother", "father", "teacher"]),
        "municipality": rng.choice(PLACES),
        "request_kind": rng.choice(["parenting", "information"]),
        "duration": rng.choice(["lt5", "5to15", "15to30"]),
        "main_theme": rng.choice(THEMES),
        "themes": rng.sample(THEMES, rng.randint(0, 2)),
        "life_stages": rng.sample(STAGES, rng.randint(0, 2)),
        "offers": rng.sample(OFFERS, rng.randint(1, 2)),
    }


def accepted_by():
    """Every `by` the stats API accepts: municipality and month or not, with none, one or two of the
    other dimensions (148 sets; their order only orders the columns, so a few are turned around), and a
    few with quarter (the numbers page's)."""
    others = [d for d in API_DIMENSIONS if d not in ("municipality", "month")]
    crossed = [[], *([d] for d in others), *(list(pair) for pair in itertools.combinations(others, 2))]
    for n, dims in enumerate(crossed):
        for place in ([], ["municipality"]):
            for time in ([], ["month"]):
                by = place + time + dims
                yield by[::-1] if n % 3 == 1 else by
    yield from (["quarter"], ["quarter", "municipality", "offer"], ["theme", "quarter", "channel"])


def every_report(org, start, end, municipalities=None):
    for by in accepted_by():
        yield (
            by,
            count_contacts(org, start, end, by, municipalities),
            count_contacts_raw(org, start, end, by, municipalities),
        )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_rollup_equals_the_raw_counts_after_registrations_corrections_and_deletions(sam, zuid, seed):
    rng = random.Random(seed)
    for _ in range(40):
        ContactFactory(membership=sam, **random_codes(rng))
    contacts = list(Contact.objects.all())
    for contact in Contact.objects.with_details():  # counted from the data in hand = read back
        themes = contact.themes_in_order()
        life_stages, offers = list(contact.life_stages.all()), list(contact.offers.all())
        assert rollup.counts_of_new(contact, themes, life_stages, offers) == rollup.contact_counts(contact.pk)
    for contact in rng.sample(contacts, 12):
        update_contact(contact, contact_data(zuid, **random_codes(rng)))
    for contact in rng.sample(contacts, 8):
        delete_contact(contact)

    periods = [(FIRST_DAY, FIRST_DAY + datetime.timedelta(days=120))]  # whole span, with month edges
    periods += [(datetime.date(2025, 12, 1), datetime.date(2026, 1, 31))]  # whole months only
    periods += [(datetime.date(2025, 12, 10), datetime.date(2025, 12, 20))]  # inside one month
    for _ in range(3):
        a = FIRST_DAY + datetime.timedelta(days=rng.randint(0, 120))
        periods.append((a, a + datetime.timedelta(days=rng.randint(0, 90))))
    some = list(zuid.municipalities.filter(code__in=["71053", "73022"]))
    for start, end in periods:
        for municipalities in (None, some):
            for by, fast, raw in every_report(zuid, start, end, municipalities):
                assert fast == raw, (by, start, end, municipalities)


def test_a_rebuild_gives_the_same_counts_as_the_upkeep(sam, zuid):
    rng = random.Random(3)
    for _ in range(15):
        ContactFactory(membership=sam, **random_codes(rng))
    start, end = FIRST_DAY, FIRST_DAY + datetime.timedelta(days=120)
    before = [fast for _by, fast, _raw in every_report(zuid, start, end)]
    rollup.rebuild(zuid)
    assert [fast for _by, fast, _raw in every_report(zuid, start, end)] == before


def test_a_period_is_split_into_whole_months_and_edge_days():
    months, edges = rollup.split_period(datetime.date(2026, 1, 15), datetime.date(2026, 4, 10))
    assert months == ("2026-02", "2026-03")
    assert edges == [
        (datetime.date(2026, 1, 15), datetime.date(2026, 1, 31)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 4, 10)),
    ]
    assert rollup.split_period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)) == (
        ("2026-01", "2026-12"),
        [],
    )
    assert rollup.split_period(datetime.date(2026, 1, 3), datetime.date(2026, 1, 9)) == (
        None,
        [(datetime.date(2026, 1, 3), datetime.date(2026, 1, 9))],
    )


def test_the_rebuild_command_repairs_a_damaged_rollup(sam, zuid):
    import io

    from django.core.management import call_command

    from opvoedwijzer.contacts.models import DailyCount

    ContactFactory(membership=sam, date=FIRST_DAY)
    start, end = FIRST_DAY, FIRST_DAY + datetime.timedelta(days=40)
    DailyCount.objects.update(n=99)  # as if something wrote around the services
    assert count_contacts(zuid, start, end, ["channel"]) != count_contacts_raw(zuid, start, end, ["channel"])
    call_command("rebuild_rollup", "--organisation", "zuid-limburg", stdout=io.StringIO())
    assert count_contacts(zuid, start, end, ["channel"]) == count_contacts_raw(zuid, start, end, ["channel"])


def test_the_nightly_check_finds_drift_and_repairs_it(sam, zuid, noord):
    import io

    from django.core.management import call_command

    from opvoedwijzer.contacts.models import DailyCount, MonthlyCount
    from opvoedwijzer.reports.tasks import check_rollup_task

    rng = random.Random(3)
    for _ in range(10):
        ContactFactory(membership=sam, **random_codes(rng))
    assert rollup.check() == {}, "the upkeep keeps it exact"

    # As if something wrote around the services: one day row and one month row off, one row missing.
    off = DailyCount.objects.filter(dim="channel").order_by("id").first()
    DailyCount.objects.filter(pk=off.pk).update(n=off.n + 6)
    MonthlyCount.objects.filter(dim="theme").order_by("id").first().delete()
    out = io.StringIO()
    call_command("check_rollup", stdout=out)
    assert "zuid-limburg: 2 roll-up rows differed" in out.getvalue()
    assert "NOT repaired" in out.getvalue()
    assert rollup.check(noord) == {}, "another organisation's counts are not touched"

    assert check_rollup_task.call() == {str(zuid.pk): 2}
    assert rollup.check() == {}
    for by, from_rollup, raw in every_report(zuid, FIRST_DAY, FIRST_DAY + datetime.timedelta(days=120)):
        assert from_rollup == raw, by
