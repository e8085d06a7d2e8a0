"""The database: PostgreSQL's client tools, reading counts and migrations,
and dumping on PostgreSQL and SQLite."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections, transaction

from .common import BackupError


def postgres_tool(name: str) -> str:
    """pg_dump or pg_restore: from PG_BINDIR if set (and only there), else
    the newest of Debian's /usr/lib/postgresql/*/bin (pg_dump must be at
    least the server's version), else PATH."""
    bindir = os.environ.get("PG_BINDIR")
    if bindir:
        tool = Path(bindir) / name
        if tool.is_file() and os.access(tool, os.X_OK):
            return str(tool)
        raise BackupError(f"{name} not found in PG_BINDIR ({bindir}).")
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise BackupError(
        f"{name} not found (looked in PG_BINDIR, /usr/lib/postgresql/*/bin and PATH): "
        "install the PostgreSQL client of the server's major version or newer "
        "(Debian: postgresql-client), or set PG_BINDIR."
    )


def _libpq_env(settings_dict: dict) -> dict[str, str]:
    """The connection of Django's settings as libpq environment variables:
    the password never appears on a command line."""
    env = dict(os.environ)
    values = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"), ("passfile", "PGPASSFILE"), ("service", "PGSERVICE"),
        ("options", "PGOPTIONS"),
    ):
        values[variable] = options.get(option)
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _run(cmd: list[str], *, env: dict[str, str], what: str) -> None:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{what} failed (exit {result.returncode}): {detail}")


# --- Reading the database -----------------------------------------------------

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - quoted identifier
        counts[table] = cursor.fetchone()[0]
    return counts


def _migrations(cursor, tables) -> list[list[str]]:
    if "django_migrations" not in tables:
        return []
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [[app, name] for app, name in cursor.fetchall()]


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [name for (name,) in rows]


def database_state(*, using: str = "default") -> dict:
    """Row counts per table and the migrations applied, read now."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return {"tables": _counts(cursor, tables), "migrations": _migrations(cursor, tables)}


def _dump_postgresql(*, using: str, target: Path) -> dict:
    """pg_dump in the snapshot of our own REPEATABLE READ transaction, so
    that the row counts are those of the dump exactly."""
    connection = connections[using]
    pg_dump = postgres_tool("pg_dump")
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot}", f"--file={target}"],
            env=_libpq_env(connection.settings_dict), what="pg_dump",
        )
        tables = connection.introspection.table_names(cursor)
        return {"tables": _counts(cursor, tables), "migrations": _migrations(cursor, tables)}


def _dump_sqlite(*, using: str, target: Path) -> dict:
    """SQLite's online backup API: a consistent copy while the site runs."""
    connection = connections[using]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        tables = _sqlite_tables(destination)
        cursor = destination.cursor()
        return {"tables": _counts(cursor, tables), "migrations": _migrations(cursor, tables)}
    finally:
        destination.close()


DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
