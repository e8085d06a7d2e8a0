"""What the archive's services share: the document's row lock, the title
used in messages, the follow-up tasks enqueued on commit, and the
transliteration of Russian (and Kazakh) letters."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Document

MSG_TITLE_REQUIRED = _("Give the document a title in Russian or in English.")

# Russian (and Kazakh) letters in Latin script, for slugs (close to the
# passport transliteration; no diacritics so that URLs stay plain).
TRANSLITERATION = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
})


def transliterate(text: str) -> str:
    return text.lower().translate(TRANSLITERATION)


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
