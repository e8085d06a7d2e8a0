from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = _("Briefing packs")

    def ready(self):
        # Packs go stale when what they were built from changes (agenda,
        # registrations, selected documents): a decoupled side effect.
        from . import signals  # noqa: F401
