"""Demo web questions (used by `manage.py seed_demo`): the inbox has a question in every state.

New (one asked today, one past its due day), assigned and in progress, answered and waiting to be
picked up, answered and picked up, answered long ago, and one the parent wrote back to after reading
the answer (open again). The texts are made up and hold nobody's personal data (a test runs the PII
guard over them); reply templates besides.

Everything goes through `services` (ask_question, assign_question, answer_question — which registers
the question as a contact, so the counts and the roll-up stay right —, mark_answer_read,
reply_to_answer, save_reply_template). The services stamp today; the days are set back afterwards to
when it would have happened, relative to today. The question that waits to be picked up gets a known
pick-up code and secret (`PICK_UP`), printed by seed_demo, so that a demo user can try the parent's
side. A question whose text is there already (in this organisation) is left alone: seeding again
changes nothing.
"""

import datetime

from django.utils import timezone

from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.models import Membership, Role, hash_secret
from opvoedwijzer.questions import services
from opvoedwijzer.questions.models import Message, Question, ReplyTemplate, Status, add_working_days
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

# The code and secret of each organisation's question that waits to be picked up: a demo, not a secret.
PICK_UP = {
    "zuid-limburg": ("DEM-7KP-3AC", "DEMO-2026"),
    "noord-limburg": ("DEM-7KP-4NE", "DEMO-2026"),
}

TEMPLATES = [
    (
        "Begroeting",
        "Dag, en bedankt voor je vraag. Fijn dat je ons contacteert: met zo'n vraag ben je zeker niet "
        "alleen.",
    ),
    (
        "Slaap bij jonge kinderen",
        "Slapen leren gaat met kleine stapjes. Een vast ritueel (badje, boekje, lichtje uit) en elke "
        "avond hetzelfde uur helpen je kind om tot rust te komen. Bouw af wat je doet om je kind in "
        "slaap te krijgen: eerst naast het bed, dan bij de deur, dan even in de gang.",
    ),
    (
        "Afsluiting",
        "Heb je nog een vraag, of wil je er eens over praten? Schrijf terug met je code, of kom langs "
        "tijdens de openingsuren. Je hoeft je naam niet te geven.",
    ),
]

# state: new | overdue | assigned | waiting (answered, not yet read) | read (answered and picked up) |
# replied (answered, read, the parent wrote back: open again). Days are days ago.
QUESTIONS = [
    {
        "state": "new",
        "asked": 0,
        "life_stage": "preschool",
        "text": "Onze dochter van vier wil elke avond pas slapen als ik naast haar bed blijf zitten. "
        "Soms duurt dat een uur. Hoe kan ik dat afbouwen zonder dat ze overstuur raakt?",
    },
    {
        "state": "overdue",
        "asked": 7,
        "life_stage": "teen",
        "text": "Mijn zoon zit in het eerste middelbaar en wil 's ochtends niet meer naar school. Hij "
        "zegt dat hij buikpijn heeft, maar de dokter vindt niets. Wat kunnen we doen?",
    },
    {
        "state": "assigned",
        "asked": 1,
        "life_stage": "primary",
        "text": "Wij gaan uit elkaar. Hoe vertellen we het aan onze kinderen van zes en negen jaar, "
        "en wat moeten we zeker niet doen?",
    },
    {
        "state": "waiting",
        "asked": 3,
        "answered": 1,
        "life_stage": "baby",
        "theme": "crying",
        "asker_role": "mother",
        "offers": ["info", "material"],
        "text": "Mijn baby van drie maanden huilt elke avond urenlang, ook als hij gedronken heeft en "
        "een schone luier heeft. Is dat normaal? Ik ben zelf ook doodop.",
        "answer": "Dag, en bedankt voor je vraag. Veel baby's huilen rond drie maanden 's avonds veel, "
        "zonder dat er iets mis is. Dat is zwaar, zeker als je zelf moe bent.\n\n"
        "Wat kan helpen: een vast avondritueel, je baby dicht bij je dragen, zachte geluiden en minder "
        "prikkels. Wordt het je te veel, leg je baby dan even veilig in bed en neem een paar minuten "
        "voor jezelf. Vraag ook iemand in je omgeving om af en toe over te nemen.\n\n"
        "In onze folder 'Huilen bij baby's: wat kan je doen?' vind je meer tips. Twijfel je of je baby "
        "ziek is, bel dan je huisarts of Kind en Gezin.",
    },
    {
        "state": "read",
        "asked": 12,
        "answered": 10,
        "read": 9,
        "life_stage": "primary",
        "theme": "screen_time",
        "asker_role": "father",
        "offers": ["info"],
        "text": "Hoeveel schermtijd is oké voor een kind van acht? Hij wil elke dag gamen en wordt "
        "boos als we de tablet afnemen.",
        "answer": "Dag, bedankt voor je vraag. Er is geen vast aantal minuten dat voor elk kind klopt. "
        "Belangrijker is dat gamen niet in de plaats komt van slapen, bewegen en samen zijn.\n\n"
        "Maak samen met je zoon afspraken: wanneer, hoelang en waar. Zet een wekker die hij zelf "
        "ziet, en kondig het einde vijf minuten op voorhand aan. Boos zijn mag; de afspraak blijft.\n\n"
        "Wil je er eens over praten? Kom gerust langs tijdens de openingsuren.",
    },
    {
        "state": "replied",
        "asked": 20,
        "answered": 17,
        "read": 16,
        "replied": 2,
        "life_stage": "toddler",
        "theme": "aggression",
        "asker_role": "both_parents",
        "offers": ["info", "advice_conversation"],
        "text": "Onze peuter bijt andere kinderen in de kinderopvang. De begeleiders vragen wat wij thuis "
        "doen. Wat raden jullie aan?",
        "answer": "Dag, bedankt voor jullie vraag. Bijten komt bij peuters vaak voor: ze hebben nog weinig "
        "woorden voor boosheid of spanning. Reageer kort en rustig ('Bijten doet pijn, dat mag niet'), "
        "troost het kind dat gebeten werd, en geef jullie peuter woorden voor wat het voelt.\n\n"
        "Spreek met de opvang af dat jullie thuis en daar op dezelfde manier reageren.",
        "reply": "Bedankt! Het gaat al iets beter in de opvang. Kunnen we ook eens langskomen voor een "
        "gesprek?",
    },
    {
        "state": "read",
        "asked": 48,
        "answered": 45,
        "read": 44,
        "life_stage": "teen",
        "theme": "puberty",
        "asker_role": "mother",
        "offers": ["info", "referral"],
        "language": "fr",
        "text": "Mon fils de quinze ans ne nous parle presque plus et reste dans sa chambre. Comment "
        "garder le contact avec lui ?",
        "answer": "Bonjour, merci pour votre question. À cet âge, beaucoup de jeunes se retirent : "
        "c'est souvent une étape normale. Restez disponible sans insister, proposez des moments "
        "simples ensemble (un repas, un trajet en voiture) et écoutez sans juger.\n\n"
        "Si vous êtes inquiète, vous pouvez aussi venir nous voir pendant les heures d'ouverture.",
    },
]

# Noord-Limburg is smaller: the same states, fewer questions.
NOORD = {"new", "assigned", "waiting", "read"}


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
    for title, text in TEMPLATES:
        if not ReplyTemplate.objects.for_org(org).filter(title=title).exists():
            services.save_reply_template(org, {"title": title, "text": text})
    specs = QUESTIONS if org.slug != "noord-limburg" else [q for q in QUESTIONS if q["state"] in NOORD]
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
