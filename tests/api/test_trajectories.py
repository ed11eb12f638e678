"""The trajectories API: a counsellor runs a trajectory from the first call to closure, every error is a
4xx naming its field, only counsellors and coordinators reach a trajectory, a funder's numbers are
suppressed."""

import datetime
import re

import pytest
from ninja import Schema

from opvoedwijzer.api import api as _api  # noqa: F401 (every router loaded, so every model of the API)
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import AuditAction, AuditEvent, Municipality, Role
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import GoalScore, Outcome, Trajectory
from tests.factories import make_member

LAST_YEAR = datetime.date.today().year - 1
URL = "/api/v1/trajectories"


@pytest.fixture
def api(client):
    """`api(member).post(url, body)`: the test client with that member's bearer token."""

    class Api:
        def __init__(self, membership):
            self.headers = {"Authorization": f"Bearer {create_api_token(membership.user)[1]}"}

        def get(self, url, **params):
            return client.get(url, params, headers=self.headers)

        def post(self, url, body):
            return client.post(url, body, content_type="application/json", headers=self.headers)

    return Api


def new_trajectory(**overrides):
    return {
        "kind": "short",
        "municipality": "71053",
        "asker_role": "mother",
        "life_stages": ["primary"],
        "themes": ["bullying", "sleep"],
        "request": "Mijn zoon wordt gepest en slaapt slecht. Hoe kan ik hem steunen?",
        "started_on": "2026-03-02",
        **overrides,
    }


def session(**overrides):
    return {"date": "2026-03-09", "kind": "conversation", "duration": "30to60", "scores": {}, **overrides}


def closing(**overrides):
    return {"date": "2026-04-20", "outcome": "goals_reached", "scores": {}, **overrides}


def error_fields(response):
    return [e["loc"][-1] for e in response.json()["detail"]]


@pytest.fixture
def sams_trajectory(api, sam):
    """Sam's open trajectory with one goal, scored 3 at the start: (id, goal id)."""
    trajectory = api(sam).post(URL, new_trajectory()).json()["id"]
    goal = (
        api(sam)
        .post(f"{URL}/{trajectory}/goals", {"text": "Rustig inslapen", "score": 3, "date": "2026-03-02"})
        .json()["id"]
    )
    return trajectory, goal


def test_a_counsellor_runs_a_trajectory_from_the_first_call_to_closure(api, sam):
    opened = api(sam).post(URL, new_trajectory())
    assert opened.status_code == 201, opened.content
    trajectory_id, code = opened.json()["id"], opened.json()["code"]
    assert re.fullmatch(r"TR-[2-9A-HJKMNP-Z]{4}", code)

    sleep = api(sam).post(
        f"{URL}/{trajectory_id}/goals", {"text": "Rustig inslapen", "score": 3, "date": "2026-03-02"}
    )
    school = api(sam).post(
        f"{URL}/{trajectory_id}/goals", {"text": "Graag naar school gaan", "score": 2, "date": "2026-03-02"}
    )
    assert sleep.status_code == school.status_code == 201
    sleep, school = str(sleep.json()["id"]), str(school.json()["id"])

    first = api(sam).post(f"{URL}/{trajectory_id}/sessions", session(scores={sleep: 5, school: 3}))
    second = api(sam).post(
        f"{URL}/{trajectory_id}/sessions",
        session(date="2026-03-23", kind="home_visit", notes="Avondritueel afgesproken.", scores={sleep: 7}),
    )
    assert first.status_code == second.status_code == 201, second.content

    closed = api(sam).post(
        f"{URL}/{trajectory_id}/close",
        closing(scores={sleep: 9, school: 6}, evaluation="Het gaat veel beter thuis."),
    )
    assert closed.status_code == 200, closed.content
    assert closed.json() == {
        "id": trajectory_id,
        "code": code,
        "closed_on": "2026-04-20",
        "outcome": "goals_reached",
    }

    trajectory = Trajectory.objects.get(pk=trajectory_id)
    assert trajectory.counsellors.get() == sam.user
    assert trajectory.main_theme.code == "bullying"
    assert {t.code for t in trajectory.themes.all()} == {"bullying", "sleep"}
    assert trajectory.municipality.code == "71053"
    assert trajectory.outcome == Outcome.GOALS_REACHED and not trajectory.is_open
    assert trajectory.evaluation == "Het gaat veel beter thuis."
    assert [s.notes for s in trajectory.sessions.all()] == ["", "Avondritueel afgesproken."]
    assert list(GoalScore.objects.filter(goal_id=sleep).values_list("score", flat=True)) == [3, 5, 7, 9]
    assert list(GoalScore.objects.filter(goal_id=school).values_list("score", flat=True)) == [2, 3, 6]


def test_each_session_is_counted_once_as_a_contact_with_the_trajectorys_themes(api, sam, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    answer = api(sam).post(f"{URL}/{trajectory_id}/sessions", session(kind="phone")).json()
    contact = Contact.objects.get()
    assert answer["contact"] == contact.pk
    codes = contact.as_codes()
    assert (codes["channel"], codes["main_theme"], codes["themes"]) == ("phone", "bullying", ["sleep"])
    assert (codes["municipality"], codes["offers"], codes["date"]) == (
        "71053",
        ["trajectory"],
        datetime.date(2026, 3, 9),
    )


def test_a_request_with_personal_data_is_refused_naming_what_was_found(api, sam):
    request = "Mama van Lotte, bel me op 0470 12 34 56."
    response = api(sam).post(URL, new_trajectory(request=request))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "request"]
    assert "0470 12 34 56" in error["msg"]
    assert not Trajectory.objects.exists()


def test_a_request_the_counsellor_says_holds_no_personal_data_is_kept_and_the_reason_logged(api, sam):
    request = "Het nummer van de kinderlijn is 0470 12 34 56."
    response = api(sam).post(URL, new_trajectory(request=request, request_pii_reason="nummer van een dienst"))
    assert response.status_code == 201, response.content
    assert Trajectory.objects.get().request == request
    confirmed = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert confirmed.detail["field"] == "request" and confirmed.actor == sam.user


def test_notes_and_a_goal_with_personal_data_are_refused_too(api, sam, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    notes = api(sam).post(f"{URL}/{trajectory_id}/sessions", session(notes="Bel mama op 0470 12 34 56."))
    goal = api(sam).post(f"{URL}/{trajectory_id}/goals", {"text": "Bel 0470 12 34 56 elke dag", "score": 2})
    assert (notes.status_code, error_fields(notes)) == (422, ["notes"])
    assert (goal.status_code, error_fields(goal)) == (422, ["text"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"themes": ["not_a_theme"]}, "themes"),
        ({"themes": []}, "themes"),
        ({"municipality": "21004"}, "municipality"),
        ({"asker_role": "pigeon"}, "asker_role"),
        ({"kind": "long"}, "kind"),
        ({"started_on": "2999-01-01"}, "started_on"),
        ({"started_on": "2026-02-30"}, "started_on"),
        ({"request": "   "}, "request"),
        ({"request": "x" * 2001}, "request"),
    ],
)
def test_a_trajectory_with_bad_input_is_a_422_naming_the_field(api, sam, change, field):
    response = api(sam).post(URL, new_trajectory(**change))
    assert response.status_code == 422
    assert field in error_fields(response), response.json()
    assert not Trajectory.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"scores": {"999999": 5}}, "scores"),
        ({"scores": {"GOAL": 11}}, "GOAL"),
        ({"scores": {"GOAL": -1}}, "GOAL"),
        ({"scores": {"abc": 5}}, "abc"),
        ({"date": "2999-01-01"}, "date"),
        ({"kind": "letter"}, "kind"),
        ({"duration": "forever"}, "duration"),
    ],
)
def test_a_session_with_bad_input_is_a_422_naming_the_field(api, sam, sams_trajectory, change, field):
    trajectory_id, goal = sams_trajectory
    if "scores" in change:
        change = {"scores": {k.replace("GOAL", str(goal)): v for k, v in change["scores"].items()}}
        field = field.replace("GOAL", str(goal))
    response = api(sam).post(f"{URL}/{trajectory_id}/sessions", session(**change))
    assert response.status_code == 422
    assert field in [str(part) for e in response.json()["detail"] for part in e["loc"]], response.json()
    assert not Contact.objects.exists()


def test_a_goal_needs_a_text_and_a_start_score_from_0_to_10(api, sam, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    for body, field in (({"text": "Rustig eten", "score": 11}, "score"), ({"text": "", "score": 4}, "text")):
        response = api(sam).post(f"{URL}/{trajectory_id}/goals", body)
        assert (response.status_code, error_fields(response)) == (422, [field])


def test_a_trajectory_closes_once_and_then_takes_no_more_sessions_or_goals(api, sam, sams_trajectory):
    trajectory_id, goal = sams_trajectory
    assert api(sam).post(f"{URL}/{trajectory_id}/close", closing(scores={str(goal): 8})).status_code == 200
    again = api(sam).post(f"{URL}/{trajectory_id}/close", closing(outcome="moved"))
    assert again.status_code == 409
    assert Trajectory.objects.get().outcome == Outcome.GOALS_REACHED
    assert api(sam).post(f"{URL}/{trajectory_id}/sessions", session()).status_code == 409
    assert api(sam).post(f"{URL}/{trajectory_id}/goals", {"text": "Nog een", "score": 1}).status_code == 409


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date": "2026-03-01"}, "date"),  # the day before it started
        ({"date": "2999-01-01"}, "date"),
        ({"outcome": "solved"}, "outcome"),
        ({"scores": {"999999": 5}}, "scores"),
        ({"evaluation": "Mail me op sofie@example.org"}, "evaluation"),
    ],
)
def test_closing_with_bad_input_is_a_422_and_leaves_the_trajectory_open(
    api, sam, sams_trajectory, change, field
):
    trajectory_id, _goal = sams_trajectory
    response = api(sam).post(f"{URL}/{trajectory_id}/close", closing(**change))
    assert response.status_code == 422
    assert field in error_fields(response), response.json()
    assert Trajectory.objects.get().is_open


def test_only_its_counsellors_and_the_coordinators_reach_a_trajectory(api, sam, ilse, zuid, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    colleague = make_member(zuid, "kim@zuid.test", Role.STAFF)
    goal = {"text": "Samen lezen", "score": 4}
    assert api(colleague).post(f"{URL}/{trajectory_id}/goals", goal).status_code == 404
    assert api(colleague).post(f"{URL}/{trajectory_id}/sessions", session()).status_code == 404
    assert api(colleague).post(f"{URL}/{trajectory_id}/close", closing()).status_code == 404
    assert api(ilse).post(f"{URL}/{trajectory_id}/goals", goal).status_code == 201
    assert api(ilse).post(f"{URL}/{trajectory_id}/sessions", session()).status_code == 201


def test_volunteers_and_funders_open_and_write_no_trajectory(api, vera, fons, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    for member in (vera, fons):
        assert api(member).post(URL, new_trajectory()).status_code == 403
        assert api(member).post(f"{URL}/{trajectory_id}/sessions", session()).status_code == 403
        assert api(member).post(f"{URL}/{trajectory_id}/close", closing()).status_code == 403
    assert Trajectory.objects.count() == 1 and Trajectory.objects.get().is_open


def test_another_organisations_trajectory_or_an_unknown_id_is_not_found(api, noor, sam, sams_trajectory):
    trajectory_id, _goal = sams_trajectory
    assert api(noor).post(f"{URL}/{trajectory_id}/sessions", session()).status_code == 404
    assert api(noor).post(f"{URL}/{trajectory_id}/close", closing()).status_code == 404
    assert api(sam).post(f"{URL}/{trajectory_id + 1000}/close", closing()).status_code == 404
    assert Trajectory.objects.get().is_open and not Contact.objects.exists()


def test_a_municipality_of_another_organisation_is_refused(api, noor):
    response = api(noor).post(URL, new_trajectory())
    assert response.status_code == 422 and "municipality" in error_fields(response)


def test_staff_count_the_trajectories_of_a_period(api, sam, sams_trajectory):
    trajectory_id, goal = sams_trajectory
    api(sam).post(f"{URL}/{trajectory_id}/sessions", session(scores={str(goal): 6}))
    api(sam).post(f"{URL}/{trajectory_id}/close", closing(scores={str(goal): 8}))
    api(sam).post(URL, new_trajectory(started_on="2026-05-04"))
    response = api(sam).get(f"{URL}/stats", **{"from": "2026-01-01", "to": "2026-06-30"})
    assert response.status_code == 200, response.content
    numbers = response.json()
    assert (numbers["started"], numbers["closed"], numbers["sessions"], numbers["goals"]) == (2, 1, 1, 1)
    assert numbers["mean_goal_change"] == 5.0 and numbers["share_goals_reached"] == 1.0
    assert numbers["outcomes"]["goals_reached"] == 1
    assert numbers["suppressed"] is False


def test_the_numbers_are_not_for_volunteers_nor_for_a_period_that_ends_before_it_starts(api, vera, sam):
    assert api(vera).get(f"{URL}/stats", **{"from": "2026-01-01", "to": "2026-12-31"}).status_code == 403
    backwards = api(sam).get(f"{URL}/stats", **{"from": "2026-12-31", "to": "2026-01-01"})
    assert backwards.status_code == 422 and error_fields(backwards) == ["from"]


def test_a_funder_gets_whole_past_years_of_their_municipalities_with_small_numbers_hidden(
    api, sam, fons, zuid
):
    fons.municipalities.set([zuid.municipalities.get(code="71053")])
    started = f"{LAST_YEAR}-03-02"
    ids = [api(sam).post(URL, new_trajectory(started_on=started)).json()["id"] for _i in range(6)]
    api(sam).post(URL, new_trajectory(started_on=started, municipality="71017"))  # not Fons's
    api(sam).post(f"{URL}/{ids[0]}/close", closing(date=f"{LAST_YEAR}-05-04"))
    this_year = api(fons).get(
        f"{URL}/stats", **{"from": f"{LAST_YEAR + 1}-01-01", "to": f"{LAST_YEAR + 1}-12-31"}
    )
    assert this_year.status_code == 422
    response = api(fons).get(f"{URL}/stats", **{"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31"})
    assert response.status_code == 200, response.content
    numbers = response.json()
    assert numbers["started"] == 6, "six in Sint-Truiden: enough to show; Gingelom's is not Fons's"
    assert numbers["closed"] is None and numbers["outcomes"]["goals_reached"] is None, "one: hidden"
    assert numbers["suppressed"] is True
    assert "request" not in response.content.decode() and "gepest" not in response.content.decode()


def test_staff_count_only_the_trajectories_they_counsel_and_a_coordinator_all(api, sam, ilse, zuid):
    colleague = make_member(zuid, "kim@zuid.test", Role.STAFF)
    api(sam).post(URL, new_trajectory())
    api(colleague).post(URL, new_trajectory())
    period = {"from": "2026-01-01", "to": "2026-12-31"}
    assert api(sam).get(f"{URL}/stats", **period).json()["started"] == 1
    assert api(ilse).get(f"{URL}/stats", **period).json()["started"] == 2


def test_staff_count_only_the_consultations_they_held_and_a_coordinator_all(api, sam, ilse, zuid):
    for member in (sam, ilse, ilse):
        services.record_consultation(
            member,
            {
                "kind": "case_consultation",
                "professional_kind": "school",
                "date": datetime.date(2026, 3, 4),
                "duration": "30to60",
                "municipality": Municipality.objects.get(code="71053"),
                "themes": [Theme.objects.get(organisation=zuid, code="bullying")],
                "question": "Een kind dat zich terugtrekt.",
            },
        )
    period = {"from": "2026-01-01", "to": "2026-12-31"}
    assert api(sam).get(f"{URL}/stats", **period).json()["consultations_total"] == 1
    assert api(ilse).get(f"{URL}/stats", **period).json()["consultations_total"] == 3


def test_a_score_is_the_parents_own_unless_scored_by_says_the_counsellor(api, sam, sams_trajectory):
    trajectory, goal = sams_trajectory
    estimated = api(sam).post(
        f"{URL}/{trajectory}/goals", {"text": "Zelf aankleden", "score": 2, "scored_by": "counsellor"}
    )
    assert estimated.status_code == 201, estimated.content
    response = api(sam).post(
        f"{URL}/{trajectory}/sessions", session(scores={str(goal): 5}, scored_by="counsellor")
    )
    assert response.status_code == 201, response.content
    response = api(sam).post(f"{URL}/{trajectory}/close", closing(scores={str(goal): 8}))
    assert response.status_code == 200, response.content
    assert list(GoalScore.objects.filter(goal=goal).values_list("score", "by_parent")) == [
        (3, True),
        (5, False),
        (8, True),
    ]
    assert GoalScore.objects.get(goal=estimated.json()["id"]).by_parent is False
    wrong = api(sam).post(f"{URL}/{trajectory}/goals", {"text": "Iets", "score": 2, "scored_by": "grandma"})
    assert wrong.status_code == 422 and "scored_by" in error_fields(wrong)


def test_a_funders_numbers_hide_what_the_report_section_hides(api, sam, fons, zuid):
    """The same numbers as the trajectories section of GET /reports/sections, so that no number of one
    gives away a number the other hides."""
    fons.municipalities.set(zuid.municipalities.filter(code__in=["71053", "73022"]))
    started = f"{LAST_YEAR}-03-02"
    for municipality in ["71053"] * 6 + ["73022"] * 2:
        api(sam).post(URL, new_trajectory(started_on=started, municipality=municipality))
    last_year = {"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31"}
    numbers = api(fons).get(f"{URL}/stats", **last_year).json()
    sections = api(fons).get("/api/v1/reports/sections", **last_year).json()["sections"]
    per_municipality = next(s for s in sections if s["key"] == "trajectories")["tables"][0]
    *rows, totals = per_municipality["rows"]
    assert [row[1] for row in rows] == [None, None], "Heers's two hidden, and so Sint-Truiden's six"
    assert [numbers["started"], numbers["running"], numbers["closed"]] == totals[1:4] == [8, 8, 0]
    assert numbers["suppressed"] is True


def test_the_trajectory_operations_are_in_the_openapi_schema_with_their_own_models(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path in (
        "",
        "/{trajectory_id}/goals",
        "/{trajectory_id}/sessions",
        "/{trajectory_id}/close",
        "/stats",
    ):
        assert f"{URL}{path}" in schema["paths"]
    created = schema["paths"][f"{URL}/{{trajectory_id}}/sessions"]["post"]["responses"]["201"]
    model = created["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][model]["properties"]) == {"id", "contact"}
    for path in ("/{trajectory_id}/goals", "/{trajectory_id}/sessions", "/{trajectory_id}/close"):
        body = schema["paths"][f"{URL}{path}"]["post"]["requestBody"]["content"]["application/json"]
        fields = schema["components"]["schemas"][body["schema"]["$ref"].rsplit("/", 1)[-1]]["properties"]
        assert fields["scored_by"]["enum"] == ["parent", "counsellor"]
        assert fields["scored_by"]["default"] == "parent"


def test_no_two_models_of_the_api_share_a_name():
    """The OpenAPI schema names a model by its class name: a second SessionOut or StatsOut would silently
    take the place of the first in the documentation."""

    def every(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from every(sub)

    names = [c.__name__ for c in every(Schema) if c.__module__.startswith("opvoedwijzer.api.")]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
