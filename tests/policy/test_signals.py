"""Signals (M12): raised by staff and volunteers, proposed by the system, moved on to policy."""

import datetime

import pytest

from opvoedwijzer.policy import detect
from opvoedwijzer.policy.models import Signal, SignalSource, SignalStatus
from opvoedwijzer.policy.services import move_signal, propose_rising_signals
from tests.factories import ContactFactory


def test_a_volunteer_raises_a_signal_and_the_guard_checks_the_description(vera, client_for):
    client = client_for(vera)
    data = {
        "title": "Veel vragen over schermtijd",
        "description": "Mama van Lotte belt elke week",
        "evidence": "",
    }
    response = client.post("/o/zuid-limburg/policy/signals/new/", data)
    assert response.status_code == 200 and not Signal.objects.exists()  # a name: caught
    response = client.post("/o/zuid-limburg/policy/signals/new/", {**data, "description_pii_redact": "1"})
    signal = Signal.objects.get()
    assert signal.description == "Mama van [naam] belt elke week"
    assert signal.raised_by == vera.user and signal.status == SignalStatus.NEW


def test_a_confirmed_description_is_audited_once_when_the_signal_is_raised(vera, client_for):
    from opvoedwijzer.privacy.models import AuditAction, AuditEvent

    client = client_for(vera)
    data = {
        "title": "",
        "description": "Veel vragen bij Kind en Gezin Lotte",
        "evidence": "",
        "description_pii_reason": "Lotte is de naam van het consultatiebureau",
    }
    response = client.post("/o/zuid-limburg/policy/signals/new/", data)
    assert response.status_code == 200 and not Signal.objects.exists()  # no title
    assert not AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).exists()
    client.post("/o/zuid-limburg/policy/signals/new/", dict(data, title="Vragen over slapen"))
    assert Signal.objects.get().description == "Veel vragen bij Kind en Gezin Lotte"
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.actor == vera.user and event.organisation == vera.organisation
    assert event.detail["form"] == "SignalForm" and event.detail["field"] == "description"


def test_a_signal_moves_from_new_to_brought_to_policy_to_acted_on(ilse, zuid, client_for):
    signal = Signal.objects.create(organisation=zuid, title="Slaapproblemen bij peuters", description="…")
    client = client_for(ilse)
    url = f"/o/zuid-limburg/policy/signals/{signal.pk}/"
    client.post(url, {"step": "reviewed", "day": "2026-03-01"})
    response = client.post(url, {"step": "brought_to_policy", "day": "2026-04-02", "brought_to": ""})
    assert response.status_code == 200  # to whom? refused, nothing lost
    client.post(
        url, {"step": "brought_to_policy", "day": "2026-04-02", "brought_to": "Welzijnsraad Sint-Truiden"}
    )
    client.post(url, {"step": "acted_on", "day": "2026-06-01", "outcome": "Extra infoavond over slapen"})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ACTED_ON
    assert signal.brought_on == datetime.date(2026, 4, 2) and signal.brought_to == "Welzijnsraad Sint-Truiden"
    assert signal.closed_on == datetime.date(2026, 6, 1)


def test_a_signal_cannot_skip_steps(zuid):
    from django.core.exceptions import ValidationError

    signal = Signal.objects.create(organisation=zuid, title="x", description="y")
    with pytest.raises(ValidationError):
        move_signal(signal, step=SignalStatus.ACTED_ON, day=datetime.date(2026, 1, 1))


def test_a_volunteer_sees_signals_but_does_not_move_them(vera, zuid, client_for):
    signal = Signal.objects.create(organisation=zuid, title="Pesten op school", description="…")
    client = client_for(vera)
    assert "Pesten op school" in client.get("/o/zuid-limburg/policy/signals/").content.decode()
    client.post(f"/o/zuid-limburg/policy/signals/{signal.pk}/", {"step": "reviewed", "day": "2026-03-01"})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_signals_of_another_organisation_stay_hidden(noor, zuid, client_for):
    signal = Signal.objects.create(organisation=zuid, title="Pesten", description="…")
    assert client_for(noor).get(f"/o/noord-limburg/policy/signals/{signal.pk}/").status_code == 404


# The statistics ----------------------------------------------------------------------------------


def test_the_binomial_tail_is_exact():
    # P(X >= 3) for X ~ Bin(4, 1/2) = (4 + 1) / 16
    assert detect.binomial_upper_tail(3, 4, 0.5) == pytest.approx(5 / 16)
    assert detect.binomial_upper_tail(0, 10, 0.3) == 1.0
    assert detect.binomial_upper_tail(11, 10, 0.3) == 0.0


def test_benjamini_hochberg_matches_a_hand_computed_example():
    assert detect.benjamini_hochberg([0.01, 0.04, 0.03, 0.5]) == pytest.approx(
        [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5]
    )


def spread(sam, count, start, days, **kwargs):
    """`count` contacts spread over `days` days from `start`."""
    for i in range(count):
        ContactFactory(membership=sam, date=start + datetime.timedelta(days=i * days // count), **kwargs)


@pytest.fixture
def today():
    return datetime.date(2026, 10, 1)


def test_a_theme_that_doubles_its_share_in_a_municipality_is_proposed(sam, zuid, today):
    (recent_start, _), (base_start, _) = detect.windows(today)
    # The year before: 100 contacts in Sint-Truiden, 10 of them about media.
    spread(sam, 90, base_start, 360, main_theme="sleep")
    spread(sam, 10, base_start, 360, main_theme="screen_time")
    # The last 13 weeks: 30 contacts, 12 about media.
    spread(sam, 18, recent_start, 90, main_theme="sleep")
    spread(sam, 12, recent_start, 90, main_theme="screen_time")
    created = propose_rising_signals(zuid, today)
    themes = {(s.theme.code if s.theme else s.theme_group.code) for s in created}
    assert themes == {"screen_time"}  # not its group as well: the same news
    signal = next(s for s in created if s.theme and s.theme.code == "screen_time")
    assert signal.source == SignalSource.SYSTEM and signal.municipality.code == "71053"
    assert signal.statistics["recent"] == 12 and signal.statistics["q"] <= 0.05
    # Asked again, nothing new while the proposal is open.
    assert propose_rising_signals(zuid, today) == []


def test_a_busier_quarter_alone_raises_nothing(sam, zuid, today):
    (recent_start, _), (base_start, _) = detect.windows(today)
    spread(sam, 80, base_start, 360, main_theme="sleep")
    spread(sam, 20, base_start, 360, main_theme="screen_time")
    # Twice the usual volume, the same mix.
    spread(sam, 40, recent_start, 90, main_theme="sleep")
    spread(sam, 10, recent_start, 90, main_theme="screen_time")
    assert propose_rising_signals(zuid, today) == []
