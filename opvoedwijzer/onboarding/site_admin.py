"""The site administrator's screens (installation superusers, not the Django admin): the organisations,
and a new one with its coordinator."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.services import set_up_organisation

from .forms import NewOrganisationForm
from .places import resolve_entries


def superuser_only(view):
    """Anyone else gets 404: these pages do not exist for them."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapped


@superuser_only
def organisations(request):
    rows = Organisation.objects.annotate(
        n_municipalities=Count("municipalities", distinct=True),
        n_members=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
    ).order_by("name")
    return render(request, "onboarding/organisations.html", {"organisations": rows})


def _new_organisation_page(request, form, entries=None):
    return render(request, "onboarding/new_organisation.html", {"form": form, "entries": entries})


@superuser_only
def new_organisation(request):
    """The form for a new organisation, and its creation (the form's main button)."""
    form = NewOrganisationForm(request.POST or None)
    if request.method != "POST":
        return _new_organisation_page(request, form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            new = set_up_organisation(
                slug=data["slug"],
                name=data["name"],
                municipalities=data["municipalities"],
                coordinator_email=data["coordinator_email"],
                created_by=request.user,
                notify=True,
                site_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return _new_organisation_page(request, form)
        context = {
            "org": new.organisation,
            "link": new.link,
            "mailed": new.mailed,
            "email": data["coordinator_email"],
            "served": data["municipalities"],
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        return render(request, "onboarding/organisation_created.html", context)
    return _new_organisation_page(request, form, getattr(form, "entries", None))


@superuser_only
@require_POST
def look_up_municipalities(request):
    """Only look the municipalities up: the form comes back as typed, without error messages."""
    entries = resolve_entries(request.POST.get("municipalities", ""))
    return _new_organisation_page(request, NewOrganisationForm(initial=request.POST.dict()), entries)
