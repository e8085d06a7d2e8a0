"""How long a session lasts, and staff's second factor.

``SessionLimitsMiddleware`` ends a session idle for longer than its limit,
or older than its absolute limit (staff: SESSION_IDLE_TIMEOUT_STAFF and
SESSION_ABSOLUTE_TIMEOUT_STAFF; everyone else: SESSION_IDLE_TIMEOUT_USERS
and SESSION_ABSOLUTE_TIMEOUT_USERS; 0 means no limit). The time of the
last request is written at most once a minute (``SEEN_WRITE_EVERY``), so
most requests write nothing to the session; idle time is therefore
measured to within that minute.

``StaffSecondFactorMiddleware``: with STAFF_REQUIRE_2FA on, a staff
session that did not pass a second factor reaches only the sign-in and
enrolment pages: a staff member with an authenticator is signed out and
asked to sign in with it, one without is sent to enrol. So a staff
password alone never reaches the admin (or any other page).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import selectors

STARTED_SESSION_KEY = "_session_started_at"
SEEN_SESSION_KEY = "_session_seen_at"
SEEN_WRITE_EVERY = 60  # seconds


def session_limits_start(sender, request, user, **kwargs):
    """On sign-in (user_logged_in): the session's clocks start now."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[STARTED_SESSION_KEY] = now
    request.session[SEEN_SESSION_KEY] = now


def session_limits_for(user) -> tuple[int, int]:
    """(idle, absolute) limits in seconds for ``user``; 0: none."""
    if user.is_staff:
        return settings.SESSION_IDLE_TIMEOUT_STAFF, settings.SESSION_ABSOLUTE_TIMEOUT_STAFF
    return settings.SESSION_IDLE_TIMEOUT_USERS, settings.SESSION_ABSOLUTE_TIMEOUT_USERS


def session_limits_for_all() -> tuple[int, int, int, int]:
    return (
        settings.SESSION_IDLE_TIMEOUT_STAFF, settings.SESSION_ABSOLUTE_TIMEOUT_STAFF,
        settings.SESSION_IDLE_TIMEOUT_USERS, settings.SESSION_ABSOLUTE_TIMEOUT_USERS,
    )


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            any(session_limits_for_all())
            and SESSION_KEY in request.session
            and request.user.is_authenticated
        ):
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        idle, absolute = session_limits_for(request.user)
        if not idle and not absolute:
            return
        session = request.session
        now = int(time.time())
        started = session.get(STARTED_SESSION_KEY)
        seen = session.get(SEEN_SESSION_KEY)
        if not isinstance(started, int) or not isinstance(seen, int):
            # A session from before the limits: its clocks start now.
            session[STARTED_SESSION_KEY] = session[SEEN_SESSION_KEY] = now
            return
        if (idle and now - seen > idle) or (absolute and now - started > absolute):
            logout(request)
            messages.info(request, _("Your session has ended. Please sign in again."))
            return
        if now - seen >= SEEN_WRITE_EVERY:
            session[SEEN_SESSION_KEY] = now


# Pages an unverified staff session may still open: signing in and out,
# enrolling, the account page and the password pages.
SECOND_FACTOR_EXEMPT = frozenset({
    "login", "admin_login", "login_verify", "logout", "account", "two_factor_setup",
    "two_factor_qr", "password_change", "password_change_done", "password_reset",
    "password_reset_done", "password_reset_confirm", "password_reset_complete", "healthz",
})


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_REQUIRE_2FA:
            return None
        user = request.user
        if not user.is_authenticated or not user.is_staff or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and (
            (not match.namespace and match.url_name in SECOND_FACTOR_EXEMPT)
            or (match.namespace == "admin" and match.url_name == "logout")
        ):
            return None
        if selectors.has_second_factor(user=user):
            logout(request)
            messages.info(request, _("Please sign in with your password and your code."))
            return redirect_to_login(request.get_full_path())
        messages.info(
            request,
            _("Staff accounts need two-factor authentication. Set it up to continue."),
        )
        return redirect(
            f"{reverse('two_factor_setup')}?{urlencode({'next': request.get_full_path()})}"
        )
