"""The public library: /<org>/library/ — browse, search and reserve a book without an account."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.questions.abuse import over_limit

from . import services
from .forms import LibrarySearchForm, ReserveForm
from .models import Resource


def library(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = LibrarySearchForm(org, request.GET or None)
    resources = form.filter(Resource.objects.for_org(org).published())
    page = Paginator(resources.prefetch_related("themes"), 20).get_page(request.GET.get("page"))
    return render(request, "infotheek/public/library.html", {"organisation": org, "form": form, "page": page})


@never_cache
def resource(request, slug, pk):
    org = get_object_or_404(Organisation, slug=slug)
    item = get_object_or_404(
        Resource.objects.for_org(org).published().prefetch_related("themes", "life_stages"), pk=pk
    )
    form = ReserveForm(request.POST or None) if item.lendable else None
    reserved = False
    if request.method == "POST" and form is not None:
        if over_limit(request, "reserve"):
            form.add_error(None, "Too many reservations from this connection in the last hour.")
        elif form.is_valid():
            services.reserve(item, form.cleaned_data["contact"])
            reserved = True
    context = {"organisation": org, "item": item, "form": form, "reserved": reserved, "public": True}
    return render(request, "infotheek/public/resource.html", context)
