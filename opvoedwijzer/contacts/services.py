"""Writes on contacts: each a verb-first function in one transaction."""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.privacy.audit import record_pii_confirmations

from . import rollup
from .models import Area, Contact, ContactTheme, Source


def _apply(contact, data):
    """Copy validated form data (see ContactForm.cleaned_data) onto a contact's own fields."""
    municipality = data["municipality"]
    contact.date = data["date"]
    contact.channel = data["channel"]
    contact.asker_role = data["asker_role"]
    contact.area = Area.MUNICIPALITY if municipality not in (Area.OUTSIDE, Area.UNKNOWN) else municipality
    contact.municipality = municipality if contact.area == Area.MUNICIPALITY else None
    contact.request_kind = data["request_kind"]
    contact.duration = data["duration"]
    contact.language = data.get("language") or ""
    contact.note = data.get("note") or ""
    if "place" in data:
        contact.place = data.get("place") or ""


def _set_relations(contact, data):
    contact.life_stages.set(data.get("life_stages") or [])
    contact.offers.set(data.get("offers") or [])
    main = data["main_theme"]
    others = [t for t in (data.get("themes") or []) if t.pk != main.pk]
    ContactTheme.objects.filter(contact=contact).delete()
    ContactTheme.objects.bulk_create(
        [ContactTheme(contact=contact, theme=main, is_main=True)]
        + [ContactTheme(contact=contact, theme=t) for t in others]
    )


class ClientIdTaken(Exception):
    """The client id was used before by a contact of another organisation: that contact is none of the
    caller's business (not even that it exists)."""


@transaction.atomic
def register_contact(membership, data, *, source=Source.FORM, pii_confirmations=(), client_id=None):
    """Register one anonymous contact for the member's organisation, authored by the member.

    Six statements for a typical contact: the contact, its life stages, offers and themes, and the
    roll-up's rows (counted from the data in hand); and what staff confirmed is no personal data in
    the note (the form's `pii_confirmations`) in the audit log. `client_id` is the id a client made up
    for it (see register_contact_once); a second contact with the same one is an IntegrityError."""
    contact = Contact(
        organisation=membership.organisation,
        author=membership.user,
        source=source,
        registered_on=timezone.localdate(),
        by_volunteer=membership.is_volunteer,
        client_id=client_id,
    )
    _apply(contact, data)
    contact.save()
    main = data["main_theme"]
    themes = [main, *(t for t in dict.fromkeys(data.get("themes") or []) if t.pk != main.pk)]
    life_stages = list(dict.fromkeys(data.get("life_stages") or []))
    offers = list(dict.fromkeys(data.get("offers") or []))
    ContactTheme.objects.bulk_create(
        [ContactTheme(contact=contact, theme=t, is_main=t is main) for t in themes]
    )
    for name, column, terms in (("life_stages", "lifestage", life_stages), ("offers", "offertype", offers)):
        if terms:
            through = getattr(Contact, name).through
            through.objects.bulk_create([through(contact=contact, **{column: t}) for t in terms])
    rollup.apply_delta(rollup.counts_of_new(contact, themes, life_stages, offers))
    record_pii_confirmations(pii_confirmations)
    return contact


def register_contact_once(membership, data, *, client_id, source=Source.LOG, pii_confirmations=()):
    """Register a contact a client sends with an id of its own (a phone that sends again what it is not
    sure arrived): `(contact, True)` the first time, `(the contact stored then, False)` every time after,
    whatever the data (the first send wins). Two sends at the same moment store one contact: the
    database's unique client id refuses the second insert, which then reads the first (its own
    transaction, nothing counted in the roll-up, rolled back with it). ClientIdTaken when a contact of
    another organisation or another author has the id. Without `client_id`, it is register_contact."""
    if client_id is None:
        return register_contact(membership, data, source=source, pii_confirmations=pii_confirmations), True
    stored = _stored_with(membership, client_id)
    if stored is not None:
        return stored, False
    try:
        with transaction.atomic():
            contact = register_contact(
                membership, data, source=source, pii_confirmations=pii_confirmations, client_id=client_id
            )
    except IntegrityError:
        stored = _stored_with(membership, client_id)
        if stored is None:  # not a client id clash after all
            raise
        return stored, False
    return contact, True


def _stored_with(membership, client_id):
    stored = Contact.objects.filter(client_id=client_id).only("pk", "organisation_id", "author_id").first()
    if stored is None:
        return None
    if (stored.organisation_id, stored.author_id) != (membership.organisation_id, membership.user_id):
        raise ClientIdTaken(client_id)
    return stored


@transaction.atomic
def import_contacts(membership, rows, *, source=Source.IMPORT):
    """Register many past contacts at once, authored by the member (an import of registrations kept
    elsewhere before): `rows` are validated data as ContactForm.cleaned_data gives it. One transaction:
    the contacts (multi-row INSERT … RETURNING id, as bulk_create does), their themes, life stages and
    offers as plain multi-row inserts (model objects and Django's per-value SQL compilation cost two
    thirds of an import of 100,000 contacts), and the roll-up's rows counted in SQL over just these
    contacts (`rollup.add_contacts`). Imports into one organisation take turns (its
    row is locked), so that the contacts counted are exactly these. A past contact's `registered_on` is
    its own date (the day it was registered, as far as we know): its note expires with the notes of its
    time. Returns the number of contacts written."""
    org, user, today = membership.organisation, membership.user, timezone.localdate()
    if not rows:
        return 0
    source = Source(source).value  # the plain text: a database driver may write an Enum by its name
    Organisation.objects.select_for_update().filter(pk=org.pk).exists()
    ids = _insert_contacts(org, user, source, today, rows)
    themes_rows, stage_rows, offer_rows = [], [], []
    for contact_id, data in zip(ids, rows, strict=True):
        main = data["main_theme"]
        themes_rows.append((contact_id, main.pk, True))
        themes_rows += [
            (contact_id, pk, False)
            for pk in dict.fromkeys(t.pk for t in data.get("themes") or [])
            if pk != main.pk
        ]
        stage_rows += [(contact_id, pk) for pk in dict.fromkeys(t.pk for t in data.get("life_stages") or [])]
        offer_rows += [(contact_id, pk) for pk in dict.fromkeys(t.pk for t in data.get("offers") or [])]
    with connection.cursor() as cursor:
        for table, columns, values in (
            (ContactTheme._meta.db_table, "contact_id, theme_id, is_main", themes_rows),
            (Contact.life_stages.through._meta.db_table, "contact_id, lifestage_id", stage_rows),
            (Contact.offers.through._meta.db_table, "contact_id, offertype_id", offer_rows),
        ):
            if values:
                marks = ", ".join(["%s"] * len(values[0]))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
    rollup.add_contacts(
        "c.organisation_id = %s AND c.id BETWEEN %s AND %s AND c.source = %s AND c.author_id = %s",
        [org.pk, min(ids), max(ids), source, user.pk],
    )
    return len(ids)


_INSERT_COLUMNS = [
    "organisation_id", "author_id", "source", "registered_on", "date", "channel_id", "asker_role_id", "area",
    "municipality_id", "request_kind", "duration", "language", "note", "place", "by_volunteer",
]  # fmt: skip
_INSERT_CHUNK = 500  # rows per statement: 15 parameters each, under SQLite's and PostgreSQL's limits


def _insert_contacts(org, user, source, today, rows):
    """Insert the contacts of `rows` (validated data) with multi-row INSERT … RETURNING id, in order; their
    ids. What `Contact.objects.bulk_create` does, without a model object and a compiled value per field
    (at 100,000 contacts those took a third of the import)."""
    adapt = connection.ops.adapt_datefield_value
    values = []
    for data in rows:
        municipality = data["municipality"]
        area = municipality if municipality in (Area.OUTSIDE, Area.UNKNOWN) else Area.MUNICIPALITY
        values.append(
            (
                org.pk,
                user.pk,
                source,
                adapt(min(data["date"], today)),
                adapt(data["date"]),
                data["channel"].pk,
                data["asker_role"].pk,
                Area(area).value,
                municipality.pk if area == Area.MUNICIPALITY else None,
                data["request_kind"],
                data["duration"],
                data.get("language") or "",
                data.get("note") or "",
                data.get("place") or "",
                False,  # an import is a coordinator's history, not a volunteer's conversations
            )
        )
    table, columns = Contact._meta.db_table, ", ".join(_INSERT_COLUMNS)
    row_marks = "(" + ", ".join(["%s"] * len(_INSERT_COLUMNS)) + ")"
    ids = []
    with connection.cursor() as cursor:
        for first in range(0, len(values), _INSERT_CHUNK):
            chunk = values[first : first + _INSERT_CHUNK]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_marks] * len(chunk))} RETURNING id",
                [value for row in chunk for value in row],
            )
            ids += [row[0] for row in cursor.fetchall()]
    return ids


CONTACT_FIELDS = [
    "date",
    "channel",
    "asker_role",
    "area",
    "municipality",
    "request_kind",
    "duration",
    "language",
    "note",
    "place",
]


def lock_contact(contact):
    """Lock the contact's row until the transaction ends, so that simultaneous edits and deletes of it
    (a double click, a client's retry) take turns and the report counts stay exact. Raises
    Contact.DoesNotExist when it was deleted in the meantime."""
    if not Contact.objects.select_for_update().filter(pk=contact.pk).exists():
        raise Contact.DoesNotExist(f"Contact {contact.pk} was deleted.")


@transaction.atomic
def update_contact(contact, data, *, pii_confirmations=()):
    """Correct a contact (the caller checks it is still editable by this member)."""
    lock_contact(contact)
    with rollup.recounting(contact.pk):
        _apply(contact, data)
        contact.save(update_fields=CONTACT_FIELDS)
        _set_relations(contact, data)
    record_pii_confirmations(pii_confirmations)
    return contact


@transaction.atomic
def add_offer(contact, offer):
    """Give a contact one more offer (a referral's), its report counts kept: its row locked, then
    recounted."""
    Contact.objects.select_for_update().filter(pk=contact.pk).exists()
    with rollup.recounting(contact.pk):
        contact.offers.add(offer)


@transaction.atomic
def delete_contact(contact):
    """Delete a contact; Contact.DoesNotExist when it is gone already (deleted twice at once)."""
    lock_contact(contact)
    with rollup.recounting(contact.pk):
        contact.delete()


@transaction.atomic
def confirm_tally_place(*, pii_confirmations):
    """Staff confirmed, when the tally started, that its place is no personal data: in the audit log
    once (the counts that follow carry the place signed as confirmed, and are not audited again)."""
    record_pii_confirmations(pii_confirmations)


@transaction.atomic
def add_tally_count(membership, settings_data, theme):
    """One count on the outreach tally: one anonymous contact with the tally's settings."""
    data = dict(settings_data, main_theme=theme, themes=[], life_stages=[], note="")
    return register_contact(membership, data, source=Source.TALLY)


@transaction.atomic
def remove_tally_count(membership, settings_data, theme):
    """Take back the last count of a theme in this tally (the author's own, same settings)."""
    last = (
        tally_contacts(membership, settings_data)
        .filter(contact_themes__theme=theme, contact_themes__is_main=True)
        .order_by("-id")
        .first()
    )
    if last:
        delete_contact(last)
    return last


def tally_contacts(membership, settings_data):
    """The contacts counted on one tally: same author, day, place and municipality."""
    municipality = settings_data["municipality"]
    qs = Contact.objects.for_org(membership.organisation).filter(
        source=Source.TALLY,
        author=membership.user,
        date=settings_data["date"],
        place=settings_data.get("place") or "",
    )
    if municipality in (Area.OUTSIDE, Area.UNKNOWN):
        return qs.filter(area=municipality)
    return qs.filter(municipality=municipality)


# The report roll-up, for the apps that load contacts in bulk (demo data) or look after the roll-up
# (reports' commands and nightly check).


def add_to_rollup(where, params):
    """Count contacts inserted in bulk, past the writes above, into the roll-up: `where` a condition on
    contacts c with its `params` (rollup.add_contacts). Runs in the caller's transaction, as its insert."""
    rollup.add_contacts(where, params)


@transaction.atomic
def rebuild_rollup(organisation=None):
    """Recount the roll-up of one organisation (or all) from its contacts: after a bulk load, or to repair."""
    rollup.rebuild(organisation)


@transaction.atomic
def check_rollup(organisation=None, repair=True):
    """{organisation id: rows that differed} between the roll-up and a recount ({} when exact); with
    `repair`, add the differences. Safe while staff register (rollup.check)."""
    return rollup.check(organisation, repair=repair)
