"""The import's report: one entry per manifest row, its messages written in
every language of the site at once (staff read the report in Russian or in
English, whichever the admin is in when they look), and the words of the
report.

An entry: ``{"line", "symbol", "language", "file", "outcome", "document",
"title", "details": [{"ru": ..., "en": ...}, ...]}``; a problem with the
whole manifest is an entry with line 0."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MSG_UNKNOWN_LANGUAGE = _("Unknown language “%(value)s”: write ru, en or other.")
MSG_NO_FILE = _("The file column is empty.")
MSG_MISSING_FILE = _("The file “%(path)s” is not in the folder of files.")
MSG_OUTSIDE = _("The file path “%(path)s” leads outside the folder of files.")
MSG_UNREADABLE = _("The file “%(path)s” could not be read.")
MSG_BAD_DATE = _("“%(value)s” is not a date: write it as YYYY-MM-DD (for example 2024-09-17).")
MSG_FUTURE_DATE = _("The date %(value)s is in the future.")
MSG_BAD_TYPE = _("Unknown document type “%(value)s”: write one of %(choices)s.")
MSG_BAD_ACCESS = _("Unknown access level “%(value)s”: write one of %(choices)s.")
MSG_BAD_STATUS = _("Unknown status “%(value)s”: write published or draft.")
MSG_UNKNOWN_THEME = _("Unknown theme “%(value)s”: themes are named by their slug (%(choices)s).")
MSG_UNKNOWN_STATE = _(
    "Unknown state “%(value)s”: states are named by their ISO code (for example KZ or KAZ)."
)
MSG_TOO_LONG = _("The %(column)s is longer than %(limit)s characters.")
MSG_SAME_SYMBOL_LANGUAGE = _(
    "Line %(other)s already gives the %(language)s file of the document “%(symbol)s”."
)
MSG_SAME_FILE_IN_MANIFEST = _("The same file (by its checksum) as on line %(other)s.")
MSG_DIFFERS = _("The column %(column)s differs from line %(other)s of the same document.")
MSG_DUPLICATE = _(
    "The same file (by its checksum) is already in the archive under the document "
    "“%(document)s”."
)
MSG_LANGUAGE_TAKEN = _(
    "The document “%(document)s” already has another %(language)s file: remove that file "
    "in the admin first to replace it."
)
MSG_NEEDS_DATE = _("A new document needs a date.")
MSG_NEEDS_TYPE = _("A new document needs a type.")
MSG_WITH_OTHER_LINES = _(
    "Refused with line %(lines)s of the same document: a document is imported whole or "
    "not at all."
)
MSG_MEETING_NOT_LINKED = _(
    "The meeting “%(value)s” is not linked: no part of the portal links imported documents "
    "to meetings."
)
MSG_NEW_FILE = _("New %(language)s file “%(name)s”.")
MSG_SAME_FILE = _("The %(language)s file “%(name)s” is already there.")
MSG_CHANGED = _("Changed: %(fields)s.")
MSG_DRAFT = _("Kept as a draft (not published).")


def in_every_language(message, **params) -> dict[str, str]:
    """``message % params`` in each language of the site."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rendered = {key: _render(value) for key, value in params.items()}
            texts[code] = str(message) % rendered if rendered else str(message)
    return texts


def _render(value):
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value) if not isinstance(value, int) else value


def error_in_every_language(error: ValidationError) -> list[dict[str, str]]:
    """A service's or an upload check's ValidationError, each message in
    each language of the site."""
    per_language = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            per_language[code] = list(error.messages)
    count = len(next(iter(per_language.values())))
    return [{code: messages[index] for code, messages in per_language.items()}
            for index in range(count)]


def text(detail: dict[str, str], language: str | None = None) -> str:
    """A detail in the active language (or the other one if missing)."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return detail.get(language) or next(iter(detail.values()), "")
