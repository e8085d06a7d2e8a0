"""Backups and restore (`manage.py backup` / `manage.py restore`), and the
storage checks of /healthz and `manage.py check`.

The round trips run the commands as an operator would, in subprocesses on
instances of their own: a source database (migrated, demo data loaded, with
the demo's archive files, packs and notes verbales) is backed up, then
restored into a second, empty database with empty file directories; every
table's rows (count and a hash of all rows) and every file's checksum must
match. On PostgreSQL both databases live on the test server; on SQLite they
are new files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from almaty_portal.backup import BackupError, backup_write, postgres_tool
from tests.conftest import ROOT, unavailable

# --- Instances of their own ---------------------------------------------------


def _environment(base: Path, database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(base / "media"),
        "ARCHIVE_ROOT": str(base / "archive"),
        "CELERY_TASK_ALWAYS_EAGER": "true",
    }
    env.pop("ALMATY_WORKER_USES_TEST_DATABASE", None)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=900, check=False,
    )


def _ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def _source_instance(base: Path, database_url: str) -> dict[str, str]:
    """A migrated instance with the demo data, plus a media file (news images
    live on the default storage, which the demo leaves empty)."""
    env = _environment(base, database_url)
    _ok(_manage("migrate", "--no-input", "-v", "0", env=env))
    _ok(_manage("load_demo", "--allow-production", env=env))
    image = base / "media" / "news" / "2026" / "photo.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    return env


def _rows(rows) -> tuple[int, str]:
    def plain(value):
        return bytes(value) if isinstance(value, memoryview) else value

    lines = sorted(repr(tuple(plain(v) for v in row)) for row in rows)
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()


def sqlite_tables(path: Path) -> dict[str, tuple[int, str]]:
    """Every table: (row count, hash of all its rows in a fixed order)."""
    conn = sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: _rows(conn.execute(f'SELECT * FROM "{n}"')) for n in names}  # noqa: S608
    finally:
        conn.close()


def postgresql_tables(dsn: str) -> dict[str, tuple[int, str]]:
    import psycopg2

    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
            names = [n for (n,) in cursor.fetchall()]
            result = {}
            for name in names:
                cursor.execute(f'SELECT * FROM "{name}"')  # noqa: S608
                result[name] = _rows(cursor.fetchall())
            return result
    finally:
        conn.close()


def tree(root: Path) -> dict[str, str]:
    """Every file under root: relative name -> SHA-256."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def _size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _report(label: str, backup: Path, backup_s: float, restore_s: float) -> None:
    manifest = json.loads((backup / "manifest.json").read_text())
    files = sum(len(s["files"]) for s in manifest["storages"].values())
    sys.stderr.write(
        f"\n[backup {label}] {sum(manifest['database']['tables'].values())} rows, "
        f"{files} files, {_size(backup) / 1e6:.1f} MB; backup {backup_s:.1f} s, "
        f"restore (with verification) {restore_s:.1f} s\n"
    )


# --- SQLite -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory):
    """The demo instance on SQLite and its backup, made once for the module."""
    base = tmp_path_factory.mktemp("sqlite-source")
    env = _source_instance(base, f"sqlite:///{base / 'portal.sqlite3'}")
    started = time.monotonic()
    result = _ok(_manage("backup", "--output", str(base / "backup"), env=env))
    return {"base": base, "env": env, "backup": base / "backup",
            "seconds": time.monotonic() - started, "stdout": result.stdout}


def _sqlite_target(tmp_path: Path) -> dict[str, str]:
    return _environment(tmp_path, f"sqlite:///{tmp_path / 'restored.sqlite3'}")


def test_backup_sqlite_round_trip_restores_every_row_and_file(sqlite_backup, tmp_path):
    source = sqlite_backup["base"]
    target = _sqlite_target(tmp_path)

    started = time.monotonic()
    result = _manage("restore", str(sqlite_backup["backup"]), env=target)
    elapsed = time.monotonic() - started

    _ok(result)
    assert "Restored and verified" in result.stdout
    assert sqlite_tables(tmp_path / "restored.sqlite3") == sqlite_tables(source / "portal.sqlite3")
    for directory in ("archive", "media"):
        assert tree(tmp_path / directory) == tree(source / directory)
    assert len(tree(tmp_path / "archive")) >= 10  # documents, packs, notes verbales
    _report("sqlite demo", sqlite_backup["backup"], sqlite_backup["seconds"], elapsed)


def test_backup_sqlite_manifest_says_what_was_backed_up(sqlite_backup):
    manifest = json.loads((sqlite_backup["backup"] / "manifest.json").read_text())
    source_tables = sqlite_tables(sqlite_backup["base"] / "portal.sqlite3")

    assert manifest["format"] == 1
    assert manifest["database"]["vendor"] == "sqlite"
    assert manifest["database"]["tables"] == {
        name: count for name, (count, _digest) in source_tables.items()
        if not name.startswith("sqlite_")
    }
    assert ["archive", "0001_initial"] in manifest["database"]["migrations"]
    assert manifest["portal"]["version"] == "0.1.0"
    archive = sqlite_backup["base"] / "archive"
    assert {
        name: entry["sha256"] for name, entry in manifest["storages"]["archive"]["files"].items()
    } == tree(archive)
    assert not (sqlite_backup["backup"].parent / "backup.partial").exists()


def test_restore_refuses_a_database_that_holds_data(sqlite_backup, tmp_path):
    target = _sqlite_target(tmp_path)
    _ok(_manage("restore", str(sqlite_backup["backup"]), env=target))
    (tmp_path / "archive" / "kept.txt").write_text("mine")

    result = _manage("restore", str(sqlite_backup["backup"]), env=target)

    assert result.returncode == 1
    assert "The target is not empty" in result.stderr
    assert "membership_user" in result.stderr
    assert (tmp_path / "archive" / "kept.txt").read_text() == "mine"


def test_restore_refuses_storage_directories_that_hold_files(sqlite_backup, tmp_path):
    target = _sqlite_target(tmp_path)
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "left-over.jpg").write_bytes(b"x")

    result = _manage("restore", str(sqlite_backup["backup"]), env=target)

    assert result.returncode == 1
    assert "The target is not empty" in result.stderr
    assert "1 files" in result.stderr
    assert not (tmp_path / "restored.sqlite3").exists() or not sqlite_tables(
        tmp_path / "restored.sqlite3")


def test_restore_force_replaces_a_target_that_holds_data(sqlite_backup, tmp_path):
    target = _sqlite_target(tmp_path)
    _ok(_manage("restore", str(sqlite_backup["backup"]), env=target))  # users, files
    (tmp_path / "archive" / "stale.pdf").write_bytes(b"%PDF-stale")
    database = tmp_path / "restored.sqlite3"
    conn = sqlite3.connect(database)
    with conn:
        conn.execute("DELETE FROM archive_theme WHERE id IN (SELECT MIN(id) FROM archive_theme)")
    conn.close()

    result = _manage("restore", "--force", str(sqlite_backup["backup"]), env=target)

    _ok(result)
    assert not (tmp_path / "archive" / "stale.pdf").exists()
    assert tree(tmp_path / "archive") == tree(sqlite_backup["base"] / "archive")
    assert sqlite_tables(database) == sqlite_tables(sqlite_backup["base"] / "portal.sqlite3")


def test_restore_reports_a_tampered_file(sqlite_backup, tmp_path):
    backup = tmp_path / "copy"
    shutil.copytree(sqlite_backup["backup"], backup)
    tampered = sorted((backup / "files" / "archive").rglob("*.pdf"))[0]
    tampered.write_bytes(tampered.read_bytes() + b"%tampered")
    name = tampered.relative_to(backup / "files").as_posix()
    target = _sqlite_target(tmp_path / "target")

    result = _manage("restore", str(backup), env=target)

    assert result.returncode == 1
    assert f"file {name}: checksum differs from the manifest" in result.stderr
    assert "1 differences from the manifest" in result.stderr


def test_restore_refuses_a_damaged_database_dump_and_changes_nothing(sqlite_backup, tmp_path):
    backup = tmp_path / "copy"
    shutil.copytree(sqlite_backup["backup"], backup)
    with (backup / "database.sqlite3").open("r+b") as dump:
        dump.seek(5000)
        dump.write(b"\x00damaged\x00")
    target = _sqlite_target(tmp_path / "target")

    result = _manage("restore", str(backup), env=target)

    assert result.returncode == 1
    assert "does not match its checksum in the manifest" in result.stderr
    assert tree(tmp_path / "target" / "archive") == {}


def test_restore_refuses_an_unfinished_backup(sqlite_backup, tmp_path):
    partial = tmp_path / "nightly.partial"
    shutil.copytree(sqlite_backup["backup"], partial)
    (tmp_path / "nightly").mkdir()
    target = _sqlite_target(tmp_path / "target")

    unfinished = _manage("restore", str(partial), env=target)
    no_manifest = _manage("restore", str(tmp_path / "nightly"), env=target)

    assert unfinished.returncode == 1
    assert "unfinished backup" in unfinished.stderr
    assert no_manifest.returncode == 1
    assert "is not a finished backup" in no_manifest.stderr


def test_backup_refuses_an_existing_backup_directory(sqlite_backup):
    result = _manage("backup", "--output", str(sqlite_backup["backup"]), env=sqlite_backup["env"])

    assert result.returncode == 1
    assert "already exists and is not empty" in result.stderr


# --- PostgreSQL ---------------------------------------------------------------


@pytest.fixture(scope="module")
def postgresql_server():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        unavailable("needs the test PostgreSQL server")
    import psycopg2

    server = url.rsplit("/", 1)[0]
    names = [f"backup_{role}_{uuid.uuid4().hex[:8]}" for role in ("source", "target")]
    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    yield server, names
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.postgresql
def test_backup_postgresql_round_trip_restores_every_row_and_file(
        postgresql_server, tmp_path_factory):
    server, (source_db, target_db) = postgresql_server
    base = tmp_path_factory.mktemp("pg-source")
    source = _source_instance(base, f"{server}/{source_db}")
    started = time.monotonic()
    _ok(_manage("backup", "--output", str(base / "backup"), env=source))
    backup_seconds = time.monotonic() - started
    target_base = tmp_path_factory.mktemp("pg-target")
    target = _environment(target_base, f"{server}/{target_db}")
    # As docker-compose starts it: migrated, no user, no file.
    _ok(_manage("migrate", "--no-input", "-v", "0", env=target))

    started = time.monotonic()
    result = _manage("restore", str(base / "backup"), env=target)
    restore_seconds = time.monotonic() - started

    _ok(result)
    assert "Restored and verified" in result.stdout
    restored = postgresql_tables(f"{server}/{target_db}")
    assert restored == postgresql_tables(f"{server}/{source_db}")
    assert restored["membership_user"][0] >= 2
    for directory in ("archive", "media"):
        assert tree(target_base / directory) == tree(base / directory)
    manifest = json.loads((base / "backup" / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == "postgresql"
    assert manifest["database"]["tables"] == {
        name: count for name, (count, _digest) in restored.items()
    }
    _report("postgresql demo", base / "backup", backup_seconds, restore_seconds)

    again = _manage("restore", str(base / "backup"), env=target)

    assert again.returncode == 1
    assert "The target is not empty" in again.stderr


def test_postgres_tool_missing_from_pg_bindir_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PG_BINDIR", str(tmp_path))

    with pytest.raises(BackupError, match=r"pg_dump not found in PG_BINDIR"):
        postgres_tool("pg_dump")


# --- In-process: nothing half-written ----------------------------------------


def test_backup_interrupted_leaves_nothing_that_looks_finished(transactional_db, tmp_path):
    output = tmp_path / "nightly"

    def progress(line: str) -> None:
        if line.startswith("Files"):
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        backup_write(output=output, progress=progress)

    assert sorted(tmp_path.iterdir()) == []


def test_backup_of_the_running_database_counts_its_rows(transactional_db, tmp_path):
    from membership.models import User

    User.objects.create_user(email="counted@example.org", password="x")

    manifest = backup_write(output=tmp_path / "nightly", progress=lambda line: None)

    assert manifest["database"]["tables"]["membership_user"] == 1
    assert (tmp_path / "nightly" / "manifest.json").is_file()
    assert (tmp_path / "nightly" / manifest["database"]["file"]).stat().st_size > 0


# --- Storage checks: /healthz and manage.py check -----------------------------


@pytest.fixture
def archive_missing(settings, tmp_path):
    missing = tmp_path / "not-mounted"
    settings.ARCHIVE_ROOT = missing
    settings.STORAGES = {
        **settings.STORAGES,
        "archive": {**settings.STORAGES["archive"],
                    "OPTIONS": {"location": str(missing), "base_url": None}},
    }
    return missing


@pytest.mark.django_db
def test_healthz_reports_storage_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content)["storage"] == "ok"


@pytest.mark.django_db
def test_healthz_fails_when_the_archive_directory_is_missing(client, archive_missing):
    response = client.get("/healthz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["storage"] == ["archive: missing"]
    assert body["status"] == "error"
    assert str(archive_missing) not in response.content.decode()  # no path leaks


@pytest.mark.django_db
def test_healthz_fails_when_the_newest_stored_file_is_gone(client):
    from tests.factories.archive import DocumentFileFactory

    document_file = DocumentFileFactory()
    document_file.file.storage.delete(document_file.file.name)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["storage"] == [
        "archive.documentfile.file: latest stored file missing",
    ]


# The storage checks alone (their tags): the whole project's check runs in a
# fresh process in `make check`, while in this process an admin page rendered
# by an earlier test leaves modeltranslation's `fields` on the admin classes.
def test_check_reports_a_missing_archive_directory(archive_missing):
    with pytest.raises(SystemCheckError, match=r"almaty_portal\.E001") as raised:
        call_command("check", "--tag", "files")

    assert f"{archive_missing} is missing" in str(raised.value)


def test_check_passes_with_the_storage_directories(settings):
    call_command("check", "--tag", "files", "--fail-level", "WARNING")


@pytest.mark.django_db
def test_check_with_the_database_warns_of_a_missing_stored_file():
    from tests.factories.archive import DocumentFileFactory

    document_file = DocumentFileFactory()
    document_file.file.storage.delete(document_file.file.name)

    with pytest.raises(SystemCheckError, match=r"almaty_portal\.W002"):
        call_command(
            "check", "--tag", "database", "--database", "default", "--fail-level", "WARNING"
        )
