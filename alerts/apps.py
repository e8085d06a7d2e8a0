"""Email alerts: subscriptions without an account, double opt-in, digests by Celery beat."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts")
    default_auto_field = "django.db.models.BigAutoField"
    # The Support Unit sees the subscriptions and records bounced addresses
    # in the admin (membership.permissions).
    secretariat_content = True

    def ready(self):
        from meetings import dashboard_cache
        from meetings.hooks import meeting_panel_register

        from .panels import DASHBOARD_TEMPLATE, dashboard_context

        # Coordinators and focal points see their alerts on the dashboard.
        dashboard_cache.follow_app(self)
        meeting_panel_register(place="dashboard", template_name=DASHBOARD_TEMPLATE,
                               context=dashboard_context)
