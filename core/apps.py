from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer (see the package's text): every app may import it,
    it imports none of them."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # A deployment runs migrate: no page of the previous release is
        # served after it. What else drops pages, and which pages are
        # public, each app registers from its own ready().
        from .pagecache import watch_migrate

        watch_migrate(self)
