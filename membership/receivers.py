"""The security log's listeners: failed sign-ins and lockouts, from
Django's ``user_login_failed`` and django-axes' ``user_locked_out``
(connected in ``MembershipConfig.ready``). 403s and CSRF failures are
recorded by ``membership.middleware.SecurityLogMiddleware``; a refused
second factor from the ``user_login_failed`` the second sign-in step sends
(any sender but Django's ``authenticate``), or by a direct call to
``services.security_event_record``.

A sign-in that axes refused because a lockout was already running is
marked on the request by the site's authentication backend
(``request.login_refused_locked_out``): it is a lockout refusal, not a
failed password, and axes' ``user_locked_out`` it triggers is not a new
lockout."""

from __future__ import annotations

from axes.helpers import get_client_username
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from .enums import SecurityEventKind
from .services import security_event_record


def _refused_during_lockout(request) -> bool:
    return bool(getattr(request, "login_refused_locked_out", False))


# Django's authenticate() sends user_login_failed as this; the portal's
# second sign-in step sends it too (so that axes counts wrong codes), as
# its own module: that is a refused second factor.
_AUTHENTICATE_SENDER = "django.contrib.auth"


@receiver(user_login_failed, dispatch_uid="membership.security_log.login_failed")
def record_login_failed(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    if _refused_during_lockout(request):
        kind = SecurityEventKind.LOCKOUT_REFUSAL
    elif sender != _AUTHENTICATE_SENDER:
        kind = SecurityEventKind.SECOND_FACTOR_FAILED
    else:
        kind = SecurityEventKind.LOGIN_FAILED
    security_event_record(
        kind=kind, request=request, username=get_client_username(request, credentials) or ""
    )


@receiver(user_locked_out, dispatch_uid="membership.security_log.locked_out")
def record_lockout_started(sender, request=None, username=None, ip_address=None, **kwargs):
    if request is None or _refused_during_lockout(request):
        return
    failures = getattr(request, "axes_failures_since_start", None)
    security_event_record(
        kind=SecurityEventKind.LOCKOUT_STARTED,
        request=request,
        username=username or "",
        detail=f"failures={failures}" if failures is not None else "",
    )
