"""The parent's side: ask a question, come back with the code and the secret."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.privacy.forms import KIND_LABELS

from . import services
from .abuse import HONEYPOT, over_limit
from .forms import AskForm, PickUpForm


@never_cache
def ask(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = AskForm(org, request.POST or None)
    if request.method == "POST":
        if over_limit(request):
            form.add_error(
                None, _("Too many questions from this connection in the last hour. Try again later.")
            )
        elif form.is_valid() and not form.cleaned_data.get(HONEYPOT):
            d = form.cleaned_data
            question, secret = services.ask_question(
                org,
                text=d["text"],
                life_stage=d["life_stage"],
                municipality=d["municipality"],
                language=d["language"],
            )
            removed = [str(KIND_LABELS[kind]) for kind in form.pii_redactions.get("text", [])]
            context = {"organisation": org, "question": question, "secret": secret, "removed": removed}
            return render(request, "questions/public/asked.html", context)
        elif form.is_valid():  # the honeypot was filled in: say nothing, keep nothing
            return render(request, "questions/public/asked.html", {"organisation": org, "question": None})
    return render(request, "questions/public/ask.html", {"organisation": org, "form": form})


@never_cache
def pick_up(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = PickUpForm(request.POST or None)
    question = None
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "pick_up", limit=30):
            form.add_error(None, _("Too many tries from this connection in the last hour. Try again later."))
        else:
            question = services.find_question(form.cleaned_data["code"], form.cleaned_data["secret"])
            if question is None or question.organisation_id != org.pk:
                question = None
                form.add_error(
                    None, _("We do not know this code with this secret. Check both and try again.")
                )
            else:
                services.mark_answer_read(question)
    return render(
        request, "questions/public/pick_up.html", {"organisation": org, "form": form, "question": question}
    )
