"""Deleting: a language file, whole documents, and stored files left
without a row.

A caller that wraps document_file_add in its own transaction and rolls that
back *after* the service returned leaves the stored bytes without a row
(Django has no rollback hook); archive_orphan_files_delete, run by the
``archive.delete_orphan_files`` task, removes such files once they are old
enough that no transaction can still be about to commit them."""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ..models import Document, DocumentFile, archive_storage
from .common import document_touch, enqueue_index

logger = logging.getLogger(__name__)


def _delete_stored_on_commit(names: Iterable[str]) -> None:
    """Remove stored files once their rows are gone for good: a rolled-back
    deletion keeps them. A file already missing is no error."""
    storage = archive_storage()
    for name in names:
        if name:
            transaction.on_commit(functools.partial(storage.delete, name))


def document_file_delete(*, document_file: DocumentFile, by) -> None:
    """Remove one language version: the row now (the history records who),
    the stored bytes and the document's reindexing once committed."""
    with transaction.atomic():
        name, document_id = document_file.file.name, document_file.document_id
        document_file._history_user = by
        document_file.delete()
        document_touch(document_id)
        _delete_stored_on_commit([name])
        enqueue_index(document_id)


def documents_delete(*, documents: QuerySet[Document]) -> int:
    """Delete documents with their language files (the history records each
    row, with the request's user in the admin); the stored bytes go once the
    deletion has committed. Returns how many documents went."""
    with transaction.atomic():
        names = list(
            DocumentFile.objects.filter(document__in=documents).values_list("file", flat=True)
        )
        count = documents.count()
        documents.delete()
        _delete_stored_on_commit(names)
    return count


def _stored_names(storage, directory: str) -> Iterator[str]:
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}"
    for name in directories:
        yield from _stored_names(storage, f"{directory}/{name}")


def archive_orphan_files_delete(
    *, older_than: datetime.timedelta = datetime.timedelta(hours=6)
) -> list[str]:
    """Delete stored files that no DocumentFile row refers to and that were
    written more than ``older_than`` ago; returns their names."""
    storage = DocumentFile._meta.get_field("file").storage
    if not storage.exists("archive"):
        return []
    cutoff = timezone.now() - older_than
    referenced = set(DocumentFile.objects.values_list("file", flat=True))
    deleted = []
    for name in _stored_names(storage, "archive"):
        if name in referenced or storage.get_modified_time(name) > cutoff:
            continue
        storage.delete(name)
        deleted.append(name)
    if deleted:
        logger.info("Deleted %s archive files without a row: %s", len(deleted), deleted)
    return deleted
