"""Running an import: the request (from the admin: the uploaded manifest and
ZIP kept in the import's work folder, the task queued after commit; from
the command: paths on the server), and the run itself, which the Celery
task ``archive.run_import`` and ``manage.py archive_import`` both call.

A real run imports each document in its own transaction through the
archive's services (``document_create``/``document_update``,
``document_file_add``: the same file checks, storage, text extraction and
indexing as an upload in the admin; ``document_publish``), so a refusal
there rolls back that document alone. The row's progress is written as the
run goes (at most twice a second), then its report and counts."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.tasking import send_on_commit

from ..enums import FileLanguage, ImportOutcome, ImportSource, ImportStatus
from ..models import ArchiveImport, Document
from ..services import document_create, document_file_add, document_publish, document_update
from . import hooks, sources
from . import report as r
from .manifest import ManifestError, manifest_read_path
from .plan import ADD, SAME, DocumentPlan, import_plan

logger = logging.getLogger(__name__)

SAVE_EVERY = 0.5  # seconds between two writes of the progress


def archive_import_request(
    *, manifest: UploadedFile, zip_file: UploadedFile | None = None, folder: str = "",
    dry_run: bool, by,
) -> ArchiveImport:
    """An import from the admin: the manifest (and the ZIP of its files, or
    a folder of ``ARCHIVE_IMPORT_DIRS``) kept in the import's work folder,
    the run queued once committed."""
    if folder and not sources.folder_allowed(folder):
        raise ValidationError("folder not allowed", code="folder")
    with transaction.atomic():
        archive_import = ArchiveImport.objects.create(
            source=ImportSource.FOLDER if folder else ImportSource.UPLOAD,
            manifest_name=Path(manifest.name or "manifest").name[:255], dry_run=dry_run,
            created_by=by, files_dir=folder,
        )
        directory = sources.work_dir(archive_import.pk)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            suffix = ".xlsx" if (manifest.name or "").lower().endswith(".xlsx") else ".csv"
            archive_import.manifest_path = str(_keep(manifest, directory / f"manifest{suffix}"))
            if zip_file is not None:
                archive_import.zip_path = str(_keep(zip_file, directory / "files.zip"))
                archive_import.files_dir = str(directory / "files")
            archive_import.save(update_fields=["manifest_path", "zip_path", "files_dir"])
        except BaseException:
            sources.work_dir_remove(archive_import.pk)
            raise
        send_on_commit("archive.run_import", args=[archive_import.pk])
    return archive_import


def _keep(upload: UploadedFile, path: Path) -> Path:
    upload.seek(0)
    with path.open("wb") as destination:
        for chunk in upload.chunks():
            destination.write(chunk)
    return path


def archive_import_repeat(*, archive_import: ArchiveImport, by) -> ArchiveImport:
    """Run for real what a dry run checked: the same manifest and files."""
    with transaction.atomic():
        again = ArchiveImport.objects.create(
            source=archive_import.source, manifest_name=archive_import.manifest_name,
            manifest_path=archive_import.manifest_path, files_dir=archive_import.files_dir,
            zip_path=archive_import.zip_path, dry_run=False, created_by=by,
        )
        send_on_commit("archive.run_import", args=[again.pk])
    return again


def archive_import_repeatable(archive_import: ArchiveImport) -> bool:
    return (archive_import.dry_run and archive_import.status == ImportStatus.DONE
            and Path(archive_import.manifest_path).is_file())


def archive_import_from_command(*, manifest: Path, files_dir: Path, dry_run: bool,
                                progress: Callable[[int, int], None] | None = None,
                                ) -> ArchiveImport:
    """``manage.py archive_import``: run at once, in this process; the
    report is kept like the admin's."""
    archive_import = ArchiveImport.objects.create(
        source=ImportSource.COMMAND, manifest_name=manifest.name[:255],
        manifest_path=str(manifest.resolve()), files_dir=str(files_dir.resolve()),
        dry_run=dry_run,
    )
    return archive_import_run(import_id=archive_import.pk, progress=progress)


# --- The run --------------------------------------------------------------------------

class _Progress:
    def __init__(self, archive_import: ArchiveImport, callback):
        self.pk, self.callback, self.saved_at = archive_import.pk, callback, 0.0
        self.total = self.done = 0

    def set_total(self, total: int) -> None:
        self.total = total
        ArchiveImport.objects.filter(pk=self.pk).update(steps_total=total)

    def step(self, done: int) -> None:
        self.done = done
        if self.callback is not None:
            self.callback(done, self.total)
        now = time.monotonic()
        if now - self.saved_at >= SAVE_EVERY or done == self.total:
            self.saved_at = now
            ArchiveImport.objects.filter(pk=self.pk).update(steps_done=done)


def _start(import_id: int) -> ArchiveImport | None:
    with transaction.atomic():
        archive_import = ArchiveImport.objects.select_for_update().filter(pk=import_id).first()
        if archive_import is None or archive_import.status != ImportStatus.PENDING:
            return None
        archive_import.status = ImportStatus.RUNNING
        archive_import.started_at = timezone.now()
        archive_import.save(update_fields=["status", "started_at"])
    return archive_import


def _finish(archive_import: ArchiveImport, *, status: str, **fields) -> ArchiveImport:
    for name, value in {"status": status, "finished_at": timezone.now(), **fields}.items():
        setattr(archive_import, name, value)
    archive_import.steps_done = archive_import.steps_total
    archive_import.save()
    if not archive_import.dry_run and status == ImportStatus.DONE:
        # Imported: the uploaded manifest and files are in the archive now.
        sources.work_dir_release(archive_import.manifest_path)
    return archive_import


def archive_import_run(*, import_id: int,
                       progress: Callable[[int, int], None] | None = None) -> ArchiveImport:
    """Run a pending import (a second call on a started one does nothing
    and returns it as it is)."""
    archive_import = _start(import_id)
    if archive_import is None:
        return ArchiveImport.objects.get(pk=import_id)
    tracker = _Progress(archive_import, progress)
    try:
        if archive_import.zip_path:
            sources.zip_unpack(zip_path=Path(archive_import.zip_path),
                               into=Path(archive_import.files_dir))
        rows = manifest_read_path(Path(archive_import.manifest_path))
    except (ManifestError, ValidationError) as exc:
        entries = [{"line": 0, "outcome": ImportOutcome.REFUSED.value,
                    "details": r.error_in_every_language(exc)}]
        return _finish(archive_import, status=ImportStatus.FAILED, report=entries,
                       error=" ".join(exc.messages))
    except OSError as exc:
        return _finish(archive_import, status=ImportStatus.FAILED, error=str(exc))
    tracker.set_total(len(rows) * (1 if archive_import.dry_run else 2))
    ArchiveImport.objects.filter(pk=import_id).update(rows_total=len(rows))
    archive_import.rows_total = len(rows)
    try:
        plans = import_plan(rows=rows, files_dir=Path(archive_import.files_dir),
                            progress=tracker.step)
        if not archive_import.dry_run:
            done = len(rows)
            for plan in plans:
                if plan.outcome in {ImportOutcome.CREATED, ImportOutcome.UPDATED}:
                    _execute(plan, by=archive_import.created_by)
                done += len(plan.rows)
                tracker.step(done)
    except Exception as exc:
        logger.exception("Archive import %s failed", import_id)
        _finish(archive_import, status=ImportStatus.FAILED, error=repr(exc))
        raise
    counts = {outcome: sum(plan.outcome == outcome for plan in plans)
              for outcome in ImportOutcome.values}
    return _finish(
        archive_import, status=ImportStatus.DONE, report=_entries(plans),
        created_count=counts["created"], updated_count=counts["updated"],
        unchanged_count=counts["unchanged"], refused_count=counts["refused"],
    )


def _execute(plan: DocumentPlan, *, by) -> None:
    """One document, in its own transaction."""
    values = plan.values
    try:
        with transaction.atomic():
            if plan.document is None:
                document = document_create(
                    created_by=by, doc_type=values["type"], date=values["date"],
                    title_ru=values.get("title_ru", ""), title_en=values.get("title_en", ""),
                    summary_ru=values.get("summary_ru", ""),
                    summary_en=values.get("summary_en", ""), reference=plan.symbol,
                    access=values.get("access") or "public",
                    themes=values.get("themes", ()), states=values.get("states", ()),
                )
            else:
                document = plan.document
                if plan.changes:
                    document = document_update(document=document, data=plan.update_data(),
                                               updated_by=by)
            for row in plan.rows:
                if row.file_action == ADD:
                    with row.path.open("rb") as handle:
                        document_file_add(document=document,
                                          upload=File(handle, name=row.path.name),
                                          language=row.language, uploaded_by=by)
            if plan.publish:
                document_publish(document=document, by=by)
            link = hooks.meeting_link()
            if link is not None and values.get("meeting"):
                link.link(document=document, value=values["meeting"], by=by)
    except ValidationError as exc:
        plan.rows[0].reasons.extend(r.error_in_every_language(exc))
        plan.outcome = ImportOutcome.REFUSED
    except OSError:
        plan.rows[0].refuse(r.MSG_UNREADABLE, path=plan.rows[0].row.get("file"))
        plan.outcome = ImportOutcome.REFUSED
    else:
        plan.document = document


def _row_details(plan: DocumentPlan, row, first: bool) -> list[dict]:
    if plan.outcome == ImportOutcome.REFUSED:
        return row.reasons or [r.in_every_language(
            r.MSG_WITH_OTHER_LINES, lines=", ".join(
                str(other.row.line) for other in plan.rows if other.reasons))]
    details = []
    if row.info is not None and row.file_action in {ADD, SAME}:
        message = r.MSG_NEW_FILE if row.file_action == ADD else r.MSG_SAME_FILE
        details.append(r.in_every_language(
            message, language=FileLanguage(row.language).label, name=row.info.filename))
    if first:
        if plan.changes:
            details.append(r.in_every_language(r.MSG_CHANGED, fields=[
                _column_label(column) for column in plan.changes]))
        if plan.outcome == ImportOutcome.CREATED and not plan.publish:
            details.append(r.in_every_language(r.MSG_DRAFT))
        details.extend(plan.notes)
    return details


def _column_label(column: str):
    field = {"type": "doc_type"}.get(column, column)
    return Document._meta.get_field(field).verbose_name


def _entries(plans: list[DocumentPlan]) -> list[dict]:
    entries = []
    for plan in plans:
        document = plan.document
        for index, row in enumerate(plan.rows):
            entries.append({
                "line": row.row.line, "symbol": row.symbol, "language": row.language,
                "file": row.row.get("file"), "outcome": str(plan.outcome),
                "document": document.pk if document is not None and document.pk else None,
                "title": (document.title if document is not None else
                          plan.values.get("title_ru") or plan.values.get("title_en") or ""),
                "details": _row_details(plan, row, index == 0),
            })
    entries.sort(key=lambda entry: entry["line"])
    return entries
