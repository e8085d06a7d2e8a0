"""Backups of a whole instance, and their restore: the database, every stored
file and a manifest that proves what was written.

A backup is a directory::

    manifest.json        written last: what the backup holds (see below)
    database.pgdump      PostgreSQL: `pg_dump --format=custom`
    database.sqlite3     SQLite: a copy through the online backup API
    files/<storage>/...  every file of every file storage, as stored

It is written to ``<DIR>.partial`` and renamed to ``<DIR>`` only once the
manifest is in place, so a directory without ``.partial`` and with a manifest
is a finished backup; an interrupted run leaves nothing that looks good.

The manifest records the portal's version and git commit (when known), the
database vendor, the migrations applied, the number of rows of every table
(read in the same snapshot as the dump on PostgreSQL, from the copy itself on
SQLite) and the SHA-256 and size of the database file and of every stored file.
``restore`` checks the dump's checksum before touching anything, restores,
then counts and hashes again and reports every difference.

The database and the files cannot be captured in one instant: the dump is
taken first, then the files are copied. A document uploaded in between is
copied without its row (an orphan file, harmless); a file deleted in between
is reported by the copy. Run backups when the site is quiet (at night).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections, models, transaction

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
FILES_DIR = "files"
PARTIAL_SUFFIX = ".partial"
CHUNK = 1024 * 1024
# Tables that a fresh `migrate` leaves empty on every instance: a target
# whose tables hold none of these rows has never been used (the rows that
# data migrations seed, such as themes or permissions, are replaced).
USAGE_TABLES_HINT = ("django_session", "django_admin_log")

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or a restore cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class StorageRoot:
    """A directory on disk that holds stored files, under a stable name
    (the alias in settings.STORAGES, or the setting it comes from)."""

    name: str
    path: Path


@dataclass
class Report:
    """What a restore found when it compared the result with the manifest."""

    differences: list[str] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    files: int = 0
    bytes: int = 0


# --- Where files are stored ---------------------------------------------------

def storage_roots(*, strict: bool = True) -> list[StorageRoot]:
    """Every local directory that holds stored files: each storage of
    settings.STORAGES (static files excepted: collectstatic rebuilds them),
    MEDIA_ROOT, ARCHIVE_ROOT and the storage of every FileField of every
    model. Unless ``strict`` is off, raises BackupError for a storage that is
    not on the local disk (an object store is backed up by its provider,
    not by this command)."""
    found: dict[Path, str] = {}
    foreign: list[str] = []

    def add(name: str, storage_or_path) -> None:
        if isinstance(storage_or_path, FileSystemStorage):
            path = Path(storage_or_path.location)
        elif isinstance(storage_or_path, str | os.PathLike):
            path = Path(storage_or_path)
        else:
            foreign.append(f"{name} ({storage_or_path.__class__.__name__})")
            return
        found.setdefault(path.resolve(), name)

    for alias in settings.STORAGES:
        if alias != "staticfiles":
            add(alias, storages[alias])
    add("media", settings.MEDIA_ROOT)
    if getattr(settings, "ARCHIVE_ROOT", None):
        add("archive", settings.ARCHIVE_ROOT)
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, models.FileField):
                add(f"{model._meta.label_lower}.{model_field.name}", model_field.storage)
    if foreign and strict:
        raise BackupError(
            "These storages are not directories on this machine, so this command "
            f"cannot back them up: {', '.join(foreign)}. Back them up with their provider."
        )
    return sorted((StorageRoot(name, path) for path, name in found.items()), key=lambda r: r.name)


def _storage_files(root: StorageRoot, roots: list[StorageRoot]) -> Iterator[tuple[str, Path]]:
    """(relative name, path) of every file under the root, sorted, without
    following links and without entering another root nested inside it."""
    others = {r.path for r in roots if r.path != root.path}
    if not root.path.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root.path):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if (here / d).resolve() not in others)
        for filename in sorted(filenames):
            path = here / filename
            if path.is_symlink() or not path.is_file():
                continue
            yield path.relative_to(root.path).as_posix(), path


def _copy_hashing(source: Path, target: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as src:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


# --- PostgreSQL tools ---------------------------------------------------------

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


# --- Writing a backup -----------------------------------------------------------

def portal_version() -> dict:
    """The installed package's version and, in a git checkout, the commit
    (GIT_COMMIT in the environment wins: images are built without .git)."""
    try:
        version = metadata.version("almaty-portal")
    except metadata.PackageNotFoundError:
        version = None
    commit = os.environ.get("GIT_COMMIT") or None
    if commit is None and (settings.BASE_DIR / ".git").exists() and shutil.which("git"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            result = subprocess.run(  # noqa: S603
                ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],  # noqa: S607
                capture_output=True, text=True, timeout=10, check=False,
            )
            if result.returncode == 0:
                commit = result.stdout.strip() or None
    return {"version": version, "commit": commit}


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}" if unit != "B" else f"{size} B"
        value /= 1024
    return f"{size} B"  # pragma: no cover


def backup_write(*, output: Path, using: str = "default", progress: Progress = print) -> dict:
    """Write a backup of the database and every stored file to ``output``
    (which must not exist or be empty) and return its manifest."""
    started = time.monotonic()
    output = Path(output).absolute()
    if output.name.endswith(PARTIAL_SUFFIX):
        raise BackupError(f"{output}: a backup's name must not end in {PARTIAL_SUFFIX}.")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise BackupError(f"{output} already exists and is not empty: choose a new directory.")
    parent = output.parent
    if not parent.is_dir():
        raise BackupError(f"{parent} does not exist: create it first.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise BackupError(f"{parent} is not writable by this user: cannot write the backup.")
    vendor = connections[using].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    roots = storage_roots()

    partial = output.with_name(output.name + PARTIAL_SUFFIX)
    if partial.exists():
        progress(f"Removing {partial}, left by an interrupted backup.")
        shutil.rmtree(partial)
    try:
        partial.mkdir(mode=0o700)
        if output.exists():
            output.rmdir()  # empty: replaced by the finished backup
        database_file = partial / DATABASE_FILES[vendor]
        progress(f"Database ({vendor}): writing {database_file.name}...")
        dump = _dump_postgresql if vendor == "postgresql" else _dump_sqlite
        state = dump(using=using, target=database_file)
        db_sha, db_size = file_sha256(database_file)
        progress(
            f"  {len(state['tables'])} tables, {sum(state['tables'].values())} rows, "
            f"{_human(db_size)}"
        )
        storages_manifest = {}
        total_files = total_bytes = 0
        for root in roots:
            target_dir = partial / FILES_DIR / root.name
            target_dir.mkdir(parents=True)
            files = {}
            for name, path in _storage_files(root, roots):
                destination = target_dir / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                try:
                    sha, size = _copy_hashing(path, destination)
                except FileNotFoundError:
                    progress(f"  {root.name}/{name} was deleted during the backup: skipped.")
                    continue
                except PermissionError as exc:
                    raise BackupError(f"Cannot read {path}: {exc.strerror}.") from exc
                files[name] = {"sha256": sha, "size": size}
            size = sum(f["size"] for f in files.values())
            total_files += len(files)
            total_bytes += size
            exists = root.path.is_dir()
            progress(
                f"Files {root.name} ({root.path}): {len(files)} files, {_human(size)}"
                + ("" if exists else " (directory missing)")
            )
            storages_manifest[root.name] = {"path": str(root.path), "files": files}
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "portal": portal_version(),
            "database": {
                "vendor": vendor,
                "file": database_file.name,
                "sha256": db_sha,
                "size": db_size,
                "tables": state["tables"],
                "migrations": state["migrations"],
            },
            "storages": storages_manifest,
        }
        # The manifest last, then the rename: only a finished backup has both.
        manifest_path = partial / MANIFEST_NAME
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        partial.rename(output)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    progress(
        f"Backup complete: {output} ({total_files} files, "
        f"{_human(db_size + total_bytes)} in all, {time.monotonic() - started:.1f} s)"
    )
    return manifest


# --- Restoring ----------------------------------------------------------------

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
