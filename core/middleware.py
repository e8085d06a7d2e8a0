from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


def is_file_response(response) -> bool:
    """A file rather than a page: streamed (FileResponse, sendfile), handed
    to the web server (X-Accel-Redirect, X-Sendfile), an attachment, or any
    content type but HTML."""
    if response.streaming or "X-Accel-Redirect" in response or "X-Sendfile" in response:
        return True
    if response.get("Content-Disposition", "").lower().startswith("attachment"):
        return True
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return bool(content_type) and content_type != "text/html"


class ContentSecurityPolicyMiddleware:
    """Sends the strict Content-Security-Policy and the Permissions-Policy
    (no camera, microphone, location, payment...) from settings on every
    response.

    Templates carry no inline script or style, so the policy needs no nonces.
    The admin is served under the same policy except for its own inline
    scripts, which Django's admin does not use since 4.x.

    A response that is not an HTML page, or that is an attachment, is a
    file Django sends itself (archive and pack downloads, notes verbales,
    PDF and CSV exports, calendars, images): it gets
    FILE_CONTENT_SECURITY_POLICY (``sandbox``), as nginx gives the files it
    sends. Here, in one place, rather than in each download view: a new
    download cannot forget it, and a file a browser renders anyway (an SVG,
    a PDF that is also HTML) runs no script and reaches no cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY
        self.file_policy = settings.FILE_CONTENT_SECURITY_POLICY
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.file_policy and is_file_response(response):
            response.headers.setdefault("Content-Security-Policy", self.file_policy)
        elif self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class PrivateForSignedInUsersMiddleware:
    """Every response rendered for a signed-in user may show what only they
    may see (restricted documents, a state's contacts, the admin): no shared
    cache may keep it and no browser should store it (a shared office
    computer). ``Cache-Control: private, no-store`` and ``Vary: Cookie``.

    Anonymous responses keep whatever caching their view chose. Placed after
    AuthenticationMiddleware, so that request.user exists (and a login in
    this very request counts).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if "public" in response.get("Cache-Control", ""):
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response
