"""`create_organisation` makes a new service ready for its coordinator; every other way of making an
organisation (Django admin, demo data) gives it the same defaults."""

import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Invitation, Membership, Organisation, Role, User
from opvoedwijzer.core.services import invite_member
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme, ThemeGroup
from tests.factories import PASSWORD, make_member

from .conftest import GENK, HANNE, HASSELT, choose_password, register_a_contact


def create(
    slug="opvoedingswinkel-hasselt",
    name="Opvoedingswinkel Hasselt",
    codes=f"{HASSELT},{GENK}",
    email=HANNE,
    *more,
):
    out = io.StringIO()
    call_command(
        "create_organisation",
        slug,
        "--name",
        name,
        "--municipalities",
        codes,
        "--coordinator",
        email,
        *more,
        stdout=out,
    )
    return out.getvalue().splitlines()


def written():
    return (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Invitation.objects.count(),
        Theme.objects.count(),
    )


def test_the_command_makes_the_organisation_with_every_default_term_and_its_municipalities(places):
    create()
    org = Organisation.objects.get(slug="opvoedingswinkel-hasselt")
    assert org.name == "Opvoedingswinkel Hasselt"
    assert sorted(org.municipalities.values_list("code", flat=True)) == sorted([HASSELT, GENK])
    codes = lambda model: list(model.objects.for_org(org).values_list("code", flat=True))  # noqa: E731
    assert codes(Channel) == [c[0] for c in defaults.CHANNELS]
    assert codes(AskerRole) == [c[0] for c in defaults.ASKER_ROLES]
    assert codes(OfferType) == [c[0] for c in defaults.OFFERS]
    assert codes(LifeStage) == [c[0] for c in defaults.LIFE_STAGES]
    assert codes(ThemeGroup) == [g[0] for g in defaults.THEMES]
    assert sorted(codes(Theme)) == sorted(t[0] for g in defaults.THEMES for t in g[3])


def test_the_coordinator_has_an_account_without_a_password_and_a_coordinator_membership(places):
    create()
    hanne = User.objects.get(email=HANNE)
    assert not hanne.has_usable_password()
    membership = Membership.objects.get(user=hanne)
    assert (membership.organisation.slug, membership.role, membership.is_active) == (
        "opvoedingswinkel-hasselt",
        Role.COORDINATOR,
        True,
    )


def test_the_last_line_is_the_link_where_the_coordinator_chooses_a_password(places, client):
    lines = create()
    link = lines[-1]
    assert re.fullmatch(re.escape(settings.SITE_URL.rstrip("/")) + r"/invite/[\w-]+/", link)

    chosen = choose_password(client, link)
    assert chosen.status_code == 302
    assert chosen.url == "/o/opvoedingswinkel-hasselt/"
    hanne = User.objects.get(email=HANNE)
    assert hanne.check_password("Opvoeden-in-Hasselt-26")
    assert Client().login(email=HANNE, password="Opvoeden-in-Hasselt-26")
    home = client.get("/o/opvoedingswinkel-hasselt/").content.decode()
    assert "/accounts/2fa/" in home, "like every coordinator, she is asked to set up two-step login"
    assert Invitation.objects.get().accepted_at is not None
    assert client.get("/" + link.split("/", 3)[3]).status_code in (302, 404), "the link works once"


def test_the_new_coordinator_registers_a_contact_right_away(places, client):
    choose_password(client, create()[-1])
    assert register_a_contact(client, "opvoedingswinkel-hasselt", GENK).status_code == 302
    contact = Contact.objects.get()
    assert (contact.organisation.slug, contact.municipality.code) == ("opvoedingswinkel-hasselt", GENK)


def test_an_api_token_can_then_be_made_for_the_coordinator(places, client):
    choose_password(client, create()[-1])
    out = io.StringIO()
    call_command("create_api_token", HANNE, stdout=out, stderr=io.StringIO())
    raw = out.getvalue().splitlines()[-1]
    response = Client().get("/api/v1/taxonomy", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert {t["code"] for t in response.json()["channel"]} == {c[0] for c in defaults.CHANNELS}


@pytest.mark.parametrize(
    "slug, codes, email, says",
    [
        ("opvoedingswinkel-hasselt", f"{HASSELT},99999", HANNE, "99999"),
        ("opvoedingswinkel-hasselt", "GM9999", HANNE, "GM9999"),
        ("Opvoedingswinkel Hasselt!", HASSELT, HANNE, "Opvoedingswinkel Hasselt!"),
        ("admin", HASSELT, HANNE, "admin"),
        ("o", HASSELT, HANNE, "“o”"),
        ("site-admin", HASSELT, HANNE, "site-admin"),
        ("static", HASSELT, HANNE, "static"),
        ("opvoedingswinkel-hasselt", HASSELT, "hanne-at-hasselt", "@"),
    ],
    ids=["unknown-code", "unknown-cbs-code", "bad-slug", "admin", "o", "site-admin", "static", "bad-email"],
)
def test_bad_input_is_a_clear_error_and_nothing_is_written(places, slug, codes, email, says):
    before = written()
    with pytest.raises(CommandError) as refused:
        create(slug, "Opvoedingswinkel Hasselt", codes, email)
    assert says in str(refused.value)
    assert written() == before
    assert not mail.outbox


def test_only_the_unknown_code_is_named(places):
    with pytest.raises(CommandError) as refused:
        create(codes=f"{HASSELT},12345,{GENK}")
    assert "12345" in str(refused.value)
    assert HASSELT not in str(refused.value) and GENK not in str(refused.value)


def test_an_existing_slug_is_refused(zuid, places):
    before = written()
    with pytest.raises(CommandError) as refused:
        create(slug="zuid-limburg")
    assert "zuid-limburg" in str(refused.value)
    assert written() == before


def test_running_the_command_again_duplicates_nothing(places):
    create()
    after_first = written()
    with pytest.raises(CommandError):
        create()
    assert written() == after_first == (1, 1, 1, 1, sum(len(g[3]) for g in defaults.THEMES))


def test_someone_with_an_account_becomes_coordinator_and_gets_the_login_link(places, ilse):
    lines = create(email=ilse.user.email)
    assert lines[-1] == settings.SITE_URL.rstrip("/") + "/accounts/login/"
    assert not Invitation.objects.filter(organisation__slug="opvoedingswinkel-hasselt").exists()
    assert ilse.user.check_password(PASSWORD), "her password is left alone"
    assert Membership.objects.get(
        user=ilse.user, organisation__slug="opvoedingswinkel-hasselt"
    ).is_coordinator


def test_an_invitation_link_never_opens_an_existing_account(ilse, noord, client):
    """Whoever holds the link of an invitation for someone who already has a password must log in
    as them (with their second factor) first; the link alone opens nothing."""
    tokens = []
    invitation = invite_member(
        noord, email=ilse.user.email, role=Role.STAFF, invited_by=None, build_url=lambda t: tokens.append(t)
    )
    link = tokens[0]
    response = client.post(
        f"/invite/{link}/", {"new_password1": "Iets-anders-2026", "new_password2": "Iets-anders-2026"}
    )
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert not Membership.objects.filter(user=ilse.user, organisation=noord).exists()
    assert "_auth_user_id" not in client.session
    ilse.user.refresh_from_db()
    assert ilse.user.check_password(PASSWORD)
    client.force_login(ilse.user)
    assert client.post(f"/invite/{link}/").status_code == 302
    assert Membership.objects.get(user=ilse.user, organisation=noord).role == Role.STAFF
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_with_send_mail_the_coordinator_gets_the_link_by_email(places):
    lines = create("opvoedingswinkel-hasselt", "Opvoedingswinkel Hasselt", HASSELT, HANNE, "--send-mail")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [HANNE]
    assert lines[-1] in mail.outbox[0].body


# The other ways an organisation is made get the same defaults.


def test_an_organisation_added_in_the_django_admin_gets_its_taxonomy_and_can_register(sofie, places):
    admin = Client()
    admin.force_login(sofie)
    response = admin.post(
        "/admin/core/organisation/add/",
        {
            "slug": "cjg-genk",
            "name": "CJG Genk",
            "municipalities": [places[0].pk],
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    org = Organisation.objects.get(slug="cjg-genk")
    assert Theme.objects.for_org(org).count() == sum(len(g[3]) for g in defaults.THEMES)
    coordinator = make_member(org, "jan@genk.test", Role.COORDINATOR)
    client = Client()
    client.force_login(coordinator.user)
    assert register_a_contact(client, "cjg-genk", places[0].code).status_code == 302
    assert Contact.objects.filter(organisation=org).count() == 1


@pytest.mark.parametrize("slug", ["admin", "api", "o", "site-admin"])
def test_the_django_admin_refuses_a_reserved_slug(sofie, places, slug):
    admin = Client()
    admin.force_login(sofie)
    response = admin.post(
        "/admin/core/organisation/add/",
        {
            "slug": slug,
            "name": "Verkeerd",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Organisation.objects.filter(slug=slug).exists()


def test_the_demo_organisations_get_their_defaults_and_can_register(db, django_capture_on_commit_callbacks):
    call_command("seed_demo", stdout=io.StringIO())
    for slug in ("zuid-limburg", "noord-limburg"):
        org = Organisation.objects.get(slug=slug)
        assert Channel.objects.for_org(org).count() == len(defaults.CHANNELS)
        member = Membership.objects.filter(organisation=org, role__in=[Role.STAFF, Role.COORDINATOR]).first()
        client = Client()
        client.force_login(member.user)
        before = Contact.objects.filter(organisation=org).count()
        served = org.municipalities.first().code
        assert register_a_contact(client, slug, served).status_code == 302
        assert Contact.objects.filter(organisation=org).count() == before + 1


# A Dutch CJG, and the areas of other organisations.


def amsterdam():
    from opvoedwijzer.core.models import Municipality, PostalCode

    town = Municipality.objects.get(code="GM0363")  # the shipped Dutch list (migration 0009)
    PostalCode.objects.create(code="1012", municipality=town)
    return town


def test_a_dutch_cjg_is_made_with_its_cbs_code(places):
    amsterdam()
    create(slug="cjg-amsterdam", name="CJG Amsterdam", codes="gm0363")
    org = Organisation.objects.get(slug="cjg-amsterdam")
    assert list(org.municipalities.values_list("code", flat=True)) == ["GM0363"]


def test_another_organisations_own_area_is_an_unknown_code(zuid, places):
    from opvoedwijzer.core.models import Municipality

    Municipality.objects.create(country="BE", code="WIJK-NOORD", name_nl="Wijk Noord", organisation=zuid)
    with pytest.raises(CommandError) as refused:
        create(codes=f"{HASSELT},WIJK-NOORD")
    assert "WIJK-NOORD" in str(refused.value)
    assert not Organisation.objects.filter(slug="opvoedingswinkel-hasselt").exists()


def test_every_fixed_top_level_path_is_reserved():
    from django.urls import get_resolver

    from opvoedwijzer.core.services import reserved_slugs

    reserved = reserved_slugs()
    fixed = {str(p.pattern).split("/")[0] for p in get_resolver().url_patterns} - {"", "<slug:slug>"}
    fixed = {f for f in fixed if not f.startswith("<")}
    assert {"admin", "api", "accounts", "o", "site-admin", "profile", "invite", "static"} <= reserved
    assert fixed <= reserved


def test_the_demo_datas_create_organisation_refuses_a_reserved_slug_too(db):
    from django.core.exceptions import ValidationError

    from opvoedwijzer.core.services import create_organisation

    with pytest.raises(ValidationError):
        create_organisation(slug="profile", name="Profiel")
    assert not Organisation.objects.exists()
