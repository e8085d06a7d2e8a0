from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MechanismConfig(AppConfig):
    name = "mechanism"
    verbose_name = _("Operational Mechanism")
    default_auto_field = "django.db.models.BigAutoField"
