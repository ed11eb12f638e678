"""The parent's side: ask a question, come back with the code and the secret."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.ratelimit import HONEYPOT, over_limit
from opvoedwijzer.privacy.forms import KIND_LABELS

from . import services
from .forms import MAX_QUESTION_LENGTH, AskForm, PickUpForm, ReplyForm
from .suggested import maybe_helps


@never_cache
def ask(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = AskForm(org, request.POST or None)
    if request.method == "POST":
        if over_limit(request, "ask"):
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
                email=d["email"],
            )
            removed = [str(KIND_LABELS[kind]) for kind in form.pii_redactions.get("text", [])]
            context = {"organisation": org, "question": question, "secret": secret, "removed": removed}
            context["maybe_helps"] = maybe_helps(org, question.text)
            return render(request, "questions/public/asked.html", context)
        elif form.is_valid():  # the honeypot was filled in: say nothing, keep nothing
            return render(request, "questions/public/asked.html", {"organisation": org, "question": None})
    return render(request, "questions/public/ask.html", {"organisation": org, "form": form})


@never_cache
@require_POST
def ask_suggestions(request, slug):
    """While a parent types a question (static/js/suggest.js): the "maybe this already helps" block for
    the text so far, as an HTML fragment in the page's language. Nothing is stored or logged; limited per
    connection and hour (RATE_LIMITS["ask_suggestions"]): over it, an empty answer (429)."""
    org = get_object_or_404(Organisation, slug=slug)
    if over_limit(request, "ask_suggestions"):
        return HttpResponse(status=429)
    text = request.POST.get("text", "").strip()[:MAX_QUESTION_LENGTH]
    context = {"organisation": org, "maybe_helps": maybe_helps(org, text) if text else {}}
    return render(request, "questions/public/_maybe_helps.html", context)


@never_cache
def pick_up(request, slug):
    """Code and secret → the question, the answers and replies, and a form to write back."""
    org = get_object_or_404(Organisation, slug=slug)
    if request.method == "POST" and "text" in request.POST:
        return _reply(request, org)
    form = PickUpForm(request.POST or None)
    question = None
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "pick_up"):
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
    return _thread(request, org, form, question)


def _thread(request, org, form, question, reply_form=None, sent=False):
    """The question and its answers. The page speaks the language the parent chose with the language
    links (`?lang=`, remembered in the language cookie; the mail's link carries the question's); without
    such a choice, the question's language when the site speaks it: they asked for the answer in it."""
    if question is not None and reply_form is None:
        reply_form = ReplyForm(initial={"code": question.code, "secret": form.cleaned_data["secret"]})
    context = {
        "organisation": org,
        "form": form,
        "question": question,
        "thread": question.messages.all() if question else [],
        "reply_form": reply_form,
        "sent": sent,
    }
    language = None
    if question is not None and not _chose_a_language(request):
        language = question.language if question.language in dict(settings.LANGUAGES) else None
    if language is None:
        return render(request, "questions/public/pick_up.html", context)
    with translation.override(language):
        response = render(request, "questions/public/pick_up.html", context)
    response.headers["Content-Language"] = language
    return response


def _chose_a_language(request):
    public = dict(settings.LANGUAGES)
    return request.GET.get("lang") in public or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in public


def _reply(request, org):
    """Writing back: the code and the secret come along (hidden), and are checked again."""
    reply_form = ReplyForm(request.POST)
    pick_up_form = PickUpForm(
        {"code": request.POST.get("code", ""), "secret": request.POST.get("secret", "")}
    )
    question = None
    if pick_up_form.is_valid() and not over_limit(request, "pick_up"):
        question = services.find_question(
            pick_up_form.cleaned_data["code"], pick_up_form.cleaned_data["secret"]
        )
    if question is None or question.organisation_id != org.pk:
        return render(request, "questions/public/pick_up.html", {"organisation": org, "form": PickUpForm()})
    if reply_form.is_valid():
        services.reply_to_answer(question, reply_form.cleaned_data["text"])
        fresh = ReplyForm(initial={"code": question.code, "secret": pick_up_form.cleaned_data["secret"]})
        return _thread(request, org, pick_up_form, question, reply_form=fresh, sent=True)
    return _thread(request, org, pick_up_form, question, reply_form=reply_form)
