"""Staff screens of the library: resources and reservations."""

from django.contrib import messages
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

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
    return render(request, "library/resources.html", context)


@member_may("can_edit_content")
def resource_form(request, pk=None):
    org = request.organisation
    resource = get_object_or_404(Resource.objects.for_org(org), pk=pk) if pk else None
    form = ResourceForm(org, request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "translations": form.translations_data()}
        if resource is None:
            services.create_resource(org, data)
        else:
            services.update_resource(resource, data)
        messages.success(request, _("Saved."))
        return redirect("library:resources", org=org.slug)
    return render(request, "library/resource_form.html", {"form": form, "resource": resource})


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
    return redirect("library:resources", org=request.organisation.slug)


def _resource(request, pk):
    return get_object_or_404(Resource.objects.for_org(request.organisation), pk=pk)


def _copies(resource):
    """The title's copies, each with its open loan (or None) as `copy.loan`."""
    copies = list(resource.copies.all())
    open_loans = {loan.copy_id: loan for loan in Loan.objects.out().filter(copy__resource=resource)}
    for copy in copies:
        copy.loan = open_loans.get(copy.pk)
    return copies


def _lend_form(copies, data=None):
    free = [c for c in copies if c.loan is None]
    initial = {"copy": free[0].pk if free else None, "due_on": services.default_due_on()}
    return LendForm(free, data, prefix="lend", initial=initial)


def _desk_page(request, resource, *, copies=None, lend_form=None, copy_form=None, count_form=None):
    """The desk page of one title, with the form that failed (bound, with its errors) in its place."""
    copies = _copies(resource) if copies is None else copies
    lend_form = _lend_form(copies) if lend_form is None else lend_form
    count_forms = {prefix: CountForm(prefix=prefix) for prefix in ("hand_out", "restock")}
    if count_form is not None:
        count_forms[count_form.prefix] = count_form
    queue = resource.reservations.filter(ended_on__isnull=True).order_by("reserved_on", "id")
    context = {
        "resource": resource,
        "copies": copies,
        "lend_form": lend_form if any(c.loan is None for c in copies) else None,
        "copy_form": CopyForm(prefix="copy") if copy_form is None else copy_form,
        "queue": queue,
        "hand_out_form": count_forms["hand_out"],
        "restock_form": count_forms["restock"],
        "handed_out": resource.handouts.aggregate(n=Sum("count"))["n"] or 0,
    }
    return render(request, "library/desk.html", context)


@member_may("can_register")
@require_safe
def desk(request, pk):
    """One title at the desk: its copies, who has them until when, the reservation queue; the forms to
    add a copy, lend, renew, take back (folders: hand out, restock), each posting to its own view."""
    return _desk_page(request, _resource(request, pk))


@member_may("can_register")
@require_POST
def add_copy(request, pk):
    resource = _resource(request, pk)
    form = CopyForm(request.POST, prefix="copy")
    if form.is_valid():
        if resource.copies.filter(barcode=form.cleaned_data["barcode"].strip()).exists():
            form.add_error("barcode", _("This barcode is already a copy of this title."))
        else:
            services.add_copy(resource, form.cleaned_data["barcode"])
            return redirect("library:desk", org=request.organisation.slug, pk=pk)
    return _desk_page(request, resource, copy_form=form)


@member_may("can_register")
@require_POST
def lend(request, pk):
    resource = _resource(request, pk)
    copies = _copies(resource)
    form = _lend_form(copies, request.POST)
    if form.is_valid():
        d = form.cleaned_data
        loan = services.lend_copy(d["copy"], d["contact"], due_on=d["due_on"])
        messages.success(request, _("Lent until %(date)s.") % {"date": date_format(loan.due_on, "j F Y")})
        return redirect("library:desk", org=request.organisation.slug, pk=pk)
    return _desk_page(request, resource, copies=copies, lend_form=form)


def _count(request, pk, prefix, write):
    resource = _resource(request, pk)
    form = CountForm(request.POST, prefix=prefix)
    if form.is_valid():
        write(resource, form.cleaned_data["count"])
        return redirect("library:desk", org=request.organisation.slug, pk=pk)
    return _desk_page(request, resource, count_form=form)


@member_may("can_register")
@require_POST
def hand_out(request, pk):
    return _count(request, pk, "hand_out", services.hand_out)


@member_may("can_register")
@require_POST
def restock(request, pk):
    return _count(request, pk, "restock", services.restock)


def _open_loan(request, pk, loan_pk):
    resource = _resource(request, pk)
    return get_object_or_404(Loan.objects.out().filter(copy__resource=resource), pk=loan_pk)


@member_may("can_register")
@require_POST
def renew_loan(request, pk, loan_pk):
    services.renew_loan(_open_loan(request, pk, loan_pk))
    return redirect("library:desk", org=request.organisation.slug, pk=pk)


@member_may("can_register")
@require_POST
def return_copy(request, pk, loan_pk):
    services.return_copy(_open_loan(request, pk, loan_pk))
    return redirect("library:desk", org=request.organisation.slug, pk=pk)
