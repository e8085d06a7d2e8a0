from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Regional Action Plan")
    default_auto_field = "django.db.models.BigAutoField"
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache

        # The plan's public pages, dropped by any change of its rows.
        pagecache.public_views_register(
            "actionplan:plan", "actionplan:plan_version", "actionplan:progress",
        )
        pagecache.follow_app(self)
