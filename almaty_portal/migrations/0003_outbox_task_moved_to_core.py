"""OutboxTask now belongs to core (core's 0001 renamed its table and took it
into its state): removed here from the state only, so no table is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("almaty_portal", "0002_outbox_task"),
        ("core", "0001_outbox_task_from_almaty_portal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutboxTask")],
        ),
    ]
