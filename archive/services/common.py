"""What the archive's services share: the document's row lock, the title
used in messages, the follow-up tasks enqueued on commit, and the
transliteration of Russian (and Kazakh) letters."""

from __future__ import annotations

import iuliia
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Document

MSG_TITLE_REQUIRED = _("Give the document a title in Russian or in English.")

# Russian letters in Latin script by the passport standard (ICAO Doc 9303,
# through iuliia: no diacritics, so URLs stay plain); the Kazakh letters
# beyond the Russian alphabet, which ICAO does not cover, first by this table.
TRANSLITERATION = str.maketrans({
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
})


def transliterate(text: str) -> str:
    return iuliia.ICAO_DOC_9303.translate(text.lower().translate(TRANSLITERATION))


def has_title(document: Document) -> bool:
    return bool((document.title_ru or "").strip() or (document.title_en or "").strip())


def title_of(document: Document) -> str:
    """The title in the active language (modeltranslation falls back to the other)."""
    return document.title or str(document.pk)


def enqueue_index(document_id: int) -> None:
    from .. import tasks

    transaction.on_commit(lambda: tasks.index_document.delay(document_id))


def enqueue_extraction(file_id: int) -> None:
    from .. import tasks

    transaction.on_commit(lambda: tasks.extract_file.delay(file_id))


def lock_document(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)
