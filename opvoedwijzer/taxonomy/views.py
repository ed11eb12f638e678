"""Coordinator screens to rename, hide, reorder and add taxonomy terms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import NewTermForm, TermForm
from .models import TERM_MODELS, Theme


def _model(dimension):
    if dimension not in TERM_MODELS:
        raise Http404
    return TERM_MODELS[dimension]


@member_may("is_coordinator")
def overview(request):
    org = request.organisation
    sections = []
    for dimension, model in TERM_MODELS.items():
        qs = model.objects.for_org(org)
        if model is Theme:
            qs = qs.select_related("group")
        sections.append({"dimension": dimension, "title": model._meta.verbose_name, "terms": list(qs)})
    return render(request, "taxonomy/overview.html", {"sections": sections})


@member_may("is_coordinator")
def edit_term(request, dimension, pk):
    term = get_object_or_404(_model(dimension).objects.for_org(request.organisation), pk=pk)
    form = TermForm(request.POST or None, initial={"label": term.custom_label, "hidden": term.hidden})
    if request.method == "POST" and form.is_valid():
        services.update_term(term, label=form.cleaned_data["label"], hidden=form.cleaned_data["hidden"])
        messages.success(request, _("'%(label)s' saved.") % {"label": term.label})
        return redirect("taxonomy:overview", org=request.organisation.slug)
    return render(request, "taxonomy/edit_term.html", {"form": form, "term": term, "dimension": dimension})


@member_may("is_coordinator")
def add_term(request, dimension):
    model = _model(dimension)
    org = request.organisation
    form = NewTermForm(org, dimension, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.add_term(
                org,
                dimension,
                code=form.cleaned_data["code"],
                label=form.cleaned_data["label"],
                group=form.cleaned_data.get("group"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("'%(label)s' added.") % {"label": term.label})
            return redirect("taxonomy:overview", org=org.slug)
    return render(
        request,
        "taxonomy/add_term.html",
        {"form": form, "dimension": dimension, "title": model._meta.verbose_name},
    )


@member_may("is_coordinator")
@require_POST
def move_term(request, dimension, pk):
    term = get_object_or_404(_model(dimension).objects.for_org(request.organisation), pk=pk)
    services.move_term(term, -1 if request.POST.get("direction") == "up" else 1)
    url = reverse("taxonomy:overview", kwargs={"org": request.organisation.slug})
    return redirect(f"{url}#{dimension}-{pk}")
