"""Every staff URL carries the organisation; a member of another organisation gets 404."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from opvoedwijzer.activities.services import sign_up
from opvoedwijzer.taxonomy.models import AskerRole
from opvoedwijzer.trajectories import services as trajectories
from tests.factories import ContactFactory, make_activity


def staff_url_patterns():
    """(name, route kwargs) of every URL under /o/<org>/, found by walking the URL conf."""
    found = []

    def walk(patterns, namespace, route):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
                walk(p.url_patterns, ns, route + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name:
                full = route + str(p.pattern)
                if full.startswith("o/<slug:org>/"):
                    found.append((f"{namespace}:{p.name}" if namespace else p.name, full))

    walk(get_resolver().url_patterns, None, "")
    return found


@pytest.fixture
def every_staff_url(zuid, sam):
    """Reversed URLs of every staff page of Zuid-Limburg, with real objects in them."""
    contact = ContactFactory(membership=sam)
    from opvoedwijzer.socialmap import services as socialmap
    from opvoedwijzer.taxonomy.models import Theme

    theme = Theme.objects.for_org(zuid).first()
    partner = socialmap.create_map_organisation(zuid, {"name": "CAW Limburg"})
    location = socialmap.create_location(zuid, {"map_organisation": partner, "name": "CAW Sint-Truiden"})
    service = socialmap.create_service(zuid, {"map_organisation": partner, "name": "Onthaal"})
    referral = socialmap.refer_contact(contact, service, warm=True, author=sam.user)
    map_objects = {"service": service, "organisation": partner, "location": location, "referral": referral}
    activity = make_activity(zuid, location=location)
    signup, _token = sign_up(activity, name="Sofie", people=1)
    activity_objects = {"signup": signup, "session": activity.sessions.first(), "activity": activity}
    trajectory_objects = trajectory_objects_of(zuid, sam, theme)
    values = {
        "org": zuid.slug,
        "pk": contact.pk,
        "contact_pk": contact.pk,
        "loan_pk": 1,
        "dimension": "theme",
        "hypothesis_pk": trajectory_objects["hypothesis"].pk,
        "member_pk": trajectory_objects["member"].pk,
        "goal_pk": trajectory_objects["goal"].pk,
        "session_pk": trajectory_objects["session"].pk,
    }
    urls = []
    for name, route in staff_url_patterns():
        kwargs = {k: v for k, v in values.items() if f":{k}>" in route}
        if "taxonomy" in name and "pk" in kwargs:
            kwargs["pk"] = theme.pk
        if name.startswith("socialmap:") and "pk" in kwargs:
            kind = next(k for k in map_objects if k in name)
            kwargs["pk"] = map_objects[kind].pk
        if name.startswith("activities:") and "pk" in kwargs:
            kind = "signup" if "signup" in name else "session" if "sessions/" in route else "activity"
            kwargs["pk"] = activity_objects[kind].pk
        if name.startswith("trajectories:") and "pk" in kwargs:
            kind = "consultation" if "consultation" in name else "trajectory"
            kwargs["pk"] = trajectory_objects[kind].pk
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def trajectory_objects_of(org, membership, theme):
    data = {
        "kind": "short",
        "municipality": org.municipalities.first(),
        "asker_role": AskerRole.objects.filter(organisation=org).first(),
        "themes": [theme],
        "request": "",
    }
    trajectory = trajectories.open_trajectory(membership, data)
    consultation = trajectories.record_consultation(
        membership,
        {
            **data,
            "kind": "case_consultation",
            "professional_kind": "school",
            "date": trajectory.started_on,
            "duration": "30to60",
        },
    )
    return {
        "trajectory": trajectory,
        "hypothesis": trajectories.add_hypothesis(trajectory, text="Slaaptekort"),
        "member": trajectories.add_network_member(trajectory, role="grootmoeder", how=""),
        "goal": trajectories.add_goal(trajectory, text="Doorslapen", score=3),
        "session": trajectories.add_session(
            trajectory, membership, {"date": trajectory.started_on, "kind": "phone", "duration": "5to15"}
        ),
        "consultation": consultation,
    }


def test_the_walk_finds_the_staff_pages(every_staff_url):
    assert len(every_staff_url) >= 14
    assert "/o/zuid-limburg/contacts/new/" in every_staff_url
    assert "/o/zuid-limburg/overview/export.csv" in every_staff_url
    assert "/o/zuid-limburg/map/" in every_staff_url
    assert "/o/zuid-limburg/activities/" in every_staff_url


def test_staff_of_another_organisation_gets_404_on_every_staff_url(every_staff_url, noor, client_for):
    client = client_for(noor)
    for url in every_staff_url:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("role", ["coordinator", "volunteer", "funder"])
def test_every_role_of_another_organisation_gets_404_too(every_staff_url, noord, client_for, role):
    from tests.factories import make_member

    client = client_for(make_member(noord, f"{role}@noord.test", role))
    for url in every_staff_url:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_anonymous_visitors_are_sent_to_the_login_page(every_staff_url, client):
    for url in every_staff_url:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url


def test_an_unknown_organisation_is_404_like_a_foreign_one(sam, client_for):
    assert client_for(sam).get("/o/does-not-exist/").status_code == 404


def test_a_deactivated_member_loses_access(sam, client_for):
    sam.is_active = False
    sam.save(update_fields=["is_active"])
    assert client_for(sam).get("/o/zuid-limburg/contacts/new/").status_code == 404


def test_the_organisation_of_a_contact_is_checked_not_only_the_url(sam, noor, client_for):
    """Noor may use her own organisation's URL, but not reach Sam's contact through it."""
    contact = ContactFactory(membership=sam)
    client = client_for(noor)
    assert client.get(f"/o/noord-limburg/contacts/{contact.pk}/edit/").status_code == 404
    assert client.post(f"/o/noord-limburg/contacts/{contact.pk}/delete/").status_code == 404
    contact.refresh_from_db()


def test_funders_and_volunteers_get_403_where_their_role_does_not_reach(fons, vera, client_for, client):
    funder = client_for(fons)
    assert funder.get("/o/zuid-limburg/contacts/new/").status_code == 403
    assert funder.get("/o/zuid-limburg/contacts/").status_code == 403
    assert funder.get("/o/zuid-limburg/audit/").status_code == 403
    assert funder.get("/o/zuid-limburg/overview/").status_code == 200  # their municipalities, suppressed
    assert funder.get("/o/zuid-limburg/").status_code == 200
    client.logout()
    volunteer = client_for(vera)
    assert volunteer.get("/o/zuid-limburg/contacts/new/").status_code == 200
    assert volunteer.get("/o/zuid-limburg/overview/").status_code == 403
    assert volunteer.get("/o/zuid-limburg/taxonomy/").status_code == 403
    assert volunteer.get("/o/zuid-limburg/members/").status_code == 403
