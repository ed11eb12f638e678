"""The public library: /<org>/library/ — browse, search and reserve a book without an account; see
what is free and how long the waiting list is; the confirmation says where and when to pick up and
holds the cancel link (/<org>/library/reservation/<token>/)."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.ratelimit import over_limit

from . import services
from .forms import LibrarySearchForm, ReserveForm
from .models import ReservationEnd, Resource


def library(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = LibrarySearchForm(org, request.GET or None)
    resources = form.filter(Resource.objects.for_org(org).published()).annotate(
        n_copies=Count("copies", distinct=True),
        n_out=Count("copies__loans", filter=Q(copies__loans__returned_on__isnull=True), distinct=True),
        n_waiting=Count("reservations", filter=Q(reservations__ended_on__isnull=True), distinct=True),
    )
    if not resources.query.order_by:  # a GROUP BY drops Meta.ordering
        resources = resources.order_by("title", "id")
    page = Paginator(resources.prefetch_related("themes"), 20).get_page(request.GET.get("page"))
    for item in page:
        if item.lendable:
            on_shelf = max(0, item.n_copies - item.n_out)
            item.free = max(0, on_shelf - item.n_waiting)
            item.waiting = max(0, item.n_waiting - on_shelf)
    return render(request, "library/public/library.html", {"organisation": org, "form": form, "page": page})


def _pick_up_place(org):
    """The organisation's public address and opening hours (pages.PublicProfile), if it has them."""
    from opvoedwijzer.pages.models import PublicProfile

    return PublicProfile.objects.filter(organisation=org).first()


@never_cache
def resource(request, slug, pk):
    org = get_object_or_404(Organisation, slug=slug)
    item = get_object_or_404(
        Resource.objects.for_org(org).published().prefetch_related("themes", "life_stages"), pk=pk
    )
    availability = services.availability(item) if item.lendable else None
    form = ReserveForm(request.POST or None) if availability and availability["reservable"] else None
    if request.method == "POST" and form is not None:
        if over_limit(request, "reserve"):
            form.add_error(
                None, _("Too many reservations from this connection in the last hour. Try again later.")
            )
        elif form.is_valid():
            try:
                reservation = services.reserve(item, form.cleaned_data["contact"], mail_link=True)
            except services.NoCopies:
                return redirect("public_resource", slug=org.slug, pk=item.pk)
            url = reverse("public_reservation", kwargs={"slug": org.slug, "token": reservation.token})
            return redirect(url + "?new=1")
    context = {"organisation": org, "item": item, "form": form, "availability": availability, "public": True}
    return render(request, "library/public/resource.html", context)


@never_cache
def reservation(request, slug, token):
    """The reservation behind its link: where and when to pick up, the place on the waiting list, and
    a button to cancel (a plain form, no JavaScript)."""
    org = get_object_or_404(Organisation, slug=slug)
    found = services.find_reservation(org, token)
    if found is None:
        raise Http404
    cancelled = False
    if request.method == "POST" and found.ended_on is None:
        services.end_reservation(found, ReservationEnd.CANCELLED)
        cancelled = True
    context = {
        "organisation": org,
        "reservation": found,
        "item": found.resource,
        "place": services.waiting_place(found) if found.ended_on is None else None,
        "profile": _pick_up_place(org),
        "new": request.GET.get("new") == "1" and found.ended_on is None,
        "cancelled": cancelled,
    }
    return render(request, "library/public/reservation.html", context)
