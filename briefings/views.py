"""Downloading a pack: the access-checked view (briefings.selectors says
who may), used by the meeting page, the dashboards and the admin alike.

An out-of-date pack (issue 24, item 3) is still given, since a delegation
is better off with the previous version than with none while the new one
is prepared; but a link that does not say so (a bookmark, a link passed
on) gets a page first that tells it is out of date, with the link to the
previous version. The pages that offer the pack say so beside their link,
which goes straight to the file (``BriefingPack.offered_url``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django_sendfile import sendfile

from . import selectors
from .models import OUTDATED_PARAM


def pack_download(request: HttpRequest, pk: int) -> HttpResponse:
    pack = selectors.pack_for_download(pk=pk, user=request.user)
    if pack is None:
        raise Http404(_("There is no such briefing pack."))
    if pack.stale and OUTDATED_PARAM not in request.GET:
        response = TemplateResponse(request, "briefings/pack_outdated.html", {"pack": pack})
    else:
        response = sendfile(
            request, pack.file.path, attachment=True, attachment_filename=pack.filename,
            mimetype="application/pdf",
        )
        response["Content-Disposition"] = content_disposition_header(True, pack.filename)
    if pack.restricted:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
