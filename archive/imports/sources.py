"""Where an import's manifest and files are: the folders staff may import
from (``settings.ARCHIVE_IMPORT_DIRS``), and the work folder of an import
started from the admin with an uploaded manifest and ZIP
(``settings.ARCHIVE_IMPORT_WORK_DIR/<import id>/``), removed once a real
run has imported from it.

A ZIP is unpacked member by member into that folder: names leading outside
it, links and directories are skipped, and unpacking stops at
``settings.ARCHIVE_IMPORT_MAX_UNPACKED_SIZE`` bytes counted as they are
written (a ZIP's declared sizes are not trusted)."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

CHUNK_SIZE = 1024 * 1024
UNPACKED_MARKER = ".unpacked"

MSG_BAD_ZIP = _("The ZIP file cannot be opened: it is damaged or not a ZIP file.")
MSG_ZIP_TOO_LARGE = _("The ZIP file unpacks to more than %(limit)s.")


def allowed_folders() -> list[Path]:
    return [Path(folder) for folder in settings.ARCHIVE_IMPORT_DIRS if str(folder).strip()]


def folder_allowed(path: str) -> bool:
    return any(Path(path) == folder for folder in allowed_folders())


def work_dir(import_id: int) -> Path:
    return Path(settings.ARCHIVE_IMPORT_WORK_DIR) / str(import_id)


def work_dir_remove(import_id: int) -> None:
    shutil.rmtree(work_dir(import_id), ignore_errors=True)


def work_dir_release(manifest_path: str) -> None:
    """Remove the work folder a manifest was kept in (a command's manifest,
    elsewhere on the server, is left alone)."""
    folder = Path(manifest_path).parent
    if folder.parent == Path(settings.ARCHIVE_IMPORT_WORK_DIR):
        shutil.rmtree(folder, ignore_errors=True)


def _member_path(root: Path, name: str) -> Path | None:
    parts = [part for part in PurePosixPath(name.replace("\\", "/")).parts
             if part not in {"", ".", "/"}]
    if not parts or ".." in parts:
        return None
    path = root.joinpath(*parts)
    return path if path.resolve().is_relative_to(root.resolve()) else None


def zip_unpack(*, zip_path: Path, into: Path) -> None:
    """Unpack once (a second call finds the marker and does nothing)."""
    if (into / UNPACKED_MARKER).exists():
        return
    limit = settings.ARCHIVE_IMPORT_MAX_UNPACKED_SIZE
    written = 0
    into.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(zip_path) as archive:
            for member in archive.infolist():
                is_link = stat.S_ISLNK(member.external_attr >> 16)
                target = _member_path(into, member.filename)
                if member.is_dir() or is_link or target is None:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, target.open("wb") as destination:
                    while chunk := source.read(CHUNK_SIZE):
                        written += len(chunk)
                        if written > limit:
                            raise ValidationError(MSG_ZIP_TOO_LARGE, code="zip_too_large",
                                                  params={"limit": filesizeformat(limit)})
                        destination.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            RuntimeError) as exc:
        raise ValidationError(MSG_BAD_ZIP, code="bad_zip") from exc
    (into / UNPACKED_MARKER).touch()
