"""The portal's URLs plus two that fail, for the error-page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from almaty_portal.urls import urlpatterns as portal_urlpatterns


def fails(request):
    raise RuntimeError("a bug")


def denies(request):
    raise PermissionDenied


urlpatterns = [
    *portal_urlpatterns,
    *i18n_patterns(path("test-fails/", fails), path("test-denies/", denies)),
]
