"""`/` for someone not logged in: the public sites of the organisations, for parents, and the way to
the login, for staff (no redirect to the login: a parent would not know what to do there)."""

from django.shortcuts import render

from .models import Organisation


def landing(request):
    organisations = Organisation.objects.order_by("name").prefetch_related("municipalities")
    return render(request, "core/landing.html", {"organisations": organisations})
