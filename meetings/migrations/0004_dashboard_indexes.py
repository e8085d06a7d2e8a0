from django.db import migrations, models


class Migration(migrations.Migration):
    """The meetings whose registration is open, found through a small
    partial index instead of a scan of the whole history (the coordinator's
    dashboard, every request)."""

    dependencies = [
        ("meetings", "0003_confirm_terms_from_decided_at"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("status", "registration_open")),
                fields=["registration_closes"],
                name="meetings_open_reg_idx",
            ),
        ),
    ]
