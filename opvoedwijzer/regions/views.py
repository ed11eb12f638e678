"""The regional view (/r/<region>/) for a region's users, and an organisation's sharing screen
(/o/<org>/regions/) for its coordinator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import RegionPeriodForm, ShareForm
from .models import Region, RegionMember, RegionShare
from .numbers import regional_table


def _region_of(request, slug):
    """The region `slug` when the user has an active role in it; 404 otherwise (also for a region that
    does not exist, so nothing about other regions leaks)."""
    member = (
        RegionMember.objects.active()
        .select_related("region")
        .filter(user=request.user, region__slug=slug)
        .first()
    )
    if member is None:
        raise Http404("No such region.")
    return member


@login_required
def region(request, region):
    member = _region_of(request, region)
    form = RegionPeriodForm(request.GET)
    numbers = None
    if form.is_valid():
        numbers = regional_table(member.region, form.cleaned_data["year"], form.cleaned_data["columns"])
    context = {
        "region": member.region,
        "member": member,
        "form": form,
        "numbers": numbers,
        "report": numbers,
        "table": numbers["table"] if numbers else None,
        "query": request.GET.urlencode(),
    }
    return render(request, "regions/region.html", context)


def _export(request, slug, kind):
    member = _region_of(request, slug)
    form = RegionPeriodForm(request.GET)
    if not form.is_valid():
        return region(request, slug)
    year, columns = form.cleaned_data["year"], form.cleaned_data["columns"]
    return services.export_region_numbers(member.region, year, columns, kind, user=request.user)


@login_required
def region_csv(request, region):
    return _export(request, region, "csv")


@login_required
def region_xlsx(request, region):
    return _export(request, region, "xlsx")


@member_may("is_coordinator")
def organisation_regions(request):
    """The coordinator agrees to share the organisation's numbers with a region, or withdraws."""
    org = request.organisation
    if request.method == "POST":
        form = ShareForm(request.POST)
        chosen = Region.objects.filter(slug=form.cleaned_data["region"]).first() if form.is_valid() else None
        if chosen is None:
            messages.error(request, _("That region does not exist (any more). Choose one from the list."))
        elif form.cleaned_data["action"] == "agree":
            services.agree_to_share(chosen, org, user=request.user)
            messages.success(
                request,
                _("%(org)s now shares its numbers with %(region)s.")
                % {"org": org.name, "region": chosen.name},
            )
        else:
            services.withdraw_from_region(chosen, org, user=request.user)
            messages.success(
                request,
                _("%(org)s no longer shares its numbers with %(region)s.")
                % {"org": org.name, "region": chosen.name},
            )
        return redirect("organisation_regions", org=org.slug)
    shares = {
        s.region_id: s for s in RegionShare.objects.for_org(org).select_related("agreed_by", "withdrawn_by")
    }
    regions = [(r, shares.get(r.pk)) for r in Region.objects.order_by("name")]
    return render(request, "regions/organisation_regions.html", {"regions": regions})
