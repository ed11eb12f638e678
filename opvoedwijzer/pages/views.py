"""The coordinator's screen for the public site."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import PublicSiteForm
from .models import PublicProfile


@member_may("is_coordinator")
def edit(request):
    org = request.organisation
    profile = PublicProfile.objects.filter(organisation=org).first()
    form = PublicSiteForm(org, request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.update_public_site(
            org,
            {**form.cleaned_data, "translations": form.translations_data()},
            form.stage_texts(),
            form.stage_translations(),
        )
        messages.success(request, _("The public site was saved."))
        return redirect("public_site_edit", org=org.slug)
    return render(request, "pages/edit.html", {"form": form})
