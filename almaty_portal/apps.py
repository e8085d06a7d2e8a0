from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-level app: management commands (load_demo) and site pages."""

    name = "almaty_portal"
    verbose_name = _("Portal")

    def ready(self):
        from core import pagecache

        # The site's own public pages (core.pagecache; each app registers
        # its own), and its rows, which drop them (the demo notice).
        pagecache.public_views_register(
            "home", "about", "search",
            "django.contrib.sitemaps.views.sitemap", "almaty_portal.views.robots_txt",
        )
        pagecache.follow_app(self)
        # Storage directories and files: `manage.py check` and /healthz.
        from . import checks  # noqa: F401
