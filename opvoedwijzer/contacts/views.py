"""Staff screens for registering contacts (M1) and outreach tallies (M2)."""

import time
from contextlib import contextmanager

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import is_htmx, member_may
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import Theme

from . import services
from .forms import ContactForm, TallySettingsForm
from .models import CONTACT_LANGUAGES, Area, Contact

UNDO_SESSION_KEY = "undo_contact"


def _last_channel(membership):
    last = (
        Contact.objects.for_org(membership.organisation)
        .by_author(membership.user)
        .order_by("-id")
        .values_list("channel__code", flat=True)
        .first()
    )
    return last


def _recent(membership, limit=10):
    return (
        Contact.objects.for_org(membership.organisation)
        .by_author(membership.user)
        .with_details()
        .with_editable(membership)
        .order_by("-id")[:limit]
    )


def _undo_offer(request):
    """The contact that may still be undone from this session, if its short window is open."""
    offer = request.session.get(UNDO_SESSION_KEY)
    if offer and offer["expires"] > time.time():
        return offer["id"]
    return None


@contextmanager
def gone_is_404():
    """A contact deleted by a simultaneous request (a double click) is 'not found', not an error."""
    try:
        yield
    except Contact.DoesNotExist:
        raise Http404("This registration no longer exists.") from None


@member_may("can_register")
def register(request):
    membership = request.membership
    if request.method == "POST":
        form = ContactForm(membership.organisation, request.POST, user=request.user)
        if form.is_valid():
            contact = services.register_contact(
                membership, form.cleaned_data, pii_confirmations=form.pii_confirmations
            )
            request.session[UNDO_SESSION_KEY] = {
                "id": contact.pk,
                "expires": time.time() + settings.CONTACT_UNDO_SECONDS,
            }
            messages.success(
                request,
                _("Registered: %(values)s") % {"values": saved_line(form.cleaned_data)},
                extra_tags="registered",
            )
            if request.POST.get("then") == "refer":
                return redirect("socialmap:refer", org=membership.organisation.slug, contact_pk=contact.pk)
            return redirect("contacts:register", org=membership.organisation.slug)
    else:
        form = ContactForm(membership.organisation, last_channel=_last_channel(membership))
    return render(
        request,
        "contacts/register.html",
        {
            "form": form,
            "recent": _recent(membership),
            "undo_id": _undo_offer(request),
        },
    )


def saved_line(data):
    """Every value of a registration in one line, for the confirmation ("Telefoon · Moeder ·
    Sint-Truiden · Lagere school · Pesten · Informatie · 5–15 min"): nothing is stored unseen."""
    place = data["municipality"]
    place = place.name if hasattr(place, "name") else Area(place).label
    themes = [data["main_theme"], *(t for t in data.get("themes") or [] if t != data["main_theme"])]
    parts = [
        data["channel"].label,
        data["asker_role"].label,
        place,
        ", ".join(t.label for t in data.get("life_stages") or []),
        ", ".join(t.label for t in themes),
        ", ".join(t.label for t in data.get("offers") or []),
        defaults.label("request_kind", data["request_kind"]),
        defaults.label("duration", data["duration"]),
    ]
    if data["date"] != timezone.localdate():
        parts.append(data["date"].strftime("%d-%m-%Y"))
    if data.get("language"):
        parts.append(dict(CONTACT_LANGUAGES).get(data["language"], data["language"]))
    if data.get("note"):
        parts.append(_("note: %(note)s") % {"note": data["note"]})
    return " · ".join(str(p) for p in parts if p)


@member_may("can_register")
@require_POST
def undo(request, pk):
    """Take back the contact just registered (only the one offered for undo, only briefly)."""
    if _undo_offer(request) != pk:
        messages.error(
            request,
            _("This registration can no longer be undone here. Use 'delete' in your recent registrations."),
        )
    else:
        contact = get_object_or_404(Contact.objects.editable_by(request.membership), pk=pk)
        with gone_is_404():
            services.delete_contact(contact)
        request.session.pop(UNDO_SESSION_KEY, None)
        messages.success(request, _("The registration was undone."))
    return redirect("contacts:register", org=request.organisation.slug)


@member_may("can_register")
def recent(request):
    membership = request.membership
    qs = Contact.objects.for_org(membership.organisation).for_listing()
    mine_only = not membership.is_coordinator or request.GET.get("all") != "1"
    if mine_only:
        qs = qs.by_author(membership.user)
    qs = qs.with_editable(membership)
    page = Paginator(qs.order_by("-date", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "contacts/recent.html",
        {
            "page": page,
            "mine_only": mine_only,
            "show_author": not mine_only,
            "edit_days": settings.CONTACT_EDIT_DAYS,
        },
    )


@member_may("can_register")
def edit(request, pk):
    membership = request.membership
    contact = get_object_or_404(Contact.objects.editable_by(membership).with_details(), pk=pk)
    form = ContactForm(membership.organisation, request.POST or None, contact=contact, user=request.user)
    if request.method == "POST" and form.is_valid():
        with gone_is_404():
            services.update_contact(contact, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("Registration #%(id)s saved.") % {"id": contact.pk})
        return redirect("contacts:recent", org=membership.organisation.slug)
    return render(request, "contacts/edit.html", {"form": form, "contact": contact})


@member_may("can_register")
def delete(request, pk):
    contact = get_object_or_404(Contact.objects.editable_by(request.membership).with_details(), pk=pk)
    if request.method == "POST":
        with gone_is_404():
            services.delete_contact(contact)
        messages.success(request, _("Registration #%(id)s deleted.") % {"id": pk})
        return redirect("contacts:recent", org=request.organisation.slug)
    return render(request, "contacts/delete.html", {"contact": contact})


@member_may("can_register")
def tally(request):
    """Outreach tally: choose the shared settings once, then one press per contact and theme.

    Each press is a POST that stores one anonymous contact at once, so nothing is lost when the
    phone's connection or battery fails; the settings travel in the URL and in hidden fields.
    """
    membership = request.membership
    org = membership.organisation
    source = request.POST if request.method == "POST" else request.GET
    settings_form = TallySettingsForm(org, source if "date" in source else None, user=request.user)
    if _place_confirmed(source):
        settings_form.pii_guarded_fields = ()  # checked, and confirmed, when the tally started
    if not settings_form.is_bound or not settings_form.is_valid() or "change" in source:
        return render(request, "contacts/tally_start.html", {"form": settings_form})
    data = settings_form.cleaned_data
    raw_place = (source.get("place") or "").strip()
    if data["place"] != raw_place or source.get("place_pii_reason"):
        # The PII guard replaced the place, or staff confirmed it: go on with a clean URL, in
        # which a signature says the place was confirmed (so a tap is not audited again).
        query = source.copy()
        query["place"] = data["place"]
        for key in ("place_pii_redact", "place_pii_reason", "csrfmiddlewaretoken", "add", "remove"):
            query.pop(key, None)
        if data["place"] == raw_place:
            query["place_ok"] = signing.dumps(raw_place, salt=PLACE_SALT)
            services.confirm_tally_place(pii_confirmations=settings_form.pii_confirmations)
        return redirect(f"{reverse('contacts:tally', kwargs={'org': org.slug})}?{query.urlencode()}")
    themes = list(Theme.objects.for_org(org).visible().select_related("group"))
    if request.method == "POST":
        code = request.POST.get("add") or request.POST.get("remove")
        theme = next((t for t in themes if t.code == code), None)
        if theme is None:
            messages.error(request, _("Choose a theme to count."))
        elif "remove" in request.POST:
            services.remove_tally_count(membership, data, theme)
        else:
            services.add_tally_count(membership, data, theme)
        if not is_htmx(request):
            # Back to the button that was pressed, so a phone without JavaScript keeps its place.
            url = reverse("contacts:tally", kwargs={"org": org.slug})
            anchor = f"#{'remove' if 'remove' in request.POST else 'add'}-{code}" if theme else ""
            return redirect(f"{url}?{settings_form_querystring(request.POST)}{anchor}")
    counts = dict(
        services.tally_contacts(membership, data)
        .filter(contact_themes__is_main=True)
        .values_list("contact_themes__theme__code")
        .annotate(n=Count("id"))
    )
    for t in themes:
        t.count = counts.get(t.code, 0)
    context = {
        "form": settings_form,
        "themes": themes,
        "total": sum(counts.values()),
        "query": settings_form_querystring(source),
    }
    if is_htmx(request):
        return render(request, "contacts/tally.html#counters", context)
    return render(request, "contacts/tally.html", context)


PLACE_SALT = "opvoedwijzer.tally.place-confirmed"


def _place_confirmed(source):
    try:
        return signing.loads(source.get("place_ok", ""), salt=PLACE_SALT) == source.get("place")
    except signing.BadSignature:
        return False


def settings_form_querystring(source):
    keep = source.copy()
    for key in ("csrfmiddlewaretoken", "add", "remove", "change"):
        keep.pop(key, None)
    return keep.urlencode()
