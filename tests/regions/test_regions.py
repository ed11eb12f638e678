"""Regio Limburg adds up the numbers of the services that agreed to share them: Rita, its regional
funder, sees contacts per municipality and theme, small numbers hidden as for a funder; never more."""

import csv
import io
import re

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from opvoedwijzer.core import mfa
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.demo.region import seed_region
from opvoedwijzer.privacy.models import AuditAction, AuditEvent
from opvoedwijzer.regions import services
from opvoedwijzer.regions.models import Region, RegionMember, RegionShare
from opvoedwijzer.regions.numbers import regional_sums, regional_table
from opvoedwijzer.reports.stats import count_contacts
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.taxonomy.services import add_term, update_term
from tests.factories import ContactFactory

from .conftest import GINGELOM, IN_LAST_YEAR, LAST_YEAR, PELT, SINT_TRUIDEN

K = 5


@pytest.fixture
def registrations(sam, noor, noord):
    """Zuid-Limburg: Sint-Truiden 12 about sleep and 2 about bullying, Gingelom 7 about sleep.
    Noord-Limburg (which serves Sint-Truiden too here): Pelt 9 about sleep and 6 about bullying,
    Sint-Truiden 6 about sleep."""
    noord.municipalities.add(Municipality.objects.get(code=SINT_TRUIDEN))
    day = IN_LAST_YEAR
    for membership, municipality, theme, n in [
        (sam, SINT_TRUIDEN, "sleep", 12),
        (sam, SINT_TRUIDEN, "bullying", 2),
        (sam, GINGELOM, "sleep", 7),
        (noor, PELT, "sleep", 9),
        (noor, PELT, "bullying", 6),
        (noor, SINT_TRUIDEN, "sleep", 6),
    ]:
        ContactFactory.create_batch(
            n, membership=membership, municipality=municipality, main_theme=theme, date=day
        )


def shown_counts(table):
    counts = [n for row in table["rows"] for n in [*row["cells"], row["total"]]]
    return counts + [c["total"] for c in table["columns"]] + [table["total"]]


def cell(table, municipality, theme):
    row = next(r for r in table["rows"] if r["code"] == municipality)
    column = next(i for i, c in enumerate(table["columns"]) if c["code"] == theme)
    return row["cells"][column]


# Agreeing and withdrawing ------------------------------------------------------------------------


def test_the_coordinator_agrees_to_share_and_withdraws_and_both_are_audited(limburg, ilse, zuid, client_for):
    client = client_for(ilse)
    page = client.get("/o/zuid-limburg/regions/").content.decode()
    assert "Regio Limburg" in page
    response = client.post("/o/zuid-limburg/regions/", {"region": "regio-limburg", "action": "agree"})
    assert response.status_code == 302
    share = RegionShare.objects.get(region=limburg, organisation=zuid)
    assert share.is_agreed and share.agreed_by == ilse.user
    agreed = AuditEvent.objects.get(action=AuditAction.REGION_AGREED)
    assert (agreed.actor, agreed.organisation, agreed.detail) == (
        ilse.user,
        zuid,
        {"region": "regio-limburg"},
    )

    client.post("/o/zuid-limburg/regions/", {"region": "regio-limburg", "action": "withdraw"})
    share.refresh_from_db()
    assert not share.is_agreed and share.withdrawn_by == ilse.user and share.withdrawn_at >= share.agreed_at
    withdrawn = AuditEvent.objects.get(action=AuditAction.REGION_WITHDRAWN)
    assert (withdrawn.actor, withdrawn.organisation) == (ilse.user, zuid)
    assert withdrawn.created >= agreed.created
    # Both show in the organisation's own audit log.
    assert set(AuditEvent.objects.for_org(zuid).values_list("action", flat=True)) >= {
        AuditAction.REGION_AGREED,
        AuditAction.REGION_WITHDRAWN,
    }


def test_agreeing_twice_records_it_once(limburg, ilse, zuid):
    services.agree_to_share(limburg, zuid, user=ilse.user)
    services.agree_to_share(limburg, zuid, user=ilse.user)
    assert AuditEvent.objects.filter(action=AuditAction.REGION_AGREED).count() == 1
    assert services.withdraw_from_region(limburg, zuid, user=ilse.user) is not None
    assert services.withdraw_from_region(limburg, zuid, user=ilse.user) is None
    assert AuditEvent.objects.filter(action=AuditAction.REGION_WITHDRAWN).count() == 1


def test_only_a_coordinator_agrees_and_an_unknown_region_is_a_clear_message(limburg, sam, ilse, client_for):
    assert (
        client_for(sam)
        .post("/o/zuid-limburg/regions/", {"region": "regio-limburg", "action": "agree"})
        .status_code
        == 403
    )
    response = client_for(ilse).post(
        "/o/zuid-limburg/regions/", {"region": "regio-nergens", "action": "agree"}, follow=True
    )
    assert response.status_code == 200 and "bestaat niet" in response.content.decode()
    assert not RegionShare.objects.exists()


# The numbers -------------------------------------------------------------------------------------


def test_regional_sums_equal_the_sums_of_the_sharing_organisations_stats(
    both_share, zuid, noord, registrations
):
    start, end = IN_LAST_YEAR.replace(month=1, day=1), IN_LAST_YEAR.replace(month=12, day=31)
    table, per_organisation = regional_sums(both_share, start, end, "theme")
    municipalities = list(Municipality.objects.filter(code__in=[SINT_TRUIDEN, GINGELOM, PELT, "73022"]))
    expected = {}
    for org in (zuid, noord):
        rows, _total = count_contacts(org, start, end, ["municipality", "theme"], municipalities)
        for row in rows:
            key = (row["municipality"], row["theme"])
            expected[key] = expected.get(key, 0) + row["count"]
    found = {
        (row["code"], column["code"]): n
        for row in table["rows"]
        for column, n in zip(table["columns"], row["cells"], strict=True)
        if n
    }
    assert found == expected
    assert cell(table, SINT_TRUIDEN, "sleep") == 18  # 12 of Zuid-Limburg + 6 of Noord-Limburg
    assert table["total"] == 42 == sum(n for _org, n in per_organisation)
    assert dict((org.slug, n) for org, n in per_organisation) == {"zuid-limburg": 21, "noord-limburg": 21}


def test_no_small_number_shows_and_none_can_be_worked_out(both_share, registrations):
    numbers = regional_table(both_share, LAST_YEAR)
    table = numbers["table"]
    assert all(n is None or n == 0 or n >= K for n in shown_counts(table))
    assert cell(table, SINT_TRUIDEN, "bullying") is None  # the 2 of Sint-Truiden
    # ...and not as 20 − 18 either: another count of the row is hidden too.
    sint_truiden = next(r for r in table["rows"] if r["code"] == SINT_TRUIDEN)
    assert sum(n is None for n in [*sint_truiden["cells"], sint_truiden["total"]]) >= 2
    assert all(n is None or n == 0 or n >= K for n in shown_counts(numbers["organisations"]))


def test_a_small_organisation_total_hides_the_shared_total_in_both_tables(both_share, sam, noor):
    """Noord-Limburg has 3 contacts: hidden, so Zuid-Limburg's count is hidden too or the total is —
    and a total hidden in one table is hidden in the other, or 3 would be the difference."""
    ContactFactory.create_batch(
        30, membership=sam, municipality=SINT_TRUIDEN, main_theme="sleep", date=IN_LAST_YEAR
    )
    ContactFactory.create_batch(3, membership=noor, municipality=PELT, main_theme="sleep", date=IN_LAST_YEAR)
    numbers = regional_table(both_share, LAST_YEAR)
    organisations = {row["code"]: row["total"] for row in numbers["organisations"]["rows"]}
    assert organisations["noord-limburg"] is None
    assert organisations["zuid-limburg"] is None or numbers["organisations"]["total"] is None
    assert (numbers["organisations"]["total"] is None) == (numbers["table"]["total"] is None)


def test_a_withdrawn_organisation_is_no_longer_counted(
    both_share, noord, nadia, registrations, rita, client_of
):
    services.withdraw_from_region(both_share, noord, user=nadia.user)
    numbers = regional_table(both_share, LAST_YEAR)
    assert [row["code"] for row in numbers["organisations"]["rows"]] == ["zuid-limburg"]
    assert numbers["table"]["total"] == 21
    assert PELT not in [row["code"] for row in numbers["table"]["rows"]]
    page = client_of(rita).get("/r/regio-limburg/").content.decode()
    assert "Noord-Limburg" not in page and "Pelt" not in page


def test_default_themes_add_up_across_services_and_an_own_theme_keeps_its_name(both_share, zuid, sam, noor):
    update_term(Theme.objects.get(organisation=zuid, code="sleep"), label="Slaapproblemen", hidden=False)
    own = add_term(
        zuid,
        "theme",
        code="mantelzorg",
        label="Mantelzorg",
        group=Theme.objects.get(organisation=zuid, code="sleep").group,
    )
    ContactFactory.create_batch(
        6, membership=sam, municipality=SINT_TRUIDEN, main_theme="sleep", date=IN_LAST_YEAR
    )
    ContactFactory.create_batch(
        5, membership=sam, municipality=SINT_TRUIDEN, main_theme=own.code, date=IN_LAST_YEAR
    )
    ContactFactory.create_batch(7, membership=noor, municipality=PELT, main_theme="sleep", date=IN_LAST_YEAR)
    table = regional_table(both_share, LAST_YEAR)["table"]
    labels = {c["code"]: str(c["label"]) for c in table["columns"]}
    assert labels == {"sleep": "Slapen", "mantelzorg": "Mantelzorg"}
    sleep = next(c for c in table["columns"] if c["code"] == "sleep")
    assert sleep["total"] == 13


def test_theme_groups_as_columns(both_share, registrations):
    table = regional_table(both_share, LAST_YEAR, "theme_group")["table"]
    assert table["cols_dim"] == "theme_group" and table["total"] == 42


def test_a_region_without_sharing_services_or_municipalities_shows_an_empty_table(
    limburg, rita, client_of, db
):
    from opvoedwijzer.core.services import create_organisation

    page = client_of(rita).get("/r/regio-limburg/").content.decode()
    assert "Geen enkele dienst deelt" in page
    new_service = create_organisation(slug="nieuw", name="Nieuwe dienst")  # no municipalities yet
    services.agree_to_share(limburg, new_service, user=None)
    numbers = regional_table(limburg, LAST_YEAR)
    assert numbers["table"]["rows"] == [] and numbers["table"]["total"] == 0
    assert [row["total"] for row in numbers["organisations"]["rows"]] == [0]
    assert client_of(rita).get("/r/regio-limburg/").status_code == 200


# The page and the export -------------------------------------------------------------------------


def test_rita_sees_the_regional_table_of_last_year_by_default(
    both_share, registrations, rita, client_of, django_assert_max_num_queries
):
    client = client_of(rita)
    with django_assert_max_num_queries(16):
        response = client.get("/r/regio-limburg/")
    page = re.sub(r"\s*<", "<", response.content.decode())
    assert response.status_code == 200
    assert "Regio Limburg" in page and "Opvoedingswinkel Zuid-Limburg" in page and "Sint-Truiden" in page
    assert f'value="{LAST_YEAR}" selected' in page
    assert ">20<" in page and ">42<" in page  # Sint-Truiden: 12 + 2 + 6 of both services; all 42
    assert 'id="suppression-note"' in page


def test_a_year_that_has_not_ended_is_refused_with_a_message_not_a_500(both_share, rita, client_of):
    client = client_of(rita)
    for year in (str(LAST_YEAR + 1), "abc", "1900"):
        response = client.get("/r/regio-limburg/", {"year": year})
        assert response.status_code == 200
        page = response.content.decode()
        assert 'class="error-summary' in page and "<table" not in page
    export = client.get("/r/regio-limburg/export.xlsx", {"year": "abc"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/html")


def test_the_export_is_the_same_table_and_is_audited_for_every_sharing_service(
    both_share, zuid, noord, registrations, rita, client_of
):
    client = client_of(rita)
    response = client.get("/r/regio-limburg/export.xlsx", {"year": LAST_YEAR})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[2]
    sint_truiden = next(r for r in rows if r[1] == SINT_TRUIDEN)
    gingelom = next(r for r in rows if r[1] == GINGELOM)
    # Sint-Truiden: 18 about sleep (of both services) and 2 about bullying: both hidden, the row's 20 shown.
    assert sint_truiden[header.index("Pesten")] == "x" and sint_truiden[header.index("Slapen")] == "x"
    assert sint_truiden[header.index("Totaal contacten")] == 20
    assert gingelom[header.index("Slapen")] == 7
    numbers = [v for r in rows[3:] for v in r[2:] if isinstance(v, int)]
    assert numbers and all(n == 0 or n >= K for n in numbers)
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT)
    assert {e.organisation for e in exports} == {zuid, noord}
    assert all(e.actor == rita.user and e.detail["region"] == "regio-limburg" for e in exports)

    text = client.get("/r/regio-limburg/export.csv", {"year": LAST_YEAR}).content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert next(r for r in lines if len(r) > 1 and r[1] == GINGELOM)[header.index("Slapen")] == "7"


# Who sees what -----------------------------------------------------------------------------------


def test_a_user_of_another_region_gets_404(both_share, antwerpen, rita, bert, client_of):
    assert client_of(bert).get("/r/regio-limburg/").status_code == 404
    assert client_of(bert).get("/r/regio-limburg/export.csv").status_code == 404
    assert client_of(rita).get("/r/regio-antwerpen/").status_code == 404
    assert client_of(rita).get("/r/regio-nergens/").status_code == 404


def test_a_coordinator_of_a_sharing_service_is_no_region_user_unless_given_the_role(
    both_share, ilse, client_for
):
    client = client_for(ilse)
    assert client.get("/r/regio-limburg/").status_code == 404
    assert client.get("/r/regio-limburg/export.xlsx").status_code == 404
    services.add_region_member(both_share, email=ilse.user.email, role="coordinator")
    assert client.get("/r/regio-limburg/").status_code == 200


def test_without_login_the_regional_view_asks_to_log_in(both_share, client):
    response = client.get("/r/regio-limburg/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_region_user_who_is_made_inactive_gets_404(both_share, rita, client_of):
    RegionMember.objects.filter(pk=rita.pk).update(is_active=False)
    assert client_of(rita).get("/r/regio-limburg/").status_code == 404


def test_the_start_page_shows_rita_her_region(both_share, rita, client_of):
    page = client_of(rita).get("/").content.decode()
    assert 'href="/r/regio-limburg/"' in page


def test_region_users_need_two_step_login_like_funders(rita, bert):
    assert mfa.must_use_mfa(rita.user) and mfa.must_use_mfa(bert.user)
    assert mfa.mfa_status(rita.user) is mfa.MFAStatus.GRACE


# Making regions ----------------------------------------------------------------------------------


def test_create_region_makes_the_region_and_the_account_and_prints_a_link(db, capsys, settings):
    settings.SITE_URL = "https://opvoedwijzer.example"
    call_command("create_region", "regio-kempen", "--name", "Regio Kempen", "--member", "Karel@Kempen.test")
    out = capsys.readouterr().out.strip().splitlines()
    region = Region.objects.get(slug="regio-kempen")
    member = RegionMember.objects.get(region=region)
    assert (
        region.name == "Regio Kempen" and member.user.email == "karel@kempen.test" and member.role == "funder"
    )
    assert not member.user.has_usable_password()
    assert out[-1].startswith(
        "Set a password for karel@kempen.test: https://opvoedwijzer.example/accounts/password/reset/key/"
    )
    # Again: nothing doubles; a new name is taken.
    call_command(
        "create_region", "regio-kempen", "--name", "Regio Kempen-Noord", "--member", "karel@kempen.test"
    )
    assert Region.objects.get().name == "Regio Kempen-Noord" and RegionMember.objects.count() == 1


def test_the_set_password_link_works(db, capsys, client):
    call_command("create_region", "regio-kempen", "--name", "Regio Kempen", "--member", "karel@kempen.test")
    link = capsys.readouterr().out.strip().splitlines()[-1].split(": ", 1)[1]
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and 'name="password1"' in page


@pytest.mark.parametrize(
    "args",
    [
        ["Regio Kempen!", "--name", "Kempen"],
        ["regio-kempen", "--name", " "],
        ["regio-kempen", "--name", "K", "--member", "geen-adres"],
    ],
)
def test_create_region_refuses_bad_input_and_writes_nothing(db, args):
    with pytest.raises(CommandError):
        call_command("create_region", *args)
    assert not Region.objects.exists()


def test_the_demo_region_is_seeded_once_over_both_services(zuid, noord, ilse):
    email = seed_region("demo-wachtwoord-2026")
    seed_region("demo-wachtwoord-2026")
    region = Region.objects.get(slug="regio-limburg")
    assert set(
        RegionShare.objects.agreed().filter(region=region).values_list("organisation__slug", flat=True)
    ) == {
        "zuid-limburg",
        "noord-limburg",
    }
    member = RegionMember.objects.get(region=region)
    assert member.user.email == email == "funder@regio-limburg.demo" and member.user.check_password(
        "demo-wachtwoord-2026"
    )
    assert AuditEvent.objects.filter(action=AuditAction.REGION_AGREED).count() == 2
