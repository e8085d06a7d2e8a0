from django.conf import settings

from .selectors import demo_data_loaded


def portal(request):
    """Names every page needs: the portal's title, and whether the database
    holds the demo data (base.html then says the data is illustrative)."""
    return {"PORTAL_NAME": settings.PORTAL_NAME, "DEMO_DATA": demo_data_loaded()}
