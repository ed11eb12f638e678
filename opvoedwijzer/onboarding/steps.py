"""Which first-run steps an organisation has done: read from its data in one query."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse

from opvoedwijzer.core.models import Invitation, Membership, Organisation
from opvoedwijzer.pages.models import LifeStageInfo, PublicProfile
from opvoedwijzer.taxonomy.models import TERM_MODELS

from .models import SetupMark, Step


@dataclass(frozen=True)
class StepState:
    step: Step
    done: bool
    marked: bool  # done because a coordinator said so (and may say otherwise)
    markable: bool
    url: str  # the screen where the step is done

    @property
    def code(self):
        return self.step.value

    @property
    def label(self):
        return self.step.label


def _customised_terms():
    """True when any term of the organisation was renamed, hidden or added."""
    condition = Q()
    for model in TERM_MODELS.values():
        condition |= Exists(
            model.objects.filter(organisation=OuterRef("pk")).filter(Q(hidden=True) | ~Q(custom_label=""))
        )
    return condition


def setup_steps(org):
    """The five steps with whether each is done, from one query:

    - details: a public phone number or e-mail address on the public site;
    - municipalities: at least one served;
    - taxonomy: marked done, or any term renamed, hidden or added;
    - texts: marked done, or the public site's introduction written;
    - colleagues: a second member (of any role), or an invitation (open or not) for someone who is not
      a member — the coordinator's own set-up invitation does not count.
    """
    marks = SetupMark.objects.filter(organisation=OuterRef("pk"))
    members = Membership.objects.filter(organisation=OuterRef("organisation"))
    row = (
        Organisation.objects.filter(pk=org.pk)
        .annotate(
            has_contact=Exists(
                PublicProfile.objects.filter(organisation=OuterRef("pk")).filter(~Q(phone="") | ~Q(email=""))
            ),
            has_municipalities=Exists(
                Organisation.municipalities.through.objects.filter(organisation=OuterRef("pk"))
            ),
            taxonomy_marked=Exists(marks.filter(step=Step.TAXONOMY)),
            taxonomy_changed=_customised_terms(),
            texts_marked=Exists(marks.filter(step=Step.TEXTS)),
            texts_written=Exists(PublicProfile.objects.filter(organisation=OuterRef("pk")).exclude(intro=""))
            | Exists(LifeStageInfo.objects.filter(organisation=OuterRef("pk")).exclude(text="")),
            n_members=Subquery(
                Membership.objects.filter(organisation=OuterRef("pk"))
                .order_by()
                .values("organisation")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            invited_someone=Exists(
                Invitation.objects.filter(organisation=OuterRef("pk")).exclude(
                    email__in=members.values("user__email")
                )
            ),
        )
        .values(
            "has_contact",
            "has_municipalities",
            "taxonomy_marked",
            "taxonomy_changed",
            "texts_marked",
            "texts_written",
            "n_members",
            "invited_someone",
        )
        .get()
    )
    slug = {"org": org.slug}
    return [
        StepState(Step.DETAILS, row["has_contact"], False, False, reverse("public_site_edit", kwargs=slug)),
        StepState(
            Step.MUNICIPALITIES,
            row["has_municipalities"],
            False,
            False,
            reverse("municipalities", kwargs=slug),
        ),
        StepState(
            Step.TAXONOMY,
            row["taxonomy_marked"] or row["taxonomy_changed"],
            row["taxonomy_marked"],
            True,
            reverse("taxonomy:overview", kwargs=slug),
        ),
        StepState(
            Step.TEXTS,
            row["texts_marked"] or row["texts_written"],
            row["texts_marked"],
            True,
            reverse("public_site_edit", kwargs=slug),
        ),
        StepState(
            Step.COLLEAGUES,
            (row["n_members"] or 0) >= 2 or row["invited_someone"],
            False,
            False,
            reverse("members", kwargs=slug),
        ),
    ]


def steps_left(org):
    return [s for s in setup_steps(org) if not s.done]
