"""The coordinator's screen for the organisation's own areas: import a CSV, see what there is."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .areas import check_area_file, import_own_areas
from .decorators import member_may
from .models import Municipality

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class AreaFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file with your areas"),
        help_text=gettext_lazy(
            "Columns: code, name; optionally municipality (its NIS or CBS code), valid_from, valid_to. "
            "Comma or semicolon; UTF-8 or Windows-1252."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


@member_may("is_coordinator")
def own_areas(request):
    org = request.organisation
    form = AreaFileForm(request.POST or None, request.FILES or None)
    refusals = []
    if request.method == "POST" and form.is_valid():
        check = check_area_file(org, form.cleaned_data["file"].read())
        if check.ok:
            counts = import_own_areas(org, check.rows)
            messages.success(
                request,
                _("Areas imported: %(added)s added, %(changed)s changed, %(unchanged)s unchanged.") % counts,
            )
            return redirect("own_areas", org=org.slug)
        refusals = check.refusals
    areas = Municipality.objects.filter(organisation=org).select_related("part_of").order_by("code")
    served = set(org.municipalities.filter(organisation=org).values_list("id", flat=True))
    return render(
        request,
        "core/own_areas.html",
        {"form": form, "refusals": refusals, "areas": areas, "served": served},
    )
