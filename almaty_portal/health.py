"""Is every storage directory there and usable? Read by /healthz and by the
system checks (almaty_portal/checks.py).

A server restored without its file directories, or with a volume that did
not mount, answers 404 for every download while its pages look fine: these
checks make that visible. Directories are never created here: creating an
empty one would hide exactly that failure (dev and test settings create
theirs at start).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import DatabaseError, models

from .backup import StorageRoot, storage_roots

MISSING = "missing"
NOT_A_DIRECTORY = "not a directory"
NOT_READABLE = "not readable"
NOT_WRITABLE = "not writable"
FILE_MISSING = "latest stored file missing"


@dataclass(frozen=True)
class StorageProblem:
    storage: str  # a storage's name (alias in STORAGES, or model.field)
    problem: str  # one of the constants above
    detail: str  # a path or a row: for operators, never shown publicly

    def __str__(self) -> str:
        return f"{self.storage}: {self.problem} ({self.detail})"


def _directory_problem(root: StorageRoot) -> StorageProblem | None:
    path = Path(root.path)
    if not path.exists():
        return StorageProblem(root.name, MISSING, str(path))
    if not path.is_dir():
        return StorageProblem(root.name, NOT_A_DIRECTORY, str(path))
    if not os.access(path, os.R_OK | os.X_OK):
        return StorageProblem(root.name, NOT_READABLE, str(path))
    if not os.access(path, os.W_OK):
        return StorageProblem(root.name, NOT_WRITABLE, str(path))
    return None


def storage_directory_problems() -> list[StorageProblem]:
    """Each storage directory that is missing, not a directory, or not
    readable and writable by this process."""
    return [p for root in storage_roots(strict=False) if (p := _directory_problem(root))]


def stored_file_problems() -> list[StorageProblem]:
    """For every FileField, whether the file of its newest row is on disk:
    one indexed query per field. Catches a database restored without its
    files when the (empty) directories exist. Silent if the database cannot
    be read (the database check reports that) or is not migrated yet."""
    problems = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.FileField):
                continue
            try:
                row = (
                    model._base_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .order_by("-pk").values_list("pk", field.name).first()
                )
            except DatabaseError:
                return problems
            if row and not field.storage.exists(row[1]):
                problems.append(StorageProblem(
                    f"{model._meta.label_lower}.{field.name}", FILE_MISSING,
                    f"{row[1]} of row {row[0]}",
                ))
    return problems


def storage_problems(*, files: bool = True) -> list[StorageProblem]:
    """Directory problems, then (if the directories are fine and ``files``)
    the newest stored file of each file field."""
    problems = storage_directory_problems()
    if not problems and files:
        problems = stored_file_problems()
    return problems
