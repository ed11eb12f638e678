"""Signals and networking in a real browser (axe on every screen)."""

from playwright.sync_api import expect

from opvoedwijzer.policy.models import Meeting, Signal


def test_a_volunteer_raises_a_signal_and_a_coordinator_brings_it_to_policy(vera, ilse, logged_in, check_a11y):
    page = logged_in(vera)
    page.goto("/o/zuid-limburg/policy/signals/")
    check_a11y(page, "signals")
    page.click("a[href$='/policy/signals/new/']")
    page.fill("#id_title", "Veel vragen over schermtijd bij tieners")
    page.select_option("#id_theme", label="Schermtijd en gamen")
    page.select_option("#id_municipality", label="Sint-Truiden")
    page.fill("#id_description", "Ouders van tieners vragen vaker hoe ze afspraken maken over gamen.")
    check_a11y(page, "signal-new")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    signal = Signal.objects.get()
    assert signal.theme.code == "screen_time"

    page = logged_in(ilse)
    page.goto(f"/o/zuid-limburg/policy/signals/{signal.pk}/")
    check_a11y(page, "signal")
    with page.expect_navigation():
        page.click("main form button[type=submit]")  # reviewed, today
    page.select_option("#id_step", "brought_to_policy")
    page.fill("#id_brought_to", "Welzijnsraad Sint-Truiden")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    signal.refresh_from_db()
    assert signal.status == "brought_to_policy" and signal.brought_to == "Welzijnsraad Sint-Truiden"
    expect(page.locator(".details")).to_contain_text("Welzijnsraad Sint-Truiden")


def test_staff_record_a_meeting_and_its_action(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto("/o/zuid-limburg/policy/meetings/")
    check_a11y(page, "meetings")
    page.click("a[href$='/policy/meetings/new/']")
    page.fill("#id_title", "Stuurgroep Huis van het Kind")
    page.select_option("#id_kind", "huis_van_het_kind")
    page.get_by_label("Sint-Truiden").check()
    page.fill("#id_partners", "Kind en Gezin\nOCMW Sint-Truiden")
    page.fill("#id_decisions", "Infoavond over slapen in maart")
    check_a11y(page, "meeting-new")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.fill("#id_description", "Sprekers zoeken")
    page.fill("#id_owner_partner", "Kind en Gezin")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("main table")).to_contain_text("Sprekers zoeken")
    check_a11y(page, "meeting")
    assert Meeting.objects.get().actions.count() == 1
