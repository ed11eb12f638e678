"""Demo web questions (used by `manage.py seed_demo`): the inbox has a question in every state.

New (one asked today, one past its due day), assigned and in progress, answered and waiting to be
picked up, answered and picked up, answered long ago, and one the parent wrote back to after reading
the answer (open again). The texts are made up and hold nobody's personal data (a test runs the PII
guard over them); reply templates besides.

Everything goes through `services` (ask_question, assign_question, answer_question — which registers
the question as a contact, so the counts and the roll-up stay right —, mark_answer_read,
reply_to_answer, create_reply_template). The services stamp today; the days are set back afterwards to
when it would have happened, relative to today. The question that waits to be picked up gets a known
pick-up code and secret (`PICK_UP`), printed by seed_demo, so that a demo user can try the parent's
side. The texts, templates and codes are in `data/questions.json`. A question whose text is there
already (in this organisation) is left alone: seeding again changes nothing.
"""

import datetime

from django.utils import timezone

from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.models import Membership, Role, hash_secret
from opvoedwijzer.questions import services
from opvoedwijzer.questions.models import Message, Question, ReplyTemplate, Status, add_working_days
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

from .files import read_json

# From `data/questions.json`: the code and secret of each organisation's question that waits to be
# picked up (a demo, not a secret), the reply templates, and the questions. A question's state is new |
# overdue | assigned | waiting (answered, not yet read) | read (answered and picked up) | replied
# (answered, read, the parent wrote back: open again); its days are days ago. An organisation named in
# "states_per_organisation" gets only the questions in those states (Noord-Limburg is smaller).
_DATA = read_json("questions.json")
PICK_UP = _DATA["pick_up"]
TEMPLATES = _DATA["reply_templates"]
QUESTIONS = _DATA["questions"]
STATES = {slug: set(states) for slug, states in _DATA["states_per_organisation"].items()}


def _members(org):
    staff = Membership.objects.filter(
        organisation=org, is_active=True, role__in=[Role.STAFF, Role.COORDINATOR]
    )
    by_role = {m.role: m for m in staff.select_related("user", "organisation").order_by("pk")}
    return by_role.get(Role.STAFF) or by_role.get(Role.COORDINATOR)


def seed_questions(org, home, today=None):
    """Load the demo questions and reply templates into `org`; most parents live in `home`, its home
    town. Returns the new questions."""
    today = today or timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    member = _members(org)
    if member is None:
        return []
    for template in TEMPLATES:
        if not ReplyTemplate.objects.for_org(org).filter(title=template["title"]).exists():
            services.create_reply_template(org, {"title": template["title"], "text": template["text"]})
    specs = [q for q in QUESTIONS if org.slug not in STATES or q["state"] in STATES[org.slug]]
    existing = set(Question.objects.for_org(org).values_list("text", flat=True))
    stages = {s.code: s for s in LifeStage.objects.for_org(org)}
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    roles = {r.code: r for r in AskerRole.objects.for_org(org)}
    offers = {o.code: o for o in OfferType.objects.for_org(org)}
    web = Channel.objects.for_org(org).get(code="web_question")
    created = []
    for spec in specs:
        if spec["text"] in existing:
            continue
        question, _secret = services.ask_question(
            org,
            text=spec["text"],
            life_stage=stages.get(spec["life_stage"]),
            municipality=home if spec["state"] != "assigned" else None,
            language=spec.get("language", "nl"),
        )
        asked = ago(spec["asked"])
        Question.objects.filter(pk=question.pk).update(asked_on=asked, due_on=add_working_days(asked, 3))
        question.refresh_from_db()
        if spec["state"] != "new" and spec["state"] != "overdue":
            services.assign_question(question, member.user)
        if "answer" in spec:
            answered = ago(spec["answered"])
            contact_data = {
                "date": answered,
                "channel": web,
                "asker_role": roles[spec["asker_role"]],
                "request_kind": "parenting",
                "main_theme": themes[spec["theme"]],
                "themes": [],
                "offers": [offers[c] for c in spec["offers"]],
                "duration": "15to30",
                "municipality": home or Area.UNKNOWN,
            }
            services.answer_question(question, member, answer=spec["answer"], contact_data=contact_data)
            Question.objects.filter(pk=question.pk).update(answered_on=answered)
            question.messages.update(sent_on=answered)
            question.refresh_from_db()
        if "read" in spec:
            services.mark_answer_read(question)
            Question.objects.filter(pk=question.pk).update(answer_read_on=ago(spec["read"]))
        if "reply" in spec:
            services.reply_to_answer(question, spec["reply"])
            replied = ago(spec["replied"])
            Question.objects.filter(pk=question.pk).update(due_on=add_working_days(replied, 3))
            Message.objects.filter(question=question, from_parent=True).update(sent_on=replied)
        if spec["state"] == "waiting" and org.slug in PICK_UP:
            code, secret = PICK_UP[org.slug]
            if not Question.objects.filter(code=code).exists():
                Question.objects.filter(pk=question.pk).update(code=code, secret_hash=hash_secret(secret))
        question.refresh_from_db()
        created.append(question)
    return created


def pick_up(org):
    """(code, secret) of the demo question waiting in `org`, while it still has its demo code."""
    code, secret = PICK_UP.get(org.slug, (None, None))
    if code and Question.objects.for_org(org).filter(code=code, status=Status.ANSWERED).exists():
        return code, secret
    return None
