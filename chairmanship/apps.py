from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChairmanshipConfig(AppConfig):
    name = "chairmanship"
    verbose_name = _("Chairmanship")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache
        from membership.signals import membership_history_changed

        from .receivers import chair_terms_after_membership_change

        membership_history_changed.connect(
            chair_terms_after_membership_change,
            dispatch_uid="chairmanship.chair_terms_after_membership_change",
        )
        # Who chairs is on public pages: every change of this app's rows
        # drops the page cache.
        pagecache.public_views_register("chairmanship:overview")
        pagecache.follow_app(self)
