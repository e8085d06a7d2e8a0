"""Annual work plans agreed by the Senior Officials' Meetings."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkPlansConfig(AppConfig):
    name = "workplans"
    verbose_name = _("Work plans")
    default_auto_field = "django.db.models.BigAutoField"
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache
        from meetings import dashboard_cache
        from meetings.hooks import meeting_panel_register

        from . import signals  # noqa: F401 (the SOMs' packs follow the plans)
        from .panels import DASHBOARD_TEMPLATE, PACK_TEMPLATE, dashboard_context, pack_context

        # The public pages, dropped by any change of a plan or an activity.
        pagecache.public_views_register("workplans:index", "workplans:year")
        pagecache.follow_app(self)
        # The coordinators' dashboards list their state's activities.
        dashboard_cache.follow_app(self)
        meeting_panel_register(place="dashboard", template_name=DASHBOARD_TEMPLATE,
                               context=dashboard_context)
        meeting_panel_register(place="pack", template_name=PACK_TEMPLATE, context=pack_context)
