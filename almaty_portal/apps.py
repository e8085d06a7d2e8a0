from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-level app: management commands (load_demo) and site pages."""

    name = "almaty_portal"
    verbose_name = _("Portal")

    def ready(self):
        # The page cache listens to the public-content apps' models by
        # label (the apps never import almaty_portal).
        from .pagecache import watch_public_content

        watch_public_content(self)
        # Storage directories and files: `manage.py check` and /healthz.
        from . import checks  # noqa: F401
