"""The staff inbox of web questions: new, assigned, answered; answer and register in one step."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may

from . import services
from .models import Question, Status
from .staff_forms import AnswerForm

TABS = [(Status.NEW, _("New")), (Status.ASSIGNED, _("Assigned")), (Status.ANSWERED, _("Answered"))]


@member_may("can_see_numbers")
def inbox(request):
    org = request.organisation
    status = request.GET.get("status") or Status.NEW
    if status not in Status.values:
        status = Status.NEW
    questions = (
        Question.objects.for_org(org).filter(status=status).select_related("life_stage", "assigned_to")
    )
    if status == Status.ANSWERED:
        questions = questions.order_by("-answered_on", "-id")[:100]
    counts = {s: Question.objects.for_org(org).filter(status=s).count() for s in Status.values}
    return render(
        request, "questions/inbox.html", {"questions": questions, "status": status, "counts": counts}
    )


@member_may("can_see_numbers")
def detail(request, pk):
    org = request.organisation
    question = get_object_or_404(
        Question.objects.for_org(org).select_related("life_stage", "municipality"), pk=pk
    )
    form = AnswerForm(org, request.POST or None, initial={"answer": question.answer})
    form.pii_user = request.user
    if request.method == "POST" and form.is_valid():
        services.answer_question(
            question, request.membership, answer=form.cleaned_data["answer"], contact_data=form.contact_data()
        )
        messages.success(request, _("The answer is ready for the parent, and the question is registered."))
        return redirect("questions:inbox", org=org.slug)
    return render(request, "questions/detail.html", {"question": question, "form": form})


@member_may("can_see_numbers")
@require_POST
def assign(request, pk):
    question = get_object_or_404(Question.objects.for_org(request.organisation), pk=pk)
    services.assign_question(question, request.user)
    return redirect("questions:detail", org=request.organisation.slug, pk=pk)
