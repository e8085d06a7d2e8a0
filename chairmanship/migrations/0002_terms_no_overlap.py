"""Chairmanship terms never overlap: an exclusion constraint over the
inclusive date range on PostgreSQL. On SQLite the services check the same
rule (and turn this constraint's IntegrityError into the same error)."""

from django.db import migrations

from core.db import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [
        # GiST indexes ranges natively: no btree_gist needed here.
        ("chairmanship", "0001_initial"),
    ]

    operations = [
        PostgreSQLOnly(
            sql=[
                """
                ALTER TABLE chairmanship_chairmanship
                ADD CONSTRAINT chairmanship_terms_no_overlap
                EXCLUDE USING gist (daterange("start", "end", '[]') WITH &&)
                """,
            ],
            reverse_sql=[
                "ALTER TABLE chairmanship_chairmanship "
                "DROP CONSTRAINT IF EXISTS chairmanship_terms_no_overlap",
            ],
        ),
    ]
