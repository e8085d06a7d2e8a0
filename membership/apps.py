from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_staff_groups(sender, using="default", **kwargs):
    """After each portal app migrates (one whose config says the secretariat
    edits its rows), give the secretariat's groups the permissions of the
    models that now exist (idempotent)."""
    from .services import staff_groups_ensure

    if getattr(sender, "secretariat_content", False):
        staff_groups_ensure()


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = _("Membership")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        post_migrate.connect(_ensure_staff_groups, dispatch_uid="membership.staff_groups")
        from django.contrib.auth.signals import user_logged_in

        from core import pagecache

        from .accounts.middleware import session_limits_start
        from .models import User

        user_logged_in.connect(session_limits_start, dispatch_uid="membership.session_limits")
        # The security log's listeners (failed sign-ins, lockouts).
        from . import receivers  # noqa: F401

        # The public pages of states and organisations, dropped by any
        # change of this app's rows but the users' (logins churn them).
        pagecache.public_views_register(
            "membership:state_list", "membership:state_detail", "membership:observer_list",
        )
        pagecache.follow_app(self, private=(User,))
        # The rows a signed-in user's roles are read from (roles_cache).
        from . import roles_cache
        from .models import (
            FocalPoint,
            MembershipPeriod,
            NationalCoordinator,
            Organisation,
            ParticipantState,
        )

        roles_cache.follow_models(
            NationalCoordinator, FocalPoint, MembershipPeriod, Organisation, ParticipantState,
        )
