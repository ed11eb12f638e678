# The audit log moves from the privacy app into core (issue 16: the foundation's lowest app holds it, so
# core no longer imports privacy). Its table keeps its name: state only, nothing changes in the database.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_municipalities_since_before_our_data"),
        ("privacy", "0003_auditevent_region_actions"),  # the table exists
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ("actor_email", models.EmailField(blank=True, max_length=254)),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("login", "logged in"),
                                    ("login_failed", "failed login"),
                                    ("invitation_sent", "invitation sent"),
                                    ("invitation_accepted", "invitation accepted"),
                                    ("export", "export"),
                                    ("pii_confirmed", "personal data confirmed as none"),
                                    ("token_created", "API token made"),
                                    ("token_revoked", "API token revoked"),
                                    ("role_changed", "role changed"),
                                    ("mfa_added", "second factor added"),
                                    ("mfa_removed", "second factor removed"),
                                    ("mfa_failed", "failed second factor"),
                                    ("mfa_reopened", "two-step login set-up reopened"),
                                    ("purged", "expired data removed"),
                                    ("region_agreed", "agreed to share numbers with a region"),
                                    ("region_withdrawn", "stopped sharing numbers with a region"),
                                ],
                                max_length=30,
                            ),
                        ),
                        ("detail", models.JSONField(blank=True, default=dict)),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="core.organisation",
                            ),
                        ),
                    ],
                    options={"db_table": "privacy_auditevent", "ordering": ["-created", "-id"]},
                ),
            ],
            database_operations=[],
        ),
    ]
