"""The one authentication backend: django-axes' lockout check, then Django's
ModelBackend (email and password); and the lockout rule axes applies, an
account from one address first, an address alone only at a higher count."""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q, Sum


class LockoutModelBackend(AxesStandaloneBackend, ModelBackend):
    """Refuses a locked-out account or address (AxesStandaloneBackend raises,
    and axes' middleware answers with the lockout page), otherwise
    authenticates like ModelBackend.

    One class rather than the two backends axes' documentation lists: with
    two, every ``login()`` without a backend argument fails (the invitation's
    set-password page signs the person in that way), and a session's backend
    path stays the same whatever the lockout settings.

    A refused attempt is marked on the request (``login_refused_locked_out``)
    so that the security log tells a refusal during a lockout from a wrong
    password (axes' own flag is also set when a failure starts a lockout)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            AxesStandaloneBackend.authenticate(self, request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            request.login_refused_locked_out = True
            raise
        return ModelBackend.authenticate(self, request, username, password, **kwargs)


class PairFirstLockoutHandler(AxesDatabaseHandler):
    """axes' database handler with two limits instead of one:

    - an account from one client address is locked after
      ``AXES_FAILURE_LIMIT`` failures (5): a password guesser gets five
      tries per address, and someone at another address (the real owner)
      is not locked out by them;
    - a client address is locked for every account after
      ``LOGIN_FAILURE_LIMIT_PER_ADDRESS`` failures (50), whatever the
      accounts: one address guessing many accounts is stopped, while an
      office behind one address is not locked out by one person's typos.

    Both count the failures within the cool-off (``AXES_COOLOFF_TIME``).
    axes compares one number with one limit, so ``get_failures`` answers in
    the account-and-address scale: the pair's count, or the limit itself
    once the address has reached its own. A successful sign-in clears the
    pair's count only (it says nothing about the other accounts tried from
    the same address)."""

    def _recent_attempts(self, request):
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is None:
            return attempts
        return attempts.filter(attempt_time__gte=get_cool_off_threshold(request))

    def get_failures(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        counts = self._recent_attempts(request).aggregate(
            address=Sum("failures_since_start"),
            pair=Sum("failures_since_start", filter=Q(username=username)),
        )
        pair = counts["pair"] or 0
        if (counts["address"] or 0) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(pair, get_failure_limit(request, credentials))
        return pair

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count
