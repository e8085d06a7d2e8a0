from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """What the Support Unit writes for the public: news, partners and
    related processes, the regional projects catalogue, the contact page."""

    name = "content"
    verbose_name = _("Public content")
