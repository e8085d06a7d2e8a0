"""What every part of a backup and a restore shares: the layout's names, the
error, a stored files' root, a restore's report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
