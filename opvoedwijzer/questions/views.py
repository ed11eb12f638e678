"""The staff inbox of web questions: new, assigned, answered; answer and register in one step."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.badinput import as_id
from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.library.models import Resource
from opvoedwijzer.socialmap.models import Service
from opvoedwijzer.socialmap.search import Criteria, find_services

from . import services, suggested
from .models import Question, ReplyTemplate, Status
from .staff_forms import AnswerForm, InboxFilterForm, ReplyTemplateForm

TABS = [(Status.NEW, _("New")), (Status.ASSIGNED, _("Assigned")), (Status.ANSWERED, _("Answered"))]


@member_may("can_answer_questions")
def inbox(request):
    """The questions of one tab (status), in one language or all; each tab with its count."""
    org = request.organisation
    status = request.GET.get("status") or Status.NEW
    if status not in Status.values:
        status = Status.NEW
    filters = InboxFilterForm(request.GET)
    language = filters.language_or_all()
    in_language = Question.objects.for_org(org).in_language(language)
    questions = in_language.filter(status=status).select_related("life_stage", "assigned_to")
    if status == Status.ANSWERED:
        questions = questions.order_by("-answered_on", "-id")[:100]
    counts = dict.fromkeys(Status.values, 0)
    counts.update(in_language.order_by().values_list("status").annotate(n=Count("id")))
    context = {"questions": questions, "status": status, "counts": counts, "filters": filters}
    context["language"] = language
    return render(request, "questions/inbox.html", context)


def _unbound(org, question, post, answer):
    """The answer form as typed so far, with `answer` as its text, without validating it (an insert
    is not a submit: no error messages yet)."""
    initial = {name: post.get(name) for name in ("main_theme", "asker_role", "request_kind", "duration")}
    initial.update({name: post.getlist(name) for name in ("offers", "themes", "life_stages")})
    initial.update(answer=answer)
    return AnswerForm(org, initial=initial, language=question.language)


def _service_summary(service):
    lines = [service.name + (f" ({service.map_organisation.name})" if service.map_organisation_id else "")]
    lines += [p.number for p in service.phones.all()[:1]] + [service.url]
    return " – ".join(line for line in lines if line)


def _resource_summary(request, org, item):
    link = request.build_absolute_uri(reverse("public_resource", kwargs={"slug": org.slug, "pk": item.pk}))
    return f"{item.title}{f' ({item.author})' if item.author else ''} – {link}"


def _question(request, pk):
    return get_object_or_404(
        Question.objects.for_org(request.organisation).select_related("life_stage", "municipality"), pk=pk
    )


def _page(request, question, form, *, found=(), found_resources=()):
    """The question's page: the question, the answer form, what the question's words suggest, and what
    an "insert" tool found."""
    context = {
        "question": question,
        "form": form,
        "suggested": suggested.for_answer(request.organisation, question.text, form),
        "templates": _templates_by_language(request.organisation, question),
        "found": found,
        "found_resources": found_resources,
        "service_q": request.POST.get("service_q", ""),
        "resource_q": request.POST.get("resource_q", ""),
    }
    return render(request, "questions/detail.html", context)


def _templates_by_language(org, question):
    """The reply templates grouped by language, the question's language first:
    [(language label, [templates])]."""
    groups = {}
    for template in ReplyTemplate.objects.for_org(org).language_first(question.language):
        groups.setdefault(template.get_language_display(), []).append(template)
    return list(groups.items())


def _typed(request):
    return request.POST.get("answer", "").rstrip()


def _with(request, question, addition):
    """The page again with `addition` (if any) added to the answer as typed so far."""
    answer = "\n\n".join(p for p in (_typed(request), addition) if p)
    return _page(request, question, _unbound(request.organisation, question, request.POST, answer))


@member_may("can_answer_questions")
def detail(request, pk):
    """Read, answer and register. The "insert" buttons in the answer form post to their own views
    below, which add a reply template, a service from the social map or a library item to the answer
    (server-side, so they work without JavaScript) and show this page again."""
    org = request.organisation
    question = _question(request, pk)
    form = AnswerForm(
        org,
        request.POST or None,
        initial={
            "answer": question.answer,
            "life_stages": [question.life_stage.code] if question.life_stage else [],
        },
        user=request.user,
        language=question.language,
    )
    if request.method == "POST" and form.is_valid():
        services.answer_question(
            question,
            request.membership,
            answer=form.cleaned_data["answer"],
            contact_data=form.contact_data(),
            pii_confirmations=form.pii_confirmations,
        )
        messages.success(request, _("The answer is ready for the parent, and the question is registered."))
        return redirect("questions:inbox", org=org.slug)
    return _page(request, question, form)


def _accepted(post, field, code, *, main=None):
    """The form's data with `code` chosen: as the `main` field when that is still empty, else added to
    the list `field` (once)."""
    post = post.copy()
    if not code or code == post.get(main) or code in post.getlist(field):
        return post
    if main and not post.get(main):
        post[main] = code
    else:
        post.appendlist(field, code)
    return post


@member_may("can_answer_questions")
@require_POST
def accept_theme(request, pk):
    """A suggested theme, accepted without JavaScript: the main theme when none is chosen yet, else one
    of the other themes; the page again with everything as typed (nothing is saved)."""
    question = _question(request, pk)
    post = _accepted(request.POST, "themes", request.POST.get("theme", ""), main="main_theme")
    return _page(request, question, _unbound(request.organisation, question, post, _typed(request)))


@member_may("can_answer_questions")
@require_POST
def accept_life_stage(request, pk):
    """A suggested life stage, ticked without JavaScript; the page again with everything as typed."""
    question = _question(request, pk)
    post = _accepted(request.POST, "life_stages", request.POST.get("life_stage", ""))
    return _page(request, question, _unbound(request.organisation, question, post, _typed(request)))


@member_may("can_answer_questions")
@require_POST
def insert_template(request, pk):
    question = _question(request, pk)
    templates = ReplyTemplate.objects.for_org(request.organisation)
    template = templates.filter(pk=as_id(request.POST.get("template"))).first()
    return _with(request, question, template.text if template else "")


@member_may("can_answer_questions")
@require_POST
def find_service(request, pk):
    question = _question(request, pk)
    criteria = Criteria(text=request.POST.get("service_q", ""), life_stage=question.life_stage)
    found = list(find_services(request.organisation, criteria)[0].for_cards()[:5])
    form = _unbound(request.organisation, question, request.POST, _typed(request))
    return _page(request, question, form, found=found)


@member_may("can_answer_questions")
@require_POST
def insert_service(request, pk):
    question = _question(request, pk)
    on_the_map = Service.objects.for_org(request.organisation).current().for_cards()
    service = on_the_map.filter(pk=as_id(request.POST.get("service"))).first()
    return _with(request, question, _service_summary(service) if service else "")


@member_may("can_answer_questions")
@require_POST
def find_resource(request, pk):
    question = _question(request, pk)
    resources = Resource.objects.for_org(request.organisation).published()
    found = list(resources.search(request.POST.get("resource_q", ""))[:5])
    form = _unbound(request.organisation, question, request.POST, _typed(request))
    return _page(request, question, form, found_resources=found)


@member_may("can_answer_questions")
@require_POST
def insert_resource(request, pk):
    org = request.organisation
    question = _question(request, pk)
    item = Resource.objects.for_org(org).published().filter(pk=as_id(request.POST.get("resource"))).first()
    return _with(request, question, _resource_summary(request, org, item) if item else "")


@member_may("can_answer_questions")
def templates(request, pk=None):
    org = request.organisation
    template = get_object_or_404(ReplyTemplate.objects.for_org(org), pk=pk) if pk else None
    form = ReplyTemplateForm(request.POST or None, instance=template, user=request.user)
    if request.method == "POST" and form.is_valid():
        if template is None:
            services.create_reply_template(org, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        else:
            services.update_reply_template(
                template, form.cleaned_data, pii_confirmations=form.pii_confirmations
            )
        messages.success(request, _("The template was saved."))
        return redirect("questions:templates", org=org.slug)
    listed = ReplyTemplate.objects.for_org(org).language_first(settings.LANGUAGE_CODE)
    context = {"templates": listed, "form": form, "template": template}
    return render(request, "questions/templates.html", context)


@member_may("can_answer_questions")
@require_POST
def assign(request, pk):
    question = get_object_or_404(Question.objects.for_org(request.organisation), pk=pk)
    services.assign_question(question, request.user)
    return redirect("questions:detail", org=request.organisation.slug, pk=pk)
