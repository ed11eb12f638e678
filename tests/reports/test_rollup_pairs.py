"""Reports that cross two dimensions (`by=theme,channel`, the numbers page's theme × channel) read the
roll-up's pair table for whole months and count the edge days from the contacts: the same rows as the
contacts themselves, for every `by` the stats API accepts, through the API too; three crossed
dimensions are refused with a 422 that says why."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact, PairCount
from opvoedwijzer.contacts.services import delete_contact, update_contact
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.reports import stats
from opvoedwijzer.reports.stats import count_contacts, count_contacts_raw, crossing_problem, crosstab
from tests.factories import ContactFactory, contact_data
from tests.reports.test_rollup import FIRST_DAY, accepted_by, random_codes

SPAN = (FIRST_DAY, FIRST_DAY + datetime.timedelta(days=120))


def test_every_by_the_api_accepts_is_read_from_the_rollup():
    combinations = list(accepted_by())
    assert len(combinations) == 148 + 3
    for by in combinations:
        assert crossing_problem(by) is None, by
        assert stats._rollup_spec(by) is not None, by


def test_three_crossed_dimensions_are_refused_with_the_reason():
    assert crossing_problem(["municipality", "month", "theme", "channel"]) is None
    problem = crossing_problem(["theme", "channel", "municipality", "offer"])
    assert "At most 2 of theme, theme_group, channel" in problem
    assert "asked: theme, channel, offer" in problem


def test_the_pair_rows_of_a_contact_are_every_pair_of_its_values(sam, zuid):
    contact = ContactFactory(
        membership=sam,
        date=FIRST_DAY,
        main_theme="sleep",
        themes=["bullying"],
        life_stages=[],
        offers=["info", "listening"],
        municipality="outside",
    )
    pairs = {k[1:]: n for k, n in rollup.contact_counts(contact.pk).items() if len(k) == 7}
    assert pairs[("theme", FIRST_DAY, "outside", "sleep", "offer", "listening")] == 1
    assert pairs[("theme", FIRST_DAY, "outside", "bullying", "life_stage", "")] == 1  # none is a value
    assert ("theme", FIRST_DAY, "outside", "sleep", "theme_group", "care") not in pairs  # from the theme rows
    values = {}
    for key in rollup.contact_counts(contact.pk):
        if len(key) == 5 and key[1] != "total":
            values.setdefault(key[1], []).append(key[4])
    assert len(rollup.PAIR_DIMENSIONS) == 27  # every two of eight, but theme × theme group
    assert len(pairs) == sum(len(values[d1]) * len(values[d2]) for d1, d2 in rollup.PAIR_DIMENSIONS)
    assert PairCount.objects.filter(organisation=zuid, dim1="theme", dim2="offer").count() == 4


def test_the_upkeep_writes_the_pairs_in_one_more_statement(sam, zuid):
    contact = ContactFactory(membership=sam, date=FIRST_DAY)
    with CaptureQueriesContext(connection) as written:
        update_contact(
            contact, contact_data(zuid, date=FIRST_DAY, channel="email", offers=["info", "listening"])
        )
    upserts = [q["sql"] for q in written.captured_queries if q["sql"].startswith("INSERT INTO reports_")]
    assert [sql.split()[2] for sql in upserts] == [
        "reports_dailycount",
        "reports_monthlycount",
        "reports_paircount",
    ]
    for by in (["channel", "offer"], ["theme", "channel"], ["municipality", "month", "offer", "duration"]):
        assert count_contacts(zuid, *SPAN, by) == count_contacts_raw(zuid, *SPAN, by)


def test_contacts_with_many_values_keep_the_pairs_exact(sam, zuid, monkeypatch):
    """Dozens of themes and offers give thousands of pair rows: written in several statements, still in
    one order."""
    monkeypatch.setattr(rollup, "_ROWS_PER_STATEMENT", 7)
    themes = ["sleep", "bullying", "screen_time", "tantrums", "divorce", "eating", "crying", "anxiety"]
    offers = ["info", "listening", "referral", "material"]
    wide = {"main_theme": "language", "themes": themes, "offers": offers, "life_stages": ["baby", "teen"]}
    first = ContactFactory(membership=sam, date=FIRST_DAY, **wide)
    second = ContactFactory(membership=sam, date=FIRST_DAY + datetime.timedelta(days=40), **wide)
    update_contact(first, contact_data(zuid, date=FIRST_DAY, **{**wide, "themes": themes[:3]}))
    delete_contact(second)
    assert rollup.check() == {}
    for by in accepted_by():
        assert count_contacts(zuid, *SPAN, by) == count_contacts_raw(zuid, *SPAN, by), by


def test_the_nightly_check_finds_and_repairs_drift_in_the_pair_table(sam, zuid):
    rng = random.Random(5)
    for _ in range(8):
        ContactFactory(membership=sam, **random_codes(rng))
    PairCount.objects.filter(dim1="theme", dim2="channel").order_by("id").first().delete()
    row = PairCount.objects.filter(dim1="asker_role", dim2="offer").order_by("id").first()
    PairCount.objects.filter(pk=row.pk).update(n=row.n + 3)
    assert rollup.check(repair=False) == {zuid.pk: 2}
    assert rollup.check() == {zuid.pk: 2}
    assert rollup.check() == {}
    assert count_contacts(zuid, *SPAN, ["theme", "channel"]) == count_contacts_raw(
        zuid, *SPAN, ["theme", "channel"]
    )


def test_a_rebuild_of_the_pairs_gives_what_the_upkeep_kept(sam, zuid):
    rng = random.Random(6)
    for _ in range(12):
        ContactFactory(membership=sam, **random_codes(rng))
    kept = sorted(
        PairCount.objects.filter(n__gt=0).values_list(
            "dim1", "dim2", "month", "week", "area", "value1", "value2", "n"
        )
    )
    rollup.rebuild_pairs(zuid)
    assert (
        sorted(
            PairCount.objects.values_list("dim1", "dim2", "month", "week", "area", "value1", "value2", "n")
        )
        == kept
    )


def test_a_crosstab_of_two_topics_comes_from_the_rollup_in_one_statement(sam, zuid):
    rng = random.Random(7)
    for _ in range(15):
        ContactFactory(membership=sam, **random_codes(rng))
    start, end = FIRST_DAY + datetime.timedelta(days=3), FIRST_DAY + datetime.timedelta(days=100)
    with CaptureQueriesContext(connection) as read:
        table = crosstab(zuid, start, end, "theme", "channel")
    counting = [
        q["sql"] for q in read.captured_queries if "reports_" in q["sql"] or "contacts_contact" in q["sql"]
    ]
    assert len(counting) == 1 and "reports_paircount" in counting[0]
    cells, total = count_contacts_raw(zuid, start, end, ["theme", "channel"])
    grid = {
        (r["code"], c["code"]): n
        for r in table["rows"]
        for c, n in zip(table["columns"], r["cells"], strict=True)
    }
    assert {k: n for k, n in grid.items() if n} == {(c["theme"], c["channel"]): c["count"] for c in cells}
    assert table["total"] == total


# Through the API --------------------------------------------------------------------------------------


@pytest.fixture
def stats_for(client, sam):
    token = create_api_token(sam.user)[1]

    def get(by, start=SPAN[0], end=SPAN[1]):
        params = {"from": start.isoformat(), "to": end.isoformat(), "by": by}
        return client.get("/api/v1/contacts/stats", params, headers={"Authorization": f"Bearer {token}"})

    return get


def test_every_accepted_by_answers_through_the_api_as_the_contacts_count(sam, zuid, stats_for):
    rng = random.Random(8)
    for _ in range(20):
        ContactFactory(membership=sam, **random_codes(rng))
    for contact in rng.sample(list(Contact.objects.all()), 5):
        update_contact(contact, contact_data(zuid, **random_codes(rng)))
    start, end = FIRST_DAY + datetime.timedelta(days=9), FIRST_DAY + datetime.timedelta(days=95)
    for by in accepted_by():
        if "quarter" in by:
            continue  # not an API dimension
        response = stats_for(",".join(by), start, end)
        assert response.status_code == 200, (by, response.json())
        rows, total = count_contacts_raw(zuid, start, end, by)
        assert response.json() == {"rows": rows, "total": total}, by


@pytest.mark.parametrize(
    "by", ["", "theme", "municipality,theme", "theme,channel", "month,municipality,offer,duration"]
)
def test_the_stats_endpoint_keeps_to_a_fixed_number_of_queries(
    sam, stats_for, django_assert_max_num_queries, by
):
    ContactFactory(membership=sam, date=FIRST_DAY + datetime.timedelta(days=30))
    stats_for(by)  # warm: whatever is cached per process
    # the token, its user and the membership (two queries at most), then one statement for the rows
    # and the total, whatever `by`
    with django_assert_max_num_queries(3) as read:
        assert stats_for(by).status_code == 200
    assert sum("reports_" in q["sql"] for q in read.captured_queries) == 1


def test_three_crossed_dimensions_are_a_422_naming_by(sam, stats_for):
    response = stats_for("municipality,theme,channel,offer")
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "by"]
    assert "asked: theme, channel, offer" in error["msg"]
    assert stats_for("municipality,month,theme,channel").status_code == 200


def test_the_edges_of_a_period_are_whole_weeks_of_the_month_and_at_most_twelve_days():
    d = datetime.date
    weeks, days = rollup.weeks_and_days([(d(2026, 1, 3), d(2026, 1, 31)), (d(2026, 4, 1), d(2026, 4, 26))])
    assert weeks == [("2026-01", 2, 5), ("2026-04", 1, 3)]
    assert days == [(d(2026, 1, 3), d(2026, 1, 7)), (d(2026, 4, 22), d(2026, 4, 26))]
    # no whole week: the days themselves; February has no fifth week; a period inside one month
    assert rollup.weeks_and_days([(d(2026, 2, 23), d(2026, 2, 28))]) == (
        [],
        [(d(2026, 2, 23), d(2026, 2, 28))],
    )
    assert rollup.weeks_and_days([(d(2026, 2, 22), d(2026, 2, 28))]) == ([("2026-02", 4, 5)], [])
    assert rollup.weeks_and_days([(d(2026, 3, 5), d(2026, 3, 20))]) == (
        [("2026-03", 2, 2)],
        [(d(2026, 3, 5), d(2026, 3, 7)), (d(2026, 3, 15), d(2026, 3, 20))],
    )
    # an edge across two months (a period without a whole month)
    assert rollup.weeks_and_days([(d(2026, 3, 20), d(2026, 4, 9))]) == (
        [("2026-03", 4, 5), ("2026-04", 1, 1)],
        [(d(2026, 3, 20), d(2026, 3, 21)), (d(2026, 4, 8), d(2026, 4, 9))],
    )
    for start in range(1, 29):
        for end in range(start, 29):
            weeks, days = rollup.weeks_and_days([(d(2026, 2, start), d(2026, 2, end))])
            covered = [x for a, b in days for x in range(a.day, b.day + 1)]
            covered += [x for _m, w1, w2 in weeks for x in range(7 * (w1 - 1) + 1, min(7 * w2, 28) + 1)]
            assert sorted(covered) == list(range(start, end + 1)), (start, end)
            assert len(days) <= 2 and sum((b - a).days + 1 for a, b in days) <= 12, (start, end)
