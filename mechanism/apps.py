"""The Operational Mechanism as a versioned text, amended only at Ministerial Conferences."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MechanismConfig(AppConfig):
    name = "mechanism"
    verbose_name = _("Operational Mechanism")
    default_auto_field = "django.db.models.BigAutoField"
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache

        # The text, its versions and their comparison: public pages, dropped
        # by any change of this app's rows.
        pagecache.public_views_register("mechanism:text", "mechanism:versions",
                                        "mechanism:compare")
        pagecache.follow_app(self)
