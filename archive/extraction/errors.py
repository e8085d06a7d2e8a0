"""Why a file's text could not be read: ``ExtractionError`` carries a code
and its parameters; the child reports them as JSON, the parent raises the
error again, and ``str()`` translates the message in the language active
then (it is recorded on the file for the admin)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# Messages by code: the child reports a code and its parameters, the parent
# translates (the child has no Django settings).
MESSAGES = {
    "unknown_type": _("No text reader for %(mime_type)s."),
    "encrypted": _("The PDF is password-protected."),
    "encoding": _("The text is neither UTF-8 nor Windows-1251."),
    "too_many_pages": _(
        "Pages: %(pages)s, more than the limit of %(limit)s for a document of the archive; "
        "its text was not read."
    ),
    "unpacked_too_large": _(
        "The file unpacks to more than %(limit)s MB, which no real document does; "
        "its text was not read."
    ),
    "xml_too_large": _(
        "The file’s XML is larger than %(limit)s MB unpacked, which no real document "
        "is; its text was not read."
    ),
    "unreadable": _("The file could not be read: %(detail)s"),
    "timeout": _("Reading the text took longer than %(seconds)s s; it was stopped."),
    "cpu": _("Reading the text used more than %(seconds)s s of processor time; it was stopped."),
    "memory": _("Reading the text needed more than %(limit)s MB of memory; it was stopped."),
    "crashed": _("The text reader stopped unexpectedly (%(detail)s)."),
}


class ExtractionError(Exception):
    """The file could not be read; ``str()`` is the (translated) message
    recorded on the file."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return str(MESSAGES[self.code] % self.params)
