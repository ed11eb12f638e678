"""Staff screens of the library: resources and reservations."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.crypto import decrypt
from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import ResourceForm
from .models import Reservation, Resource


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
    context = {"resources": qs[:200], "reservations": waiting, "q": request.GET.get("q", "")}
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
    services.end_reservation(reservation)
    messages.success(request, _("The reservation is closed; the phone number or e-mail address is deleted."))
    return redirect("infotheek:resources", org=request.organisation.slug)
