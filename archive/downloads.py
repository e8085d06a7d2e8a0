"""Sending an archive file: the one place that builds the response of the
public download (archive.views) and of the secretariat's admin download.

The bytes go through django-sendfile2's backend (X-Accel-Redirect /
X-Sendfile in production). The header keeps the original filename:
Django's ``content_disposition_header`` writes it, as ``filename*`` in UTF-8
(RFC 6266 / 5987) when it is not plain ASCII, and an ASCII ``filename``
comes first for clients that do not read ``filename*``: the name
transliterated («Декларация.pdf» -> ``deklaratsiia.pdf``), or
``document-<id>`` with the extension when nothing readable is left.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django_sendfile import sendfile

from core.transliteration import to_latin

from .models import DocumentFile


def ascii_filename(document_file: DocumentFile) -> str:
    """A readable ASCII name for ``document_file``, keeping its extension."""
    name = document_file.original_filename
    if name.isascii():
        return name
    path = PurePath(name)
    stem = slugify(to_latin(path.stem))
    suffix = re.sub(r"[^A-Za-z0-9.]+", "", path.suffix)
    return f"{stem or f'document-{document_file.pk}'}{suffix}"


def attachment_header(document_file: DocumentFile) -> str:
    """Content-Disposition: the ASCII fallback, then the real name in UTF-8
    if it differs."""
    name = document_file.original_filename
    fallback = ascii_filename(document_file)
    header = content_disposition_header(True, fallback)
    if fallback != name:
        # Django writes a non-ASCII name as its filename* form only.
        encoded = content_disposition_header(True, name).removeprefix("attachment; ")
        header = f"{header}; {encoded}"
    return header


def file_response(
    request: HttpRequest, document_file: DocumentFile, *, private: bool
) -> HttpResponse:
    """The file as an attachment; ``private`` keeps it out of shared caches
    and search engines (anything not public)."""
    response = sendfile(
        request, document_file.file.path, attachment=True,
        attachment_filename=document_file.original_filename,
        mimetype=document_file.mime_type,
    )
    response["Content-Disposition"] = attachment_header(document_file)
    if private:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
