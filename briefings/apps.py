from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = _("Briefing packs")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        # Packs go stale when what they were built from changes (agenda,
        # registrations, selected documents): a decoupled side effect.
        from core import pagecache
        from meetings import dashboard_cache
        from meetings.hooks import meeting_panel_register

        from . import signals  # noqa: F401
        from .templatetags.briefings import (
            MEETING_PACKS_TEMPLATE,
            MY_PACKS_TEMPLATE,
            meeting_packs_context,
            my_packs_context,
        )

        # Packs are listed on meetings' public pages and on the dashboards.
        pagecache.follow_app(self)
        dashboard_cache.follow_app(self)
        meeting_panel_register(place="detail", template_name=MEETING_PACKS_TEMPLATE,
                               context=meeting_packs_context)
        meeting_panel_register(place="dashboard", template_name=MY_PACKS_TEMPLATE,
                               context=my_packs_context)
