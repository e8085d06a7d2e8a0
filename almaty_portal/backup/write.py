"""Writing a backup (see the package's text for its layout)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connections

from .common import FILES_DIR, MANIFEST_FORMAT, MANIFEST_NAME, PARTIAL_SUFFIX, BackupError, Progress
from .database import DATABASE_FILES, _dump_postgresql, _dump_sqlite
from .storage import _copy_hashing, _storage_files, file_sha256, storage_roots


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
