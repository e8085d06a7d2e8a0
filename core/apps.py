from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer (see the package's text): every app may import it,
    it imports none of them."""

    name = "core"
    verbose_name = _("Core")
