# The audit log names the opening of a trajectory page (issue 17: who opened which trajectory, when).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_auditevent"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
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
                    ("trajectory_opened", "trajectory opened"),
                ],
                max_length=30,
            ),
        ),
    ]
