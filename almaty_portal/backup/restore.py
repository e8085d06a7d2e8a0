"""Restoring a backup into an instance, and checking one."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

from .common import (
    FILES_DIR,
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    PARTIAL_SUFFIX,
    USAGE_TABLES_HINT,
    BackupError,
    Progress,
    Report,
    StorageRoot,
)
from .database import _counts, _libpq_env, _quote, _run, database_state, postgres_tool
from .storage import _storage_files, file_sha256, storage_roots


def manifest_read(*, source: Path) -> dict:
    source = Path(source)
    if source.name.endswith(PARTIAL_SUFFIX):
        raise BackupError(f"{source} is an unfinished backup (its name ends in {PARTIAL_SUFFIX}).")
    path = source / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(
            f"{path} not found: {source} is not a finished backup made by `manage.py backup`."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} cannot be read: {exc}.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{path}: unknown manifest format (expected {MANIFEST_FORMAT}).")
    return manifest


def database_usage(*, using: str = "default") -> list[str]:
    """Why the database is not empty (an empty list if it is): it has
    tables, and user accounts, sessions or admin history. A database that
    `migrate` alone has filled (themes, permissions...) counts as empty."""
    connection = connections[using]
    user_table = apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table
    reasons = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for table in (user_table, *USAGE_TABLES_HINT):
            if table in tables:
                count = _counts(cursor, [table])[table]
                if count:
                    reasons.append(f"{table}: {count} rows")
    return reasons


def storage_usage(*, roots: list[StorageRoot]) -> list[str]:
    reasons = []
    for root in roots:
        count = sum(1 for _ in _storage_files(root, roots))
        if count:
            reasons.append(f"{root.name} ({root.path}): {count} files")
    return reasons


def _clear_directory(path: Path, *, keep: set[Path]) -> None:
    """Empty a storage directory (kept itself: it may be a mount point),
    leaving alone other storages' directories nested in it."""
    for child in path.iterdir():
        if child.resolve() in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _drop_postgresql_tables(*, using: str) -> None:
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {_quote(table)} CASCADE")


def _restore_database(*, vendor: str, dump: Path, using: str) -> None:
    connection = connections[using]
    if vendor == "postgresql":
        pg_restore = postgres_tool("pg_restore")
        _drop_postgresql_tables(using=using)
        connection.close()
        _run(
            [pg_restore, "--no-owner", "--no-privileges", "--clean", "--if-exists",
             "--exit-on-error", "--single-transaction",
             f"--dbname={connection.settings_dict['NAME']}", str(dump)],
            env=_libpq_env(connection.settings_dict), what="pg_restore",
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    connection.close()


def backup_restore(
    *, source: Path, using: str = "default", force: bool = False, progress: Progress = print,
) -> Report:
    """Restore a backup into this instance, then compare the result with
    the manifest. Refuses (BackupError, nothing changed) a damaged dump, a
    backup of another database vendor, a storage this instance does not
    have, or a target that holds data unless ``force``."""
    source = Path(source).absolute()
    manifest = manifest_read(source=source)
    database = manifest["database"]
    vendor = connections[using].vendor
    if database["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {database['vendor']} database; this instance uses {vendor}."
        )
    dump = source / database["file"]
    if not dump.is_file():
        raise BackupError(f"{dump} is missing: the backup is incomplete.")
    progress(f"Checking {dump.name}...")
    sha, _size = file_sha256(dump)
    if sha != database["sha256"]:
        raise BackupError(
            f"{dump} does not match its checksum in the manifest: the backup is damaged. "
            "Nothing was restored."
        )

    roots = {root.name: root for root in storage_roots()}
    unknown = sorted(set(manifest["storages"]) - set(roots))
    if unknown:
        raise BackupError(
            f"The backup holds files of storages this instance does not have: {', '.join(unknown)}."
        )
    targets = [roots[name] for name in sorted(manifest["storages"])]
    used = database_usage(using=using) + storage_usage(roots=list(roots.values()))
    if used and not force:
        raise BackupError(
            "The target is not empty (" + "; ".join(used) + "). Restore only into an empty "
            "instance, or pass --force to replace its database and files."
        )
    for root in targets:
        try:
            root.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupError(f"Cannot create {root.path}: {exc.strerror}.") from exc
        if not os.access(root.path, os.W_OK | os.X_OK):
            raise BackupError(f"{root.path} is not writable by this user.")

    progress(f"Restoring the database ({vendor})...")
    _restore_database(vendor=vendor, dump=dump, using=using)

    keep = {root.path.resolve() for root in roots.values()}
    file_mode = settings.FILE_UPLOAD_PERMISSIONS
    dir_mode = settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS
    for root in targets:
        if force:
            _clear_directory(root.path, keep=keep - {root.path.resolve()})
        files = manifest["storages"][root.name]["files"]
        progress(f"Restoring {len(files)} files of {root.name} into {root.path}...")
        for name in files:
            origin = source / FILES_DIR / root.name / name
            destination = root.path / name
            if not origin.is_file():
                continue  # reported by the verification below
            if not destination.resolve().is_relative_to(root.path.resolve()):
                raise BackupError(f"{root.name}/{name}: a name that leaves its directory.")
            for missing in reversed(destination.parents):
                if not missing.exists():
                    missing.mkdir()
                    if dir_mode is not None:
                        missing.chmod(dir_mode)
            shutil.copyfile(origin, destination)
            if file_mode is not None:
                destination.chmod(file_mode)

    progress("Verifying against the manifest...")
    return backup_verify(manifest=manifest, roots=targets, all_roots=list(roots.values()),
                         using=using)


def backup_verify(
    *, manifest: dict, roots: list[StorageRoot], all_roots: list[StorageRoot],
    using: str = "default",
) -> Report:
    """Compare this instance's database and files with a manifest."""
    report = Report()
    expected_tables = manifest["database"]["tables"]
    state = database_state(using=using)
    for table, count in sorted(expected_tables.items()):
        actual = state["tables"].get(table)
        if actual is None:
            report.differences.append(f"table {table}: missing (expected {count} rows)")
        elif actual != count:
            report.differences.append(f"table {table}: {actual} rows, expected {count}")
    for table in sorted(set(state["tables"]) - set(expected_tables)):
        report.differences.append(f"table {table}: not in the backup")
    if state["migrations"] != manifest["database"]["migrations"]:
        report.differences.append("applied migrations differ from the manifest's")
    report.tables = len(expected_tables)
    report.rows = sum(expected_tables.values())

    for root in roots:
        expected = manifest["storages"][root.name]["files"]
        present = dict(_storage_files(root, all_roots))
        for name, entry in expected.items():
            path = present.get(name)
            if path is None:
                report.differences.append(f"file {root.name}/{name}: missing")
                continue
            sha, size = file_sha256(path)
            if sha != entry["sha256"]:
                report.differences.append(
                    f"file {root.name}/{name}: checksum differs from the manifest "
                    f"({size} bytes, expected {entry['size']})"
                )
            report.files += 1
            report.bytes += size
        for name in sorted(set(present) - set(expected)):
            report.differences.append(f"file {root.name}/{name}: not in the backup")
    return report
