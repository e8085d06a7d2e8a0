"""The harvesting endpoints, outside the language prefix: OAI-PMH at
/oai/ (GET or POST, as the protocol allows; no CSRF check, since it
changes nothing) and the JSON list at /api/documents/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.links import absolute_url

from . import api, protocol


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request: HttpRequest) -> HttpResponse:
    query = request.POST if request.method == "POST" else request.GET
    repeated = sorted(name for name, values in query.lists() if len(values) > 1)
    arguments = {name: query[name] for name in query}
    base_url = absolute_url(reverse("harvest:oai"), request=request)
    content = protocol.respond(arguments, base_url=base_url, repeated=repeated)
    return HttpResponse(content, content_type="text/xml; charset=utf-8")


@require_GET
def documents_json(request: HttpRequest) -> JsonResponse:
    """The public documents' metadata, a page at a time (``?page=2``)."""
    found = api.documents_page(
        page=request.GET.get("page", "1"),
        base_url=absolute_url("/", request=request).rstrip("/"),
        path=reverse("harvest:documents"), oai_path=reverse("harvest:oai"),
    )
    if found.error:
        return JsonResponse({"error": found.error}, status=404)
    return JsonResponse(found.body, json_dumps_params={"ensure_ascii": False})
