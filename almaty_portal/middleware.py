from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sends the strict Content-Security-Policy from settings on every response.

    Templates carry no inline script or style, so the policy needs no nonces.
    The admin is served under the same policy except for its own inline
    scripts, which Django's admin does not use since 4.x.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
