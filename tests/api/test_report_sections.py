"""GET /api/v1/reports/sections: every section of the reports for a period, as the overview shows it."""

import datetime

import pytest

from opvoedwijzer.policy.models import Meeting
from opvoedwijzer.reports.sections import SECTIONS
from tests.factories import ContactFactory
from tests.reports.test_group_offer import SINT_TRUIDEN, group_offer  # noqa: F401 (the fixture)

LAST_YEAR = datetime.date.today().year - 1


def test_staff_get_every_section_in_the_order_of_the_overview(bearer, sam, zuid):
    Meeting.objects.create(organisation=zuid, date="2026-02-01", kind="steering_group", title="a")
    Meeting.objects.create(organisation=zuid, date="2026-03-01", kind="steering_group", title="b")
    response = bearer(sam).get("/api/v1/reports/sections", **{"from": "2026-01-01", "to": "2026-06-30"})
    assert response.status_code == 200
    answer = response.json()["sections"]
    assert [s["key"] for s in answer] == [s.key for s in SECTIONS]
    keys = ["partner_work", "referrals", "group_offer", "handouts", "trajectories", "volunteers"]
    assert [s["key"] for s in answer] == keys
    work = answer[0]["tables"][0]
    assert work["rows"][0][1] == 2, "two steering group meetings"
    assert work["rows"][-3][1] == 2, "two meetings in all"
    referrals = answer[1]["tables"]
    assert len(referrals) == 2 and referrals[0]["rows"][-1][-1] == 0, "totals line: no referrals"
    assert answer[3]["tables"][0]["rows"] == []


def test_a_funder_gets_whole_past_years_of_their_municipalities_only(bearer, fons, sam, zuid):
    fons.municipalities.set([zuid.municipalities.get(code="71053")])
    ContactFactory(membership=sam, date=datetime.date(LAST_YEAR, 3, 1))
    this_year = bearer(fons).get(
        "/api/v1/reports/sections", **{"from": f"{LAST_YEAR + 1}-01-01", "to": f"{LAST_YEAR + 1}-01-31"}
    )
    assert this_year.status_code == 422
    response = bearer(fons).get(
        "/api/v1/reports/sections", **{"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31"}
    )
    assert response.status_code == 200
    assert [s["key"] for s in response.json()["sections"]] == [s.key for s in SECTIONS]


def test_the_sections_are_not_for_volunteers_nor_for_a_period_that_ends_before_it_starts(
    bearer,
    vera,
    sam,
):
    period = {"from": "2026-01-01", "to": "2026-12-31"}
    assert bearer(vera).get("/api/v1/reports/sections", **period).status_code == 403
    backwards = {"from": "2026-12-31", "to": "2026-01-01"}
    assert bearer(sam).get("/api/v1/reports/sections", **backwards).status_code == 422


@pytest.mark.usefixtures("group_offer")
def test_a_funder_gets_the_group_offer_of_their_municipality_with_small_numbers_as_null(bearer, fons, zuid):
    """The same numbers as the funder's overview page (tests/reports/test_group_offer.py)."""
    fons.municipalities.set([zuid.municipalities.get(code=SINT_TRUIDEN)])
    last_year = {"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31"}
    answer = bearer(fons).get("/api/v1/reports/sections", **last_year).json()["sections"]
    per_kind, attendance, evaluations = next(s for s in answer if s["key"] == "group_offer")["tables"]
    assert per_kind["rows"][-1][1:] == [3, 6, 12, None, 20]
    assert [row[1:] for row in attendance["rows"]] == [[None, None, 20], [None, None, 20]]
    assert attendance["rows"][0][0] == "Sint-Truiden"
    assert evaluations["rows"][-1][1:] == [8, 4.1, 4.3, 4.4]
