"""Downloading a pack: the access-checked view (briefings.selectors says
who may), used by the meeting page, the dashboards and the admin alike."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django_sendfile import sendfile

from . import selectors


def pack_download(request: HttpRequest, pk: int) -> HttpResponse:
    pack = selectors.pack_for_download(pk=pk, user=request.user)
    if pack is None:
        raise Http404(_("There is no such briefing pack."))
    response = sendfile(
        request, pack.file.path, attachment=True, attachment_filename=pack.filename,
        mimetype="application/pdf",
    )
    response["Content-Disposition"] = content_disposition_header(True, pack.filename)
    if pack.restricted:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
