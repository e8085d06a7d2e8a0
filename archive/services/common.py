"""What the archive's services share: the document's row lock, the title
used in messages and the follow-up tasks enqueued on commit. (Slugs are
transliterated by core.transliteration, the passport one.)"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.tasking import send_on_commit

from ..models import Document

MSG_TITLE_REQUIRED = _("Give the document a title in Russian or in English.")


def has_title(document: Document) -> bool:
    return bool((document.title_ru or "").strip() or (document.title_en or "").strip())


def title_of(document: Document) -> str:
    """The title in the active language (modeltranslation falls back to the other)."""
    return document.title or str(document.pk)


def enqueue_index(document_id: int) -> None:
    send_on_commit("archive.index_document", args=[document_id])


def enqueue_extraction(file_id: int) -> None:
    send_on_commit("archive.extract_file", args=[file_id])


def document_touch(document_id: int) -> None:
    """A file of the document was added or removed: its languages and
    formats changed, so its ``updated_at`` says so (the datestamp OAI-PMH
    harvesters ask "what changed since" by: archive.oai). An UPDATE of that
    column alone: no history entry, no other field rewritten."""
    Document.objects.filter(pk=document_id).update(updated_at=timezone.now())


def lock_document(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)
