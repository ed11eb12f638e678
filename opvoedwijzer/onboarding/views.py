"""The new coordinator's first-run page: /o/<org>/setup/."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from opvoedwijzer.core import services as core_services
from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import OrganisationNameForm
from .models import MARKABLE_STEPS, Step
from .steps import setup_steps


def _setup_page(request, name_form=None):
    """The list of first steps, with the name form (bound, with its errors, when saving it failed)."""
    org = request.organisation
    steps = setup_steps(org)
    context = {
        "steps": steps,
        "left": sum(not s.done for s in steps),
        "name_form": OrganisationNameForm(instance=org) if name_form is None else name_form,
    }
    return render(request, "onboarding/setup.html", context)


@member_may("is_coordinator")
@require_safe
def first_run(request):
    return _setup_page(request)


@member_may("is_coordinator")
@require_POST
def rename(request):
    org = request.organisation
    name_form = OrganisationNameForm(request.POST, instance=org)
    if name_form.is_valid():
        try:
            core_services.rename_organisation(org, name_form.cleaned_data["name"])
        except ValidationError as error:
            name_form.add_error(None, error)
        else:
            messages.success(request, _("The name was saved."))
            return redirect("onboarding:setup", org=org.slug)
    else:
        org.refresh_from_db(fields=["name"])  # the page's header keeps the saved name
    return _setup_page(request, name_form)


def _markable_step(request):
    step = request.POST.get("step", "")
    if step not in MARKABLE_STEPS:
        raise Http404("No such step.")
    return step


@member_may("is_coordinator")
@require_POST
def mark_step(request):
    step = _markable_step(request)
    services.mark_step_done(request.organisation, step, by=request.user)
    messages.success(request, _("“%(step)s” is marked as done.") % {"step": Step(step).label})
    return redirect("onboarding:setup", org=request.organisation.slug)


@member_may("is_coordinator")
@require_POST
def unmark_step(request):
    step = _markable_step(request)
    services.unmark_step(request.organisation, step)
    messages.success(request, _("“%(step)s” is back on the list.") % {"step": Step(step).label})
    return redirect("onboarding:setup", org=request.organisation.slug)
