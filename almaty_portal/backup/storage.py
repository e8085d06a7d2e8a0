"""Where files are stored, and copying them with their checksums."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models

from .common import CHUNK, BackupError, StorageRoot


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
