"""The public site: /<org>/ and /<org>/life-stages/<code>/ — plain language, no account, no JavaScript."""

from django.shortcuts import get_object_or_404, render

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.socialmap.search import Criteria, find_services
from opvoedwijzer.taxonomy.models import LifeStage

from .models import LifeStageInfo, PublicProfile


def home(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    context = {
        "organisation": org,
        "profile": PublicProfile.objects.filter(organisation=org).first(),
        "stages": LifeStage.objects.for_org(org).visible(),
        "public": True,
    }
    return render(request, "pages/public/home.html", context)


def life_stage(request, slug, code):
    org = get_object_or_404(Organisation, slug=slug)
    stage = get_object_or_404(LifeStage.objects.for_org(org).visible(), code=code)
    info = LifeStageInfo.objects.filter(organisation=org, life_stage=stage).first()
    services, _understood = find_services(org, Criteria(life_stage=stage))
    context = {
        "organisation": org,
        "stage": stage,
        "info": info,
        "services": services.select_related("map_organisation")[:8],
        "public": True,
    }
    return render(request, "pages/public/life_stage.html", context)
