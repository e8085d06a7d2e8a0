"""Periods of one state's membership never overlap: an exclusion constraint
on PostgreSQL (btree_gist gives GiST an equality operator for state_id).
On SQLite the service checks the same rule."""

from django.db import migrations

from core.db import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0002_states_coordinators_organisations"),
    ]

    operations = [
        PostgreSQLOnly(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                """
                ALTER TABLE membership_membershipperiod
                ADD CONSTRAINT membership_period_no_overlap
                EXCLUDE USING gist (
                    state_id WITH =,
                    daterange("start", "end", '[]') WITH &&
                )
                """,
            ],
            reverse_sql=[
                "ALTER TABLE membership_membershipperiod "
                "DROP CONSTRAINT IF EXISTS membership_period_no_overlap",
            ],
        ),
    ]
