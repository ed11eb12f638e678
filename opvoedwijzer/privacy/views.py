"""The coordinator's view of the audit log."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.forms import ISO_DATE
from opvoedwijzer.core.decorators import member_may

from .models import AuditAction, AuditEvent


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What"), required=False, choices=[("", _("— everything —")), *AuditAction.choices]
    )
    start = forms.DateField(label=_("From"), required=False, widget=ISO_DATE)
    end = forms.DateField(label=_("To"), required=False, widget=ISO_DATE)


@member_may("is_coordinator")
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.for_org(request.organisation).select_related("actor")
    if form.is_valid():
        d = form.cleaned_data
        if d["action"]:
            events = events.filter(action=d["action"])
        if d["start"]:
            events = events.filter(created__date__gte=d["start"])
        if d["end"]:
            events = events.filter(created__date__lte=d["end"])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "privacy/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})
