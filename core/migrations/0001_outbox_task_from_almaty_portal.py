"""OutboxTask moves from the site package (almaty_portal) to core, with its
rows: Django's state gains core.OutboxTask while the database only renames
the table (almaty_portal_outboxtask to core_outboxtask, through the schema
editor, so PostgreSQL and SQLite alike); almaty_portal's 0003 then drops the
old model from the state only. The content type follows, so permissions
granted on the model keep applying."""

import django.utils.timezone
from django.db import migrations, models

OLD_TABLE, NEW_TABLE = "almaty_portal_outboxtask", "core_outboxtask"


def _rename_table(old, new):
    def rename(apps, schema_editor):
        model = apps.get_model("almaty_portal", "OutboxTask")
        schema_editor.alter_db_table(model, old, new)

    return rename


def _move_content_type(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
        db = schema_editor.connection.alias
        types = ContentType.objects.using(db)
        if not types.filter(app_label=to_label, model="outboxtask").exists():
            types.filter(app_label=from_label, model="outboxtask").update(app_label=to_label)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("almaty_portal", "0002_outbox_task"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutboxTask",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("task_name", models.CharField(max_length=200, verbose_name="task")),
                        ("task_id", models.CharField(max_length=255, unique=True, verbose_name="task id")),
                        ("args", models.JSONField(default=list, verbose_name="positional arguments")),
                        ("kwargs", models.JSONField(default=dict, verbose_name="keyword arguments")),
                        ("eta", models.DateTimeField(blank=True, null=True, verbose_name="not before")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="recorded at")),
                        ("attempts", models.PositiveIntegerField(default=0, verbose_name="attempts to send")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                    ],
                    options={
                        "verbose_name": "task waiting for the broker",
                        "verbose_name_plural": "tasks waiting for the broker",
                        "ordering": ("created_at", "pk"),
                    },
                ),
            ],
            database_operations=[
                migrations.RunPython(
                    _rename_table(OLD_TABLE, NEW_TABLE), _rename_table(NEW_TABLE, OLD_TABLE),
                ),
            ],
        ),
        migrations.RunPython(
            _move_content_type("almaty_portal", "core"),
            _move_content_type("core", "almaty_portal"),
        ),
    ]
