from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Regional Action Plan")
    default_auto_field = "django.db.models.BigAutoField"
