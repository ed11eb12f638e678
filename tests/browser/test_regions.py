"""Ilse lets Zuid-Limburg share its numbers with Regio Limburg; Rita, the regional funder, reads the
regional table on her phone and downloads it — with and without JavaScript."""

import datetime
import io

from openpyxl import load_workbook
from playwright.sync_api import expect

from opvoedwijzer.core.models import Role
from opvoedwijzer.regions import services
from opvoedwijzer.regions.models import RegionRole, RegionShare
from tests.factories import ContactFactory, make_member

PHONE = {"width": 390, "height": 844}
LAST_YEAR = datetime.date.today().year - 1


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_coordinator_agrees_and_the_regional_funder_reads_the_sums(
    zuid, noord, ilse, sam, noor, logged_in, check_a11y
):
    region, _created = services.create_region(slug="regio-limburg", name="Regio Limburg")
    nadia = make_member(noord, "nadia@noord.test", Role.COORDINATOR)
    services.agree_to_share(region, noord, user=nadia.user)
    day = datetime.date(LAST_YEAR, 4, 2)
    for theme, n in [("sleep", 14), ("tantrums", 9), ("bullying", 2), ("screen_time", 6)]:
        ContactFactory.create_batch(n, membership=sam, municipality="71053", main_theme=theme, date=day)
    ContactFactory.create_batch(8, membership=noor, municipality="72043", main_theme="sleep", date=day)
    rita, _new = services.add_region_member(region, email="rita@regio.test", role=RegionRole.FUNDER)
    rita.user.set_password("een-lang-wachtwoord-2026")
    rita.user.save(update_fields=["password"])

    # Ilse, on her phone, lets Zuid-Limburg share.
    page = logged_in(ilse)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/")
    with page.expect_navigation():
        page.click("main a[href$='/o/zuid-limburg/regions/']")
    check_a11y(page, "regions-organisation")
    assert fits_the_phone(page)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Regio Limburg")
    check_a11y(page, "regions-organisation-shared")
    assert RegionShare.objects.agreed().filter(organisation=zuid).exists()

    # Rita, on her phone without JavaScript, from the start page.
    phone = logged_in(rita, js=False)
    phone.set_viewport_size(PHONE)
    phone.goto("/")
    with phone.expect_navigation():
        phone.click("a[href='/r/regio-limburg/']")
    expect(phone.locator("h1")).to_have_text("Regio Limburg")
    expect(phone.locator("caption#overview-caption")).to_contain_text(str(LAST_YEAR))
    expect(phone.locator("#suppression-note")).to_be_visible()
    check_a11y(phone, "region-phone")
    assert fits_the_phone(phone)
    phone.select_option("#id_columns", "theme_group")
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")
    assert "columns=theme_group" in phone.url
    check_a11y(phone, "region-theme-groups-phone")
    assert fits_the_phone(phone)

    # On a wide screen with JavaScript: the download.
    wide = logged_in(rita)
    wide.goto("/r/regio-limburg/")
    sint_truiden = wide.locator("tbody tr", has_text="Sint-Truiden")
    expect(sint_truiden.locator("td").nth(0)).to_have_text("14")  # sleep
    check_a11y(wide, "region")
    with wide.expect_download() as download_info:
        wide.click("a[href*='export.xlsx']")
    sheet = load_workbook(io.BytesIO(download_info.value.path().read_bytes())).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert any(r[1] == "71053" and 14 in r for r in rows)
    assert all(not isinstance(v, int) or v == 0 or v >= 5 for r in rows[3:] for v in r[2:])
