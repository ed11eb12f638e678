"""The demo has a volunteer programme: volunteers in every status speaking the neighbourhood's languages,
training, monthly reflection meetings, guidance and conversations registered by volunteers — loaded once,
with texts that hold no personal data."""

import datetime

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.demo.volunteers import PROGRAMME, seed_volunteers
from opvoedwijzer.privacy.pii import find_pii
from opvoedwijzer.volunteers.models import (
    IntervisionCase,
    LearningNote,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    Volunteer,
    VolunteerLanguage,
    VolunteerQuestion,
)
from opvoedwijzer.volunteers.report import volunteer_summary
from opvoedwijzer.volunteers.selectors import modules_to_follow, volunteer_of


def test_the_demo_texts_hold_no_personal_data():
    texts = [v["availability"] for v in PROGRAMME["volunteers"]]
    texts += [m["description"] for m in PROGRAMME["modules"]]
    for meeting in PROGRAMME["meetings"]:
        texts.append(meeting["topics"])
        texts += [c[key] for c in meeting["cases"] for key in ("situation", "questions", "learned")]
    texts += [c[key] for c in PROGRAMME["check_ins"] for key in ("topics", "agreements")]
    texts += [q[key] for q in PROGRAMME["questions"] for key in ("question", "answer")]
    texts += [n["text"] for n in PROGRAMME["notes"]]
    assert {text: find_pii(text) for text in texts if find_pii(text)} == {}


def test_the_demo_has_a_volunteer_programme_and_seeding_again_adds_nothing(zuid, vera, ilse, today):
    municipalities = list(zuid.municipalities.order_by("code"))
    volunteers = seed_volunteers(zuid, municipalities)

    assert len(volunteers) == 8
    assert set(Volunteer.objects.values_list("status", flat=True)) == set(Status.values)
    languages = set(VolunteerLanguage.objects.values_list("language", flat=True))
    assert {"ar", "tr", "pl", "fr"} <= languages
    forgotten = Volunteer.objects.get(status=Status.STOPPED)
    assert forgotten.forgotten_on == today and forgotten.name == "", "stopped more than a year ago"
    assert TrainingModule.objects.count() == 5
    assert TrainingCompletion.objects.count() > 15
    past = ReflectionMeeting.objects.filter(date__lte=today)
    assert past.filter(date__gte=today - datetime.timedelta(days=190)).count() >= 6, "monthly"
    assert ReflectionMeeting.objects.filter(date__gt=today).exists(), "the next one"
    assert all(m.attendees.exists() and m.cases.exists() for m in past)
    assert IntervisionCase.objects.count() >= past.count()
    assert VolunteerQuestion.objects.open().count() == 1

    # Vera's account has her profile, her notes and a module still to follow
    profile = volunteer_of(vera)
    assert profile.name == "Vera" and profile.neighbourhoods.exists()
    assert LearningNote.objects.filter(volunteer=profile).count() == 3
    assert [m.title for m in modules_to_follow(profile)] == ["Huiselijk geweld herkennen"]
    assert profile.check_ins.filter(coordinator=ilse.user).exists()

    # conversations by volunteers, this year and last, counted in the roll-up too
    conversations = Contact.objects.filter(by_volunteer=True)
    assert conversations.filter(date__year=today.year - 1).exists() and conversations.filter(
        date__year=today.year
    )
    assert conversations.filter(author=vera.user).exists()
    assert rollup.check(zuid, repair=False) == {}
    figures = volunteer_summary(
        zuid, datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    )
    assert figures["total"] > 20 and figures["meetings"]["meetings"] >= 2

    assert seed_volunteers(zuid, municipalities) == []
    assert Volunteer.objects.count() == 8
    assert Contact.objects.filter(by_volunteer=True).count() == conversations.count()


def test_an_organisation_without_a_volunteer_account_gets_the_programme_too(noord):
    volunteers = seed_volunteers(noord, list(noord.municipalities.all()))
    assert len(volunteers) == 8 and not any(v.membership_id for v in volunteers)
    assert Contact.objects.filter(organisation=noord, by_volunteer=True, author=None).exists()
