"""GIN indexes on the archive's search vectors (PostgreSQL only: on SQLite
the vectors stay empty and search uses search_plain). Built CONCURRENTLY
would need a non-atomic migration; the archive table is small enough that a
short lock at deploy time is the simpler choice."""

from django.db import migrations

from membership.dbutils import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
    ]

    operations = [
        PostgreSQLOnly(
            sql=[
                "CREATE INDEX archive_doc_search_ru_gin ON archive_document USING gin (search_ru)",
                "CREATE INDEX archive_doc_search_en_gin ON archive_document USING gin (search_en)",
            ],
            reverse_sql=[
                "DROP INDEX IF EXISTS archive_doc_search_ru_gin",
                "DROP INDEX IF EXISTS archive_doc_search_en_gin",
            ],
        ),
    ]
