from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        # The dashboards' cache follows what they show (meetings/dashboard_cache.py).
        from .dashboard_cache import watch

        watch(self)
