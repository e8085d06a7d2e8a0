from django.conf import settings


def portal(request):
    """Names every page needs: the portal's title and the navigation."""
    return {"PORTAL_NAME": settings.PORTAL_NAME}
