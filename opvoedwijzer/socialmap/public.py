"""The public social-map page of an organisation: /<org>/map/ — no account, no JavaScript needed."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from opvoedwijzer.core.models import Organisation

from .forms import SearchForm
from .models import Service
from .search import find_services
from .views import PAGE_SIZE, mark_open


def social_map(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = SearchForm(org, request.GET or None)
    results, understood = find_services(org, form.criteria())
    page = Paginator(results.for_cards(), PAGE_SIZE).get_page(request.GET.get("page"))
    mark_open(page)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "organisation": org,
        "form": form,
        "page": page,
        "understood": understood,
        "query": query.urlencode(),
        "public": True,
    }
    return render(request, "socialmap/public/map.html", context)


def service(request, slug, service):
    org = get_object_or_404(Organisation, slug=slug)
    record = get_object_or_404(
        Service.objects.for_org(org).current().for_cards().prefetch_related("contacts"), uuid=service
    )
    mark_open([record])
    return render(
        request, "socialmap/public/service.html", {"organisation": org, "service": record, "public": True}
    )
