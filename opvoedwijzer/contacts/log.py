"""The conversation log: a phone-first page on which a volunteer (or staff) registers conversations and
counts an outreach tally, also without a connection.

Without JavaScript the form posts here and registers at once (source "log"). With it (static/js/log.js)
every conversation and every tally tap goes into the browser's queue (IndexedDB) with an id of its own,
and is sent to POST /api/v1/contacts as soon as the connection allows: the id makes a repeated send
harmless. The page is an installable web app: a manifest, and a service worker that keeps the page and
its static files for when there is no connection (only in a secure context: https, or localhost)."""

import hashlib
import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import themes_by_group

from . import services
from .forms import LogForm
from .models import Source
from .views import saved_line

# What the page needs besides itself: the service worker keeps these for when there is no connection.
STATIC_FILES = ["css/app.css", "vendor/htmx.min.js", "js/app.js", "js/log.js", "img/log-icon.svg"]
THEME_COLOUR = "#0b5c53"
# The log page marked so may be kept for use offline (the whole site is no-store otherwise: a copy of a
# page that shows what was just registered is not kept).
KEEP_HEADER = "X-Offline-Copy"


@member_may("can_register")
def log(request):
    membership = request.membership
    org = membership.organisation
    form = LogForm(org, request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        contact = services.register_contact(
            membership, form.cleaned_data, source=Source.LOG, pii_confirmations=form.pii_confirmations
        )
        messages.success(
            request,
            _("Registered: %(values)s") % {"values": saved_line(form.cleaned_data)},
            extra_tags="registered",
        )
        if request.POST.get("then") == "refer":
            return redirect("socialmap:refer", org=org.slug, contact_pk=contact.pk)
        return redirect("contacts:log", org=org.slug)
    terms = terms_of(org)
    # Kept by the service worker only as it is in general: not with a confirmation line or errors.
    keep = request.method == "GET" and not len(messages.get_messages(request))
    response = render(
        request,
        "contacts/log.html",
        {
            "form": form,
            "tally_form": LogForm(org, prefix="tally"),
            "tally_themes": themes_by_group(terms.visible("theme")),
            "tally_defaults": _tally_defaults(terms),
            "log_strings": log_strings(form),
        },
    )
    if keep:
        response[KEEP_HEADER] = "1"
    return response


def log_strings(form):
    """The words static/js/log.js shows, in the page's language; {n} is a number, {fields} a list."""
    labels = {name: str(field.label) for name, field in form.fields.items()}
    labels["themes"] = labels["main_theme"]  # the API names the main theme as the first of `themes`
    return {
        "labels": labels,
        "waiting": [
            ngettext("{n} waiting to be sent", "{n} waiting to be sent", 1),
            ngettext("{n} waiting to be sent", "{n} waiting to be sent", 2),
        ],
        "all_sent": _("All sent: nothing is waiting on this phone."),
        "log_in": [
            ngettext(
                "Log in again to send {n} waiting conversation.",
                "Log in again to send {n} waiting conversations.",
                1,
            ),
            ngettext(
                "Log in again to send {n} waiting conversation.",
                "Log in again to send {n} waiting conversations.",
                2,
            ),
        ],
        "log_in_link": _("Log in"),
        "sending": _("Sending…"),
        "offline": _("No connection: it waits on this phone and is sent when the connection is back."),
        "saved": _("Saved on this phone: {what}."),
        "sent": [
            ngettext("{n} conversation sent.", "{n} conversations sent.", 1),
            ngettext("{n} conversation sent.", "{n} conversations sent.", 2),
        ],
        "refused": _("Not accepted:"),
        "correct": _("Correct in the form"),
        "correcting": _(
            "Correct what was not accepted and register again: it is sent at once, so a connection is needed."
        ),
        "delete": _("Delete"),
        "deleted": _("Deleted from this phone: {what}."),
        "missing": _("Still to fill in: {fields}."),
        "no_storage": _("This browser cannot keep conversations: the form is sent at once instead."),
    }


def _tally_defaults(terms):
    """What a tally tap sends besides its theme, municipality and place (the tally's own defaults)."""
    outreach = terms.get("channel", "outreach") or terms.get("channel", "in_person")
    return json.dumps(
        {
            "channel": outreach.code if outreach else "",
            "asker_role": "mother",
            "request_kind": "parenting",
            "offers": ["info"],
            "duration": "lt5",
        }
    )


@member_may("can_register")
def manifest(request):
    org = request.organisation
    start = reverse("contacts:log", kwargs={"org": org.slug})
    body = {
        "name": _("Conversation log · %(organisation)s") % {"organisation": org.name},
        "short_name": _("Conversation log"),
        "description": _("Register conversations and outreach tallies, also without a connection."),
        "start_url": start,
        "scope": start,
        "id": start,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "lang": request.LANGUAGE_CODE,
        "icons": [
            {"src": static("img/log-icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
        ],
    }
    return HttpResponse(json.dumps(body), content_type="application/manifest+json")


@cache_control(no_cache=True)
@member_may("can_register")
def service_worker(request):
    """The service worker, as a script from the log's own folder (so its scope is the log page). The
    browser checks it for changes on every visit (no-cache); a new version names a new cache."""
    org = request.organisation
    page = reverse("contacts:log", kwargs={"org": org.slug})
    files = [static(name) for name in STATIC_FILES]
    response = render(
        request,
        "contacts/log_sw.js",
        {
            "page": json.dumps(page),
            "files": json.dumps(files),
            "version": json.dumps(_version(files)),
            "keep_header": json.dumps(KEEP_HEADER),
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = page
    return response


def _version(files):
    """A cache name that changes when a static file does (its hashed name) or the worker's code does."""
    source = get_template("contacts/log_sw.js").template.source
    return hashlib.sha256(json.dumps([files, source]).encode()).hexdigest()[:12]
