"""A coordinator chooses who counsels a trajectory, and so which staff members find it: on the trajectory
page and when opening one. Only active staff members and coordinators of the organisation can counsel;
staff who are not coordinators never see or post the choice."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from opvoedwijzer.core.models import AuditEvent, Role
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Trajectory
from tests.factories import make_member

BASE = "/o/zuid-limburg/trajectories/"


@pytest.fixture
def kim(zuid):
    return make_member(zuid, "kim@zuid.test", Role.STAFF)


@pytest.fixture
def sams(sam, open_trajectory_for):
    return open_trajectory_for(sam)


def page_of(trajectory):
    return f"{BASE}{trajectory.pk}/"


def choose(client, trajectory, *memberships):
    return client.post(
        f"{page_of(trajectory)}counsellors/", {"counsellors-counsellors": [m.user.pk for m in memberships]}
    )


def counsellors_of(trajectory):
    return set(trajectory.counsellors.all())


# The service


def test_a_coordinator_gives_sams_trajectory_to_kim(sams, sam, kim, ilse):
    services.set_counsellors(sams, [kim.user], changed_by=ilse.user)
    assert counsellors_of(sams) == {kim.user}


def test_a_trajectory_can_have_more_than_one_counsellor_and_a_coordinator_among_them(sams, sam, kim, ilse):
    services.set_counsellors(sams, [sam.user, kim.user, ilse.user, kim.user], changed_by=ilse.user)
    assert counsellors_of(sams) == {sam.user, kim.user, ilse.user}


def test_a_trajectory_keeps_at_least_one_counsellor(sams, sam, ilse):
    with pytest.raises(ValidationError):
        services.set_counsellors(sams, [], changed_by=ilse.user)
    assert counsellors_of(sams) == {sam.user}


@pytest.mark.parametrize("who", ["vera", "fons", "noor"])
def test_volunteers_funders_and_members_of_another_organisation_cannot_counsel(who, request, sams, sam, ilse):
    refused = request.getfixturevalue(who)
    with pytest.raises(ValidationError):
        services.set_counsellors(sams, [sam.user, refused.user], changed_by=ilse.user)
    assert counsellors_of(sams) == {sam.user}


def test_an_inactive_member_or_account_cannot_counsel(sams, sam, kim, ilse):
    kim.is_active = False
    kim.save(update_fields=["is_active"])
    with pytest.raises(ValidationError):
        services.set_counsellors(sams, [kim.user], changed_by=ilse.user)
    kim.is_active = True
    kim.save(update_fields=["is_active"])
    kim.user.is_active = False
    kim.user.save(update_fields=["is_active"])
    with pytest.raises(ValidationError):
        services.set_counsellors(sams, [kim.user], changed_by=ilse.user)
    assert counsellors_of(sams) == {sam.user}


@pytest.mark.parametrize("who", ["sam", "noor"])
def test_only_a_coordinator_of_the_organisation_chooses(who, request, sams, sam, kim):
    with pytest.raises(PermissionDenied):
        services.set_counsellors(sams, [kim.user], changed_by=request.getfixturevalue(who).user)
    assert counsellors_of(sams) == {sam.user}


def test_choosing_counsellors_writes_no_audit_row(sams, kim, ilse):
    services.set_counsellors(sams, [kim.user], changed_by=ilse.user)
    assert not AuditEvent.objects.exists()


# The trajectory page


def test_a_coordinator_sees_the_choice_with_the_members_who_may_counsel_ticked_as_they_are(
    sams, sam, kim, ilse, vera, fons, noor, client_for
):
    page = client_for(ilse).get(page_of(sams))
    form = page.context["counsellors_form"]
    assert set(form.fields["counsellors"].queryset) == {sam.user, kim.user, ilse.user}
    assert form.initial["counsellors"] == [sam.user.pk]
    html = page.content.decode()
    assert f'action="{page_of(sams)}counsellors/"' in html
    ticked = set(
        re.findall(r'<input type="checkbox" name="counsellors-counsellors" value="(\d+)"[^>]*checked', html)
    )
    assert ticked == {str(sam.user.pk)}


def test_the_new_counsellor_finds_it_and_the_old_one_gets_404(sams, sam, kim, ilse, client_for):
    response = choose(client_for(ilse), sams, kim)
    assert response.status_code == 302 and response["Location"] == f"{page_of(sams)}#counsellors"
    assert counsellors_of(sams) == {kim.user}
    kims = client_for(kim)
    assert list(kims.get(BASE).context["trajectories"]) == [sams]
    assert kims.get(page_of(sams)).status_code == 200
    sams_client = client_for(sam)
    assert list(sams_client.get(BASE).context["trajectories"]) == []
    assert sams_client.get(page_of(sams)).status_code == 404


def test_a_closed_trajectory_can_be_given_to_someone_else(sams, kim, ilse, client_for):
    services.close_trajectory(sams, date=sams.started_on, outcome="goals_reached")
    assert choose(client_for(ilse), sams, kim).status_code == 302
    assert counsellors_of(sams) == {kim.user}


def test_a_volunteer_is_refused_and_the_page_comes_back_with_the_error(sams, sam, vera, ilse, client_for):
    page = choose(client_for(ilse), sams, sam, vera)
    assert page.status_code == 200
    assert page.context["counsellors_form"].errors
    assert "error-summary" in page.content.decode()
    assert counsellors_of(sams) == {sam.user}


def test_nobody_chosen_comes_back_with_the_error(sams, sam, ilse, client_for):
    page = client_for(ilse).post(f"{page_of(sams)}counsellors/", {}, HTTP_ACCEPT_LANGUAGE="nl")
    assert page.status_code == 200
    assert "Kies minstens één begeleider." in page.content.decode()
    assert counsellors_of(sams) == {sam.user}


def test_a_member_of_another_organisation_is_refused(sams, sam, noor, ilse, client_for):
    page = choose(client_for(ilse), sams, noor)
    assert page.status_code == 200 and page.context["counsellors_form"].errors
    assert counsellors_of(sams) == {sam.user}


def test_staff_who_are_not_coordinators_never_see_or_post_the_choice(sams, sam, kim, client_for):
    client = client_for(sam)
    page = client.get(page_of(sams))
    assert page.context["counsellors_form"] is None
    assert "counsellors/" not in page.content.decode()
    assert choose(client, sams, sam, kim).status_code == 403
    assert client.get(f"{page_of(sams)}counsellors/").status_code == 403
    assert counsellors_of(sams) == {sam.user}


@pytest.mark.parametrize("who", ["vera", "fons"])
def test_volunteers_and_funders_get_403(who, request, sams, sam, client_for):
    client = client_for(request.getfixturevalue(who))
    assert choose(client, sams, request.getfixturevalue(who)).status_code == 403
    assert counsellors_of(sams) == {sam.user}


def test_a_coordinator_of_another_organisation_gets_404(sams, sam, noord, client_for):
    nora = make_member(noord, "nora@noord.test", Role.COORDINATOR)
    client = client_for(nora)
    assert choose(client, sams, nora).status_code == 404
    response = client.post(
        f"/o/noord-limburg/trajectories/{sams.pk}/counsellors/",
        {"counsellors-counsellors": [nora.user.pk]},
    )
    assert response.status_code == 404
    assert counsellors_of(sams) == {sam.user}


def test_only_post_is_answered(sams, ilse, client_for):
    assert client_for(ilse).get(f"{page_of(sams)}counsellors/").status_code == 405


# A new trajectory


def new_form(today, **overrides):
    data = {
        "kind": "short",
        "asker_role": "mother",
        "municipality": "71053",
        "life_stages": ["primary"],
        "main_theme": "bullying",
        "request": "Onze zoon wil 's morgens niet naar school.",
        "started_on": today.isoformat(),
    }
    data.update(overrides)
    return data


def test_a_coordinator_opens_a_trajectory_for_a_staff_member(ilse, sam, kim, client_for, today):
    client = client_for(ilse)
    form = client.get(f"{BASE}new/").context["form"]
    assert form["counsellors"].value() == [ilse.user.pk]  # by default the coordinator themselves
    response = client.post(f"{BASE}new/", new_form(today, counsellors=[kim.user.pk]))
    trajectory = Trajectory.objects.get()
    assert response.status_code == 302
    assert counsellors_of(trajectory) == {kim.user}
    assert list(client_for(kim).get(BASE).context["trajectories"]) == [trajectory]


def test_a_coordinator_who_ticks_nobody_or_a_volunteer_is_refused(ilse, vera, client_for, today):
    client = client_for(ilse)
    for counsellors in ([], [vera.user.pk]):
        page = client.post(f"{BASE}new/", new_form(today, counsellors=counsellors))
        assert page.status_code == 200 and page.context["form"].errors["counsellors"]
    assert not Trajectory.objects.exists()


def test_staff_do_not_choose_and_counsel_what_they_open(sam, kim, client_for, today):
    client = client_for(sam)
    assert "counsellors" not in client.get(f"{BASE}new/").context["form"].fields
    client.post(f"{BASE}new/", new_form(today, counsellors=[kim.user.pk]))
    assert counsellors_of(Trajectory.objects.get()) == {sam.user}
