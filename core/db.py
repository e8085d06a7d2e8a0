"""Database helpers shared by every app's migrations and services (core: any
app may import them).

PostgreSQL-only DDL (exclusion constraints, GIN indexes, text search
configurations) goes through ``PostgreSQLOnly`` so that ``migrate`` still
works on SQLite, the embedded default.
"""

from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL and is a no-op on any other database."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "Raw SQL operation (PostgreSQL only)"


def constraint_name_of(error: Exception) -> str | None:
    """The name of the constraint an IntegrityError broke, when the driver
    reports it (psycopg2 on PostgreSQL); None on SQLite."""
    cause = getattr(error, "__cause__", None)
    diag = getattr(cause, "diag", None)
    return getattr(diag, "constraint_name", None)


def free_slug(queryset, base: str, *, exclude_pk: int | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``, … : the first slug no row of
    ``queryset`` (other than ``exclude_pk``) has. One query."""
    taken = queryset.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken_slugs = set(taken.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken_slugs:
        slug = f"{base}-{number}"
        number += 1
    return slug
