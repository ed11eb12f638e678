# Trajectories, their sessions, hypotheses, goals and scores, network; consultations (issue 17).

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contacts", "0005_rollup_counts"),
        ("core", "0012_auditevent_trajectory_opened"),
        ("taxonomy", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Trajectory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=8, verbose_name="code")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("short", "Short trajectory"),
                            ("bridging", "Bridging trajectory"),
                            ("advice_series", "Series of advice conversations"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "area",
                    models.CharField(
                        choices=[
                            ("municipality", "A municipality of the region"),
                            ("outside", "Outside the region"),
                            ("unknown", "Unknown"),
                        ],
                        default="municipality",
                        max_length=12,
                    ),
                ),
                ("request", models.TextField(blank=True, max_length=2000, verbose_name="request")),
                ("started_on", models.DateField(verbose_name="started on")),
                ("plan", models.TextField(blank=True, max_length=2000, verbose_name="plan of approach")),
                ("closed_on", models.DateField(blank=True, null=True, verbose_name="closed on")),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("goals_reached", "goals reached"),
                            ("partly_reached", "goals partly reached"),
                            ("not_reached", "goals not reached"),
                            ("referred_on", "referred on"),
                            ("stopped_by_parent", "stopped by the parent"),
                            ("moved", "moved"),
                        ],
                        max_length=20,
                        verbose_name="outcome",
                    ),
                ),
                ("evaluation", models.TextField(blank=True, max_length=2000, verbose_name="evaluation")),
                ("texts_purge_on", models.DateField(blank=True, null=True)),
                ("texts_purged", models.BooleanField(default=False)),
                (
                    "asker_role",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="taxonomy.askerrole"
                    ),
                ),
                (
                    "counsellors",
                    models.ManyToManyField(related_name="trajectories", to=settings.AUTH_USER_MODEL),
                ),
                (
                    "life_stages",
                    models.ManyToManyField(blank=True, related_name="+", to="taxonomy.lifestage"),
                ),
                (
                    "main_theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="taxonomy.theme"
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.municipality",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="trajectories",
                        to="core.organisation",
                    ),
                ),
                ("themes", models.ManyToManyField(related_name="+", to="taxonomy.theme")),
            ],
            options={
                "verbose_name": "trajectory",
                "ordering": ["-started_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="NetworkMember",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("role", models.CharField(blank=True, max_length=100, verbose_name="role")),
                ("how", models.CharField(blank=True, max_length=500, verbose_name="how they help")),
                (
                    "trajectory",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="network",
                        to="trajectories.trajectory",
                    ),
                ),
            ],
            options={
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="Hypothesis",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(blank=True, max_length=2000, verbose_name="hypothesis")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "open"), ("confirmed", "confirmed"), ("rejected", "rejected")],
                        default="open",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "support",
                    models.TextField(blank=True, max_length=2000, verbose_name="what supports or rejects it"),
                ),
                ("formed_on", models.DateField(verbose_name="formed on")),
                (
                    "trajectory",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hypotheses",
                        to="trajectories.trajectory",
                    ),
                ),
            ],
            options={
                "verbose_name": "hypothesis",
                "verbose_name_plural": "hypotheses",
                "ordering": ["formed_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="Goal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.CharField(max_length=500, verbose_name="goal")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "trajectory",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="goals",
                        to="trajectories.trajectory",
                    ),
                ),
            ],
            options={
                "verbose_name": "goal",
                "ordering": ["position", "id"],
            },
        ),
        migrations.CreateModel(
            name="TrajectorySession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("conversation", "conversation"),
                            ("home_visit", "home visit"),
                            ("phone", "phone call"),
                            ("video", "video call"),
                            ("observation", "observation"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "duration",
                    models.CharField(
                        choices=[
                            ("lt5", "Lt5"),
                            ("5to15", "5To15"),
                            ("15to30", "15To30"),
                            ("30to60", "30To60"),
                            ("gt60", "Gt60"),
                        ],
                        max_length=8,
                        verbose_name="duration",
                    ),
                ),
                ("notes", models.TextField(blank=True, max_length=2000, verbose_name="notes")),
                (
                    "contact",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="contacts.contact",
                    ),
                ),
                (
                    "counsellor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "trajectory",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to="trajectories.trajectory",
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "ordering": ["date", "id"],
            },
        ),
        migrations.CreateModel(
            name="GoalScore",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                (
                    "score",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(10),
                        ],
                        verbose_name="score",
                    ),
                ),
                ("by_parent", models.BooleanField(default=True, verbose_name="the parent's own score")),
                (
                    "goal",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scores",
                        to="trajectories.goal",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scores",
                        to="trajectories.trajectorysession",
                    ),
                ),
            ],
            options={
                "ordering": ["date", "id"],
            },
        ),
        migrations.CreateModel(
            name="Consultation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("case_consultation", "case consultation"),
                            ("observation_visit", "observation visit"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "professional_kind",
                    models.CharField(
                        choices=[
                            ("school", "school"),
                            ("childcare", "childcare"),
                            ("clb", "pupil guidance centre (CLB)"),
                            ("social_work", "social work"),
                            ("health", "health care"),
                            ("other", "other"),
                        ],
                        max_length=12,
                        verbose_name="kind of organisation",
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                (
                    "duration",
                    models.CharField(
                        choices=[
                            ("lt5", "Lt5"),
                            ("5to15", "5To15"),
                            ("15to30", "15To30"),
                            ("30to60", "30To60"),
                            ("gt60", "Gt60"),
                        ],
                        max_length=8,
                        verbose_name="duration",
                    ),
                ),
                (
                    "area",
                    models.CharField(
                        choices=[
                            ("municipality", "A municipality of the region"),
                            ("outside", "Outside the region"),
                            ("unknown", "Unknown"),
                        ],
                        default="municipality",
                        max_length=12,
                    ),
                ),
                ("question", models.TextField(blank=True, max_length=2000, verbose_name="question")),
                ("observed", models.TextField(blank=True, max_length=2000, verbose_name="what was observed")),
                ("advice", models.TextField(blank=True, max_length=2000, verbose_name="advice")),
                ("follow_up_on", models.DateField(blank=True, null=True, verbose_name="follow-up on")),
                ("texts_purge_on", models.DateField(blank=True, null=True)),
                ("texts_purged", models.BooleanField(default=False)),
                (
                    "contact",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="contacts.contact",
                    ),
                ),
                (
                    "counsellor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "life_stages",
                    models.ManyToManyField(blank=True, related_name="+", to="taxonomy.lifestage"),
                ),
                (
                    "main_theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="taxonomy.theme"
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.municipality",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="consultations",
                        to="core.organisation",
                    ),
                ),
                ("themes", models.ManyToManyField(related_name="+", to="taxonomy.theme")),
            ],
            options={
                "verbose_name": "consultation",
                "ordering": ["-date", "-id"],
                "indexes": [
                    models.Index(fields=["organisation", "date"], name="trajectorie_organis_5fdd7f_idx")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("area", "municipality"), ("municipality__isnull", False)),
                            models.Q(
                                models.Q(("area", "municipality"), _negated=True),
                                ("municipality__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="consultation_municipality_matches_area",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["organisation", "started_on"], name="trajectorie_organis_2d062c_idx"),
        ),
        migrations.AddConstraint(
            model_name="trajectory",
            constraint=models.UniqueConstraint(
                fields=("organisation", "code"), name="unique_trajectory_code"
            ),
        ),
        migrations.AddConstraint(
            model_name="trajectory",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("area", "municipality"), ("municipality__isnull", False)),
                    models.Q(
                        models.Q(("area", "municipality"), _negated=True), ("municipality__isnull", True)
                    ),
                    _connector="OR",
                ),
                name="trajectory_municipality_matches_area",
            ),
        ),
        migrations.AddConstraint(
            model_name="goalscore",
            constraint=models.CheckConstraint(
                condition=models.Q(("score__lte", 10)), name="goal_score_at_most_10"
            ),
        ),
    ]
