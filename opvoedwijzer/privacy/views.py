"""The coordinator's view of the audit log, and the PII guard's live check while staff type."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.core.fields import ISO_DATE

from .forms import KIND_LABELS, allowed_phones_for
from .models import AuditAction, AuditEvent
from .pii import find_pii

CHECK_MAX_CHARS = 5000


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


@never_cache
@login_required
@require_POST
def pii_check(request):
    """A fragment for htmx: the text of one field with what the guard found marked. Nothing is
    stored or logged; the text lives only in this request."""
    text = request.POST.get(request.POST.get("pii_field", ""), "")[:CHECK_MAX_CHARS]
    findings = find_pii(text, allowed_phones=allowed_phones_for(request.user)) if text.strip() else []
    parts, position = [], 0
    for f in findings:
        parts.append(escape(text[position : f.start]))
        label = escape(KIND_LABELS[f.kind])
        parts.append(f'<mark>{escape(f.text)}</mark><span class="visually-hidden"> ({label})</span>')
        position = f.end
    parts.append(escape(text[position:]))
    context = {
        "findings": findings,
        "kinds": sorted({str(KIND_LABELS[f.kind]) for f in findings}),
        "marked": mark_safe("".join(parts)),  # every piece escaped above
    }
    # Stripped: an empty answer leaves the live region :empty, so its warning frame disappears again.
    return HttpResponse(render_to_string("privacy/pii_live.html", context, request).strip())
