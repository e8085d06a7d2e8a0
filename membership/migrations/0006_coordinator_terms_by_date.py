"""At most one national coordinator per state on any day, by date range.

The partial unique index allowed one open-ended term per state but let a
term ending in the future overlap its successor's. On PostgreSQL an
exclusion constraint on the inclusive date range replaces it (btree_gist,
created in 0003, gives GiST the equality on state_id); on SQLite the
services check the same rule."""

from django.db import migrations

from core.db import PostgreSQLOnly


class Migration(migrations.Migration):

    dependencies = [
        ("membership", "0005_audit_history_rotation_key"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="nationalcoordinator",
            name="membership_one_active_coordinator_per_state",
        ),
        PostgreSQLOnly(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                """
                ALTER TABLE membership_nationalcoordinator
                ADD CONSTRAINT membership_coordinator_no_overlap
                EXCLUDE USING gist (
                    state_id WITH =,
                    daterange("start", "end", '[]') WITH &&
                )
                """,
            ],
            reverse_sql=[
                "ALTER TABLE membership_nationalcoordinator "
                "DROP CONSTRAINT IF EXISTS membership_coordinator_no_overlap",
            ],
        ),
    ]
