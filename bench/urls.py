"""The portal's URLs plus /bench/bare/, a view that returns a tiny response
through every middleware: the ceiling of a request on this machine. Only
bench.settings uses this URLconf."""

from django.http import HttpResponse
from django.urls import path

from almaty_portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *portal_urlpatterns]
