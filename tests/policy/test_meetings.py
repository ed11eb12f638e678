"""Networking (M10): Sam records a meeting with partners, its decisions and actions."""

from opvoedwijzer.policy.models import Meeting, MeetingAction


def meeting_data(**overrides):
    return {
        "date": "2026-03-12",
        "kind": "local_consultation",
        "title": "Lokaal overleg opvoedingsondersteuning",
        "partners": "CAW Limburg\nCLB\nKind en Gezin",
        "topics": "Wachtlijsten in de jeugdhulp",
        "decisions": "Gezamenlijke infoavond in het najaar",
        **overrides,
    }


def test_staff_record_a_meeting_with_partners_and_an_action(sam, ilse, zuid, client_for):
    client = client_for(sam)
    sint_truiden = zuid.municipalities.get(code="71053")
    response = client.post(
        "/o/zuid-limburg/policy/meetings/new/", meeting_data(municipalities=[sint_truiden.pk])
    )
    meeting = Meeting.objects.get()
    assert response.url == f"/o/zuid-limburg/policy/meetings/{meeting.pk}/"
    assert meeting.partner_list() == ["CAW Limburg", "CLB", "Kind en Gezin"]
    assert list(meeting.municipalities.all()) == [sint_truiden]

    client.post(
        response.url, {"description": "Zaal vastleggen", "owner_member": ilse.user.pk, "due_on": "2026-04-01"}
    )
    client.post(response.url, {"description": "Folder maken", "owner_partner": "CAW Limburg"})
    assert client.post(response.url, {"description": "Wie doet dit?"}).status_code == 200  # no owner: refused
    assert [a.description for a in meeting.actions.all()] == ["Zaal vastleggen", "Folder maken"]

    action = MeetingAction.objects.get(description="Zaal vastleggen")
    client.post(f"/o/zuid-limburg/policy/actions/{action.pk}/done/")
    action.refresh_from_db()
    assert action.done_on is not None
    page = client.get("/o/zuid-limburg/policy/meetings/").content.decode()
    assert "Folder maken" in page and "Zaal vastleggen" not in page  # open actions only


def test_the_topics_go_through_the_privacy_guard(sam, client_for):
    response = client_for(sam).post(
        "/o/zuid-limburg/policy/meetings/new/", meeting_data(topics="Situatie van Lotte Peeters besproken")
    )
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert "Lotte" in response.content.decode()


def test_volunteers_and_funders_do_not_see_the_meetings(vera, fons, client_for):
    assert client_for(vera).get("/o/zuid-limburg/policy/meetings/").status_code == 403
    assert client_for(fons).get("/o/zuid-limburg/policy/meetings/").status_code == 403


def test_another_organisations_meeting_is_not_found(noor, zuid, client_for):
    meeting = Meeting.objects.create(organisation=zuid, date="2026-01-01", kind="other", title="x")
    assert client_for(noor).get(f"/o/noord-limburg/policy/meetings/{meeting.pk}/").status_code == 404


def test_meetings_and_signals_are_counted_in_the_reports(sam, zuid, client_for):
    from opvoedwijzer.policy.models import Signal

    Meeting.objects.create(organisation=zuid, date="2026-02-01", kind="steering_group", title="a")
    Meeting.objects.create(organisation=zuid, date="2026-03-01", kind="steering_group", title="b")
    Meeting.objects.create(organisation=zuid, date="2025-03-01", kind="other", title="before the period")
    Signal.objects.create(organisation=zuid, title="x", description="y", raised_on="2026-02-02")
    page = client_for(sam).get("/o/zuid-limburg/overview/", {"start": "2026-01-01", "end": "2026-06-30"})
    text = page.content.decode()
    assert "2 overleggen met partners" in text or "2 meetings with partners" in text
    assert "1 signaal gemeld" in text or "1 signal raised" in text
