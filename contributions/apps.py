"""The participant states' voluntary contributions to the Support Unit's
costs (secretariat only)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Voluntary contributions")
    default_auto_field = "django.db.models.BigAutoField"
    # The secretariat's groups keep this app's rows (membership.permissions),
    # but only its administrators: what each government paid is kept by the
    # few who also manage accounts, not by every editor of the public pages.
    secretariat_content = True
    secretariat_editors = False

    def ready(self):
        from core import pagecache
        from meetings import dashboard_cache
        from meetings.hooks import meeting_panel_register

        from .dashboard import DASHBOARD_TEMPLATE, dashboard_context

        # The public yearly totals (when the setting shows them), and the
        # coordinators' dashboards, follow the ledger's rows.
        pagecache.public_views_register("contributions:totals")
        pagecache.follow_app(self)
        dashboard_cache.follow_app(self)
        meeting_panel_register(place="dashboard", template_name=DASHBOARD_TEMPLATE,
                               context=dashboard_context)
