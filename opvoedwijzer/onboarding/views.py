"""The new coordinator's first-run page: /o/<org>/setup/."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opvoedwijzer.core import services as core_services
from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import OrganisationNameForm
from .models import MARKABLE_STEPS, Step
from .steps import setup_steps


@member_may("is_coordinator")
def first_run(request):
    org = request.organisation
    action = request.POST.get("action") if request.method == "POST" else None
    name_form = OrganisationNameForm(request.POST if action == "name" else None, instance=org)
    if action == "name":
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
    elif action in ("mark", "unmark"):
        step = request.POST.get("step", "")
        if step not in MARKABLE_STEPS:
            raise Http404("No such step.")
        if action == "mark":
            services.mark_step_done(org, step, by=request.user)
            messages.success(request, _("“%(step)s” is marked as done.") % {"step": Step(step).label})
        else:
            services.unmark_step(org, step)
            messages.success(request, _("“%(step)s” is back on the list.") % {"step": Step(step).label})
        return redirect("onboarding:setup", org=org.slug)
    steps = setup_steps(org)
    context = {
        "steps": steps,
        "left": sum(not s.done for s in steps),
        "name_form": name_form,
    }
    return render(request, "onboarding/setup.html", context)
