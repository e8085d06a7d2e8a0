"""The one authentication backend: django-axes' lockout check, then Django's
ModelBackend (email and password)."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class LockoutModelBackend(AxesStandaloneBackend, ModelBackend):
    """Refuses a locked-out account or address (AxesStandaloneBackend raises,
    and axes' middleware answers with the lockout page), otherwise
    authenticates like ModelBackend.

    One class rather than the two backends axes' documentation lists: with
    two, every ``login()`` without a backend argument fails (the invitation's
    set-password page signs the person in that way), and a session's backend
    path stays the same whatever the lockout settings."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        AxesStandaloneBackend.authenticate(self, request, username, password, **kwargs)
        return ModelBackend.authenticate(self, request, username, password, **kwargs)
