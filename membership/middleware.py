"""SecurityLogMiddleware: records access denials in the security log.

- a 403 from a view (``PermissionDenied`` anywhere in our views, a
  coordinator acting for another state, the admin refusing a model) is
  "access denied", or "administration access denied" under the admin;
- a 403 before any view ran is the CSRF check's refusal (this middleware
  sits right after ``CsrfViewMiddleware``: its ``process_view`` runs only
  if the CSRF check let the request through);
- a signed-in account that is not staff sent from an admin page to the
  admin's sign-in page is "administration access denied" too.

It costs an attribute per request; only a refusal writes (one row, or one
more to a recent row's count: ``services.security_event_record``).
"""

from __future__ import annotations

from .enums import SecurityEventKind
from .services import security_event_record

_REACHED = "_security_log_view_reached"
_ADMIN_PAGES_OPEN_TO_ALL = {"login", "logout", "password_reset", "jsi18n"}


def _is_admin(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and "admin" in match.namespaces


def _signed_in_not_staff(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return not (user.is_active and user.is_staff)


class SecurityLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            security_event_record(kind=self._kind_of_403(request), request=request)
        elif (
            response.status_code == 302
            and _is_admin(request)
            and request.resolver_match.url_name not in _ADMIN_PAGES_OPEN_TO_ALL
            and _signed_in_not_staff(request)
        ):
            security_event_record(
                kind=SecurityEventKind.ADMIN_DENIED, request=request, detail="not staff"
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        setattr(request, _REACHED, True)

    @staticmethod
    def _kind_of_403(request) -> SecurityEventKind:
        if not getattr(request, _REACHED, False):
            return SecurityEventKind.CSRF_FAILURE
        if _is_admin(request):
            return SecurityEventKind.ADMIN_DENIED
        return SecurityEventKind.PERMISSION_DENIED
