"""The decisions register: every outcome of every meeting, and its follow-up."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = _("Decisions register")
    default_auto_field = "django.db.models.BigAutoField"
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache
        from meetings import dashboard_cache
        from meetings.hooks import meeting_panel_register

        from . import panels, signals  # noqa: F401

        # The register's public pages. An outcome is a meetings row (meetings
        # follows it, and the clock of outcomes published ahead); the
        # follow-up items are ours.
        pagecache.public_views_register(
            "decisions:register", "decisions:outcome", "decisions:feed_rss",
            "decisions:feed_atom",
        )
        pagecache.follow_app(self)
        dashboard_cache.follow_app(self)
        meeting_panel_register(place="dashboard", template_name=panels.DASHBOARD_TEMPLATE,
                               context=panels.dashboard_context)
        meeting_panel_register(place="pack", template_name=panels.PACK_TEMPLATE,
                               context=panels.pack_context)
