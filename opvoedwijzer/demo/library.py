"""Demo library (used by `manage.py seed_demo`): every library screen has something on it.

Books and a game with copies — some on the shelf, two out, one of them overdue, one back already —
a title with every copy out and a reservation waiting, folders and brochures with a stock and
hand-outs over the last fourteen months (the overview's "Folders and brochures handed out"), an article
written here, a website, one title for professionals and one in Arabic. Titles are made up; authors
are organisations; a borrower's contact is an address at example.org.

Everything goes through `services` (create_resource, add_copy, lend_copy, return_copy, reserve,
hand_out). The services stamp today (lent_on, returned_on, reserved_on, given_on); those are set back
afterwards to when it would have happened, relative to today, so the demo never goes stale. A title
that exists already (by title, in this organisation) is left alone: seeding again changes nothing.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from opvoedwijzer.library import services
from opvoedwijzer.library.models import Audience, Handout, Loan, Reservation, Resource
from opvoedwijzer.taxonomy.models import LifeStage, Theme

from .files import read_json, read_text

# The titles in `data/library.json`: kind, fields, theme and life-stage codes, and what happens to each:
# loans as [lent days ago, due in days from today, returned days ago or null], one per copy; reservations
# as days ago; hand-outs as [days ago, count]. An article's text is a Markdown file beside it
# ("body_file").
LIBRARY = read_json("library.json")


def _prefix(org):
    return "".join(part[0] for part in org.slug.split("-")).upper()


def seed_library(org, today=None):
    """Load the demo library into `org`; returns the titles it added (none when all were there)."""
    today = today or timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    stages = {s.code: s for s in LifeStage.objects.for_org(org)}
    existing = set(Resource.objects.for_org(org).values_list("title", flat=True))
    added, borrower = [], 0
    for n, spec in enumerate(LIBRARY, start=1):
        if spec["title"] in existing:
            continue
        data = {
            "kind": spec["kind"],
            "title": spec["title"],
            "author": spec.get("author", ""),
            "description": spec.get("description", ""),
            "url": spec.get("url", ""),
            "body": read_text(spec["body_file"]) if "body_file" in spec else "",
            "language": spec.get("language", "nl"),
            "audience": spec.get("audience", Audience.PARENTS),
            "published": True,
            "stock": spec.get("stock"),
            "translations": spec.get("translations", {}),
            "themes": [themes[c] for c in spec["themes"] if c in themes],
            "life_stages": [stages[c] for c in spec["life_stages"] if c in stages],
        }
        resource = services.create_resource(org, data)
        copies = [
            services.add_copy(resource, f"{_prefix(org)}-{n:03}-{i}")
            for i in range(1, spec.get("copies", 0) + 1)
        ]
        for copy, (lent_ago, due_in, returned_ago) in zip(copies, spec.get("loans", []), strict=False):
            borrower += 1
            loan = services.lend_copy(
                copy, f"lener-{borrower}@example.org", due_on=today + datetime.timedelta(days=due_in)
            )
            Loan.objects.filter(pk=loan.pk).update(lent_on=ago(lent_ago))
            if returned_ago is not None:
                services.return_copy(loan)
                back = ago(returned_ago)
                purge_on = back + datetime.timedelta(days=settings.RETENTION_DAYS["library_contact"])
                Loan.objects.filter(pk=loan.pk).update(returned_on=back, contact_purge_on=purge_on)
        for reserved_ago in spec.get("reservations", []):
            borrower += 1
            reservation = services.reserve(resource, f"lener-{borrower}@example.org")
            Reservation.objects.filter(pk=reservation.pk).update(reserved_on=ago(reserved_ago))
        for given_ago, count in spec.get("handouts", []):
            services.hand_out(resource, count)
            Handout.objects.filter(resource=resource, given_on=today).update(given_on=ago(given_ago))
        added.append(resource.title)
    return added
