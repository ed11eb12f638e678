"""Staff screens of the social map (M8): find, keep up to date, import, refer and follow up."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.decorators import is_htmx, member_may

from . import importers, services
from .forms import (
    ImportForm,
    LocationForm,
    MapOrganisationForm,
    OutcomeForm,
    ReferForm,
    SearchForm,
    ServiceForm,
)
from .models import Location, MapOrganisation, Outcome, Referral, Service
from .search import find_services

PAGE_SIZE = 20


def _search(request, org, data):
    form = SearchForm(org, data)
    criteria = form.criteria()
    results, understood = find_services(org, criteria)
    page = Paginator(results.for_cards(), PAGE_SIZE).get_page(request.GET.get("page"))
    mark_open(page)
    query = request.GET.copy()
    query.pop("page", None)
    return form, page, understood, query.urlencode()


def mark_open(services):
    now = timezone.localtime()
    for service in services:
        service.open_now = service.is_open_at(now)


@member_may("can_register")
def search(request):
    org = request.organisation
    form, page, understood, query = _search(request, org, request.GET or None)
    context = {
        "form": form,
        "page": page,
        "understood": understood,
        "query": query,
        "searched": bool(request.GET),
        "unchecked": Service.objects.for_org(org).unchecked_since(_a_year_ago()).count()
        if request.membership.can_edit_content
        else 0,
    }
    template = "socialmap/search.html#results" if is_htmx(request) else "socialmap/search.html"
    return render(request, template, context)


def _a_year_ago():
    today = timezone.localdate()
    return (
        today.replace(year=today.year - 1)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - 1, day=28)
    )


def _service(request, pk):
    qs = (
        Service.objects.for_org(request.organisation)
        .for_cards()
        .prefetch_related("contacts", "locations__phones")
    )
    return get_object_or_404(qs.select_related("checked_by"), pk=pk)


@member_may("can_register")
def service_detail(request, pk):
    service = _service(request, pk)
    referrals = service.referrals.aggregate(
        total=Count("id"),
        warm=Count("id", filter=Q(warm=True)),
        started=Count("id", filter=Q(outcome=Outcome.STARTED)),
    )
    return render(request, "socialmap/service.html", {"service": service, "referrals": referrals})


@member_may("can_edit_content")
def service_form(request, pk=None):
    org = request.organisation
    service = _service(request, pk) if pk else None
    initial = {}
    if service is None and request.GET.get("organisation"):
        initial["map_organisation"] = request.GET["organisation"]
    form = ServiceForm(org, request.POST or None, instance=service, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        if service is None:
            service = services.create_service(
                org, form.service_data(), pii_confirmations=form.pii_confirmations
            )
        else:
            service = services.update_service(
                service, form.service_data(), pii_confirmations=form.pii_confirmations
            )
        if request.POST.get("checked"):
            services.verify_service(service, request.user)
        messages.success(request, _("The service was saved."))
        return redirect("socialmap:service", org=org.slug, pk=service.pk)
    return render(request, "socialmap/service_form.html", {"form": form, "service": service})


@member_may("can_edit_content")
@require_POST
def service_verify(request, pk):
    service = _service(request, pk)
    services.verify_service(service, request.user)
    messages.success(request, _("Marked as checked today."))
    # Back to where the button was (a page of this site only); anything else goes to the service.
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, {request.get_host()}, request.is_secure()
    ):
        back = service_url(request, service)
    return HttpResponseRedirect(back)


@member_may("can_edit_content")
@require_POST
def service_retire(request, pk):
    service = _service(request, pk)
    if request.POST.get("undo"):
        services.reactivate_service(service, request.user)
        messages.success(request, _("The service is active again."))
    else:
        services.retire_service(service, request.user)
        messages.success(
            request, _("The service was retired: it is no longer found, its referrals are kept.")
        )
    return redirect(service_url(request, service))


def service_url(request, service):
    return reverse("socialmap:service", kwargs={"org": request.organisation.slug, "pk": service.pk})


@member_may("can_edit_content")
def unchecked(request):
    org = request.organisation
    qs = (
        Service.objects.for_org(org)
        .unchecked_since(_a_year_ago())
        .select_related("map_organisation", "checked_by")
        .order_by("last_checked_on", "name")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "socialmap/unchecked.html", {"page": page})


@member_may("can_register")
def organisations(request):
    org = request.organisation
    qs = MapOrganisation.objects.for_org(org).annotate(
        service_count=Count("services", filter=Q(services__retired_on__isnull=True))
    )
    partnership = request.GET.get("partnership")
    if partnership in ("structural", "adhoc"):
        qs = qs.filter(partnership=partnership)
    return render(request, "socialmap/organisations.html", {"organisations": qs, "partnership": partnership})


@member_may("can_register")
def organisation_detail(request, pk):
    org = request.organisation
    map_org = get_object_or_404(
        MapOrganisation.objects.for_org(org).prefetch_related(
            "phones", "locations__schedules", "locations__municipality"
        ),
        pk=pk,
    )
    return render(
        request,
        "socialmap/organisation.html",
        {"map_org": map_org, "services": map_org.services.order_by("retired_on", "name")},
    )


@member_may("can_edit_content")
def organisation_form(request, pk=None):
    org = request.organisation
    map_org = get_object_or_404(MapOrganisation.objects.for_org(org), pk=pk) if pk else None
    form = MapOrganisationForm(org, request.POST or None, instance=map_org)
    if request.method == "POST" and form.is_valid():
        if map_org is None:
            map_org = services.create_map_organisation(org, form.cleaned_data)
        else:
            map_org = services.update_map_organisation(map_org, form.cleaned_data)
        messages.success(request, _("The organisation was saved."))
        return redirect("socialmap:organisation", org=org.slug, pk=map_org.pk)
    return render(request, "socialmap/organisation_form.html", {"form": form, "map_org": map_org})


@member_may("can_edit_content")
def location_form(request, pk=None):
    org = request.organisation
    location = get_object_or_404(Location.objects.for_org(org), pk=pk) if pk else None
    initial = {"map_organisation": request.GET.get("organisation")} if location is None else {}
    form = LocationForm(org, request.POST or None, instance=location, initial=initial)
    if request.method == "POST" and form.is_valid():
        if location is None:
            location = services.create_location(org, form.cleaned_data)
        else:
            location = services.update_location(location, form.cleaned_data)
        messages.success(request, _("The location was saved."))
        return redirect("socialmap:organisation", org=org.slug, pk=location.map_organisation_id)
    return render(request, "socialmap/location_form.html", {"form": form, "location": location})


# Import ---------------------------------------------------------------------------------------------


@member_may("can_edit_content")
def import_map(request):
    org = request.organisation
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            report = importers.import_file(org, upload.name, upload.read(), form.cleaned_data["skip_refused"])
        except importers.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if report.imported:
                messages.success(request, _("The import is done."))
    return render(request, "socialmap/import.html", {"form": form, "report": report})


# Referrals -------------------------------------------------------------------------------------------


def _contact_for_referral(request, pk):
    contact = get_object_or_404(
        Contact.objects.editable_by(request.membership)
        .select_related("municipality")
        .prefetch_related("contact_themes__theme", "life_stages"),
        pk=pk,
    )
    return contact


@member_may("can_register")
def refer(request, contact_pk):
    """Pick a service for a registered contact. The search starts from what the contact says: its
    municipality, main theme and (single) life stage."""
    org = request.organisation
    contact = _contact_for_referral(request, contact_pk)
    if request.GET:
        data = request.GET
    else:
        themes = contact.themes_in_order()
        stages = list(contact.life_stages.all())
        data = {
            "municipality": contact.municipality.code if contact.municipality_id else "",
            "theme": themes[0].code if themes else "",
            "life_stage": stages[0].code if len(stages) == 1 else "",
        }
    form, page, understood, query = _search(request, org, data)
    refer_form = ReferForm(
        Service.objects.for_org(org).current(),
        request.POST or None,
        initial={"follow_up": True, "follow_up_on": services.default_follow_up()},
    )
    if request.method == "POST" and refer_form.is_valid():
        d = refer_form.cleaned_data
        services.refer_contact(
            contact, d["service"], warm=d["warm"], author=request.user, follow_up_on=d["follow_up_on"]
        )
        messages.success(
            request, _("The referral to %(service)s was registered.") % {"service": d["service"].name}
        )
        return redirect("contacts:register", org=org.slug)
    context = {
        "action": reverse("socialmap:refer", kwargs={"org": org.slug, "contact_pk": contact.pk}),
        "contact": contact,
        "form": form,
        "refer_form": refer_form,
        "page": page,
        "understood": understood,
        "query": query,
        "searched": True,
        "existing": contact.referrals.select_related("service"),
    }
    template = "socialmap/refer.html#results" if is_htmx(request) else "socialmap/refer.html"
    return render(request, template, context)


@member_may("can_register")
def referrals(request):
    org = request.organisation
    mine = Referral.objects.for_org(org).filter(author=request.user)
    due = mine.to_follow_up().select_related("service__map_organisation", "contact")
    recent = mine.select_related("service__map_organisation", "contact")[:50]
    return render(
        request, "socialmap/referrals.html", {"due": due, "recent": recent, "outcomes": Outcome.choices}
    )


@member_may("can_register")
@require_POST
def referral_outcome(request, pk):
    org = request.organisation
    qs = Referral.objects.for_org(org)
    if not request.membership.is_coordinator:
        qs = qs.filter(author=request.user)
    referral = get_object_or_404(qs, pk=pk)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        raise Http404
    services.record_outcome(referral, form.cleaned_data["outcome"])
    messages.success(request, _("The outcome was saved."))
    return redirect("socialmap:referrals", org=org.slug)
