"""Staff screens of the library: resources and reservations."""

from django.contrib import messages
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.badinput import as_id
from opvoedwijzer.core.crypto import decrypt
from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import CopyForm, CountForm, LendForm, ResourceForm
from .models import Loan, Reservation, ReservationEnd, Resource


@member_may("can_register")
def resources(request):
    org = request.organisation
    qs = Resource.objects.for_org(org).search(request.GET.get("q", "")).prefetch_related("themes")
    waiting = (
        Reservation.objects.filter(resource__organisation=org, ended_on__isnull=True)
        .select_related("resource")
        .order_by("reserved_on", "id")
    )
    for reservation in waiting:
        reservation.contact_plain = decrypt(reservation.contact)
    overdue = Loan.objects.for_org(org).overdue().select_related("copy__resource")
    for loan in overdue:
        loan.contact_plain = decrypt(loan.contact)
    context = {
        "resources": qs[:200],
        "reservations": waiting,
        "overdue": overdue,
        "q": request.GET.get("q", ""),
    }
    return render(request, "infotheek/resources.html", context)


@member_may("can_see_numbers")
def resource_form(request, pk=None):
    org = request.organisation
    resource = get_object_or_404(Resource.objects.for_org(org), pk=pk) if pk else None
    form = ResourceForm(org, request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        services.save_resource(org, form.cleaned_data, resource=resource)
        messages.success(request, _("Saved."))
        return redirect("infotheek:resources", org=org.slug)
    return render(request, "infotheek/resource_form.html", {"form": form, "resource": resource})


@member_may("can_register")
@require_POST
def reservation_done(request, pk):
    reservation = get_object_or_404(
        Reservation.objects.filter(resource__organisation=request.organisation, ended_on__isnull=True), pk=pk
    )
    ended_as = request.POST.get("ended_as")
    if ended_as not in ReservationEnd.values:
        messages.error(request, _("Say whether the reservation was picked up or cancelled."))
    else:
        services.end_reservation(reservation, ended_as)
        messages.success(
            request,
            _("%(title)s: %(ended_as)s. The phone number or e-mail address is deleted.")
            % {"title": reservation.resource.title, "ended_as": ReservationEnd(ended_as).label},
        )
    return redirect("infotheek:resources", org=request.organisation.slug)


@member_may("can_register")
def desk(request, pk):
    """One title at the desk: its copies, who has them until when, the reservation queue; add a copy,
    lend, renew, take back."""
    org = request.organisation
    resource = get_object_or_404(Resource.objects.for_org(org), pk=pk)
    copies = list(resource.copies.all())
    open_loans = {loan.copy_id: loan for loan in Loan.objects.out().filter(copy__resource=resource)}
    for copy in copies:
        copy.loan = open_loans.get(copy.pk)
    action = request.POST.get("action")
    free = [c for c in copies if c.loan is None]
    lend_initial = {"copy": free[0].pk if free else None, "due_on": services.default_due_on()}
    lend_form = LendForm(
        free, request.POST if action == "lend" else None, prefix="lend", initial=lend_initial
    )
    copy_form = CopyForm(request.POST if action == "copy" else None, prefix="copy")
    if action == "copy" and copy_form.is_valid():
        if resource.copies.filter(barcode=copy_form.cleaned_data["barcode"].strip()).exists():
            copy_form.add_error("barcode", _("This barcode is already a copy of this title."))
        else:
            services.add_copy(resource, copy_form.cleaned_data["barcode"])
            return redirect("infotheek:desk", org=org.slug, pk=pk)
    elif action == "lend" and lend_form.is_valid():
        d = lend_form.cleaned_data
        loan = services.lend_copy(d["copy"], d["contact"], due_on=d["due_on"])
        messages.success(request, _("Lent until %(date)s.") % {"date": date_format(loan.due_on, "j F Y")})
        return redirect("infotheek:desk", org=org.slug, pk=pk)
    elif action in ("hand_out", "restock"):
        count_form = CountForm(request.POST, prefix=action)
        if count_form.is_valid():
            (services.hand_out if action == "hand_out" else services.restock)(
                resource, count_form.cleaned_data["count"]
            )
            return redirect("infotheek:desk", org=org.slug, pk=pk)
    elif action in ("renew", "return"):
        loan = get_object_or_404(
            Loan.objects.out().filter(copy__resource=resource), pk=as_id(request.POST.get("loan"))
        )
        (services.renew_loan if action == "renew" else services.return_copy)(loan)
        return redirect("infotheek:desk", org=org.slug, pk=pk)
    queue = resource.reservations.filter(ended_on__isnull=True).order_by("reserved_on", "id")
    context = {
        "resource": resource,
        "copies": copies,
        "lend_form": lend_form if free else None,
        "copy_form": copy_form,
        "queue": queue,
        "hand_out_form": CountForm(prefix="hand_out"),
        "restock_form": CountForm(prefix="restock"),
        "handed_out": resource.handouts.aggregate(n=Sum("count"))["n"] or 0,
    }
    return render(request, "infotheek/desk.html", context)
