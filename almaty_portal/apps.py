from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-level app: management commands (load_demo) and site pages."""

    name = "almaty_portal"
    verbose_name = _("Portal")
