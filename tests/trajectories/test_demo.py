"""The demo has trajectories in every state and three consultations (with hypotheses, goals and a held
follow-up), loaded through the services, once."""

from django.db.models import Count

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.demo.trajectories import CONSULTATIONS, TRAJECTORIES, seed_trajectories
from opvoedwijzer.privacy.pii import find_pii
from opvoedwijzer.trajectories.models import Consultation, Outcome, Trajectory, TrajectorySession


def test_the_demo_texts_hold_no_personal_data():
    texts = []
    for spec in TRAJECTORIES["zuid-limburg"]:
        texts += [spec["request"], spec["plan"], spec.get("close", {}).get("evaluation", "")]
        texts += [g["text"] for g in spec["goals"]] + [s["notes"] for s in spec["sessions"]]
        texts += [h[key] for h in spec["hypotheses"] for key in ("text", "support")]
        texts += [m[key] for m in spec["network"] for key in ("role", "how")]
    for spec in CONSULTATIONS["zuid-limburg"]:
        texts += [spec["question"], spec["observed"], spec["advice"]]
        texts += [g["text"] for g in spec.get("goals", [])]
        texts += [h[key] for h in spec.get("hypotheses", []) for key in ("text", "support")]
        follow_up = spec.get("follow_up", {})
        texts += [follow_up[key] for key in ("notes", "advice") if key in follow_up]
    assert {text: find_pii(text) for text in texts if find_pii(text)} == {}


def test_the_demo_has_trajectories_in_every_state_and_seeding_again_adds_nothing(zuid, sam, ilse):
    municipalities = list(zuid.municipalities.order_by("code"))
    trajectories, consultations = seed_trajectories(zuid, municipalities)

    assert Trajectory.objects.open().count() == 3
    assert set(Trajectory.objects.closed().values_list("outcome", flat=True)) == set(Outcome.values)
    # the one closed 400 days ago, and last year's when they closed more than a year ago
    purged = Trajectory.objects.filter(texts_purged=True)
    assert "crying" in {t.main_theme.code for t in purged}
    assert {(t.request, t.evaluation) for t in purged} == {("", "")}
    assert Consultation.objects.count() == len(consultations) == 3
    assert all(c.goals.exists() and c.hypotheses.exists() for c in consultations)
    followed_up = Consultation.objects.get(follow_up_held_on__isnull=False)
    assert [s.score for s in followed_up.goals.get().scores.order_by("date")] == [2, 7]
    sessions = TrajectorySession.objects.count()
    assert Contact.objects.count() == sessions + 3, "each session and consultation is one contact"
    assert Trajectory.objects.annotate(n=Count("goals")).filter(n=0).count() == 0
    assert (
        set(Trajectory.objects.visible_to(sam))
        < set(trajectories)
        == set(Trajectory.objects.visible_to(ilse))
    )

    assert seed_trajectories(zuid, municipalities) == ([], [])
    assert (Trajectory.objects.count(), Contact.objects.count()) == (len(trajectories), sessions + 3)
