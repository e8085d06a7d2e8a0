from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def registration_has_closed_for(instance) -> bool:
    """Whether a delegation's or delegate's change shows on a public page: a
    meeting's page names the states and organisations whose delegations
    were submitted (and a public proceedings pack may be marked out of date
    by a delegate's change) only once its registration has closed; the busy
    weeks of registration before that leave the page cache alone."""
    from .models import Meeting
    from .selectors import registration_has_closed

    meeting = (
        Meeting.objects.filter(pk=instance.meeting_id).only("status", "registration_closes").first()
    )
    return meeting is None or registration_has_closed(meeting)


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache
        from membership.models import User

        from . import dashboard_cache, selectors
        from .models import Delegate, Delegation, ObserverInvitation

        # The public pages of meetings, and what drops them: every row but
        # the observers' invitation links (no public page shows them) and
        # the registrations while they are open.
        pagecache.public_views_register(
            "meetings:meeting_list", "meetings:meeting_detail",
            "meetings:feed_rss", "meetings:feed_atom",
            "meetings:calendar_feed", "meetings:meeting_ics",
        )
        pagecache.follow_app(self, private=(ObserverInvitation, Delegation, Delegate))
        pagecache.follow(Delegation, Delegate, when=registration_has_closed_for)
        # A registration window opens and closes by the clock alone.
        pagecache.clock_register(selectors.next_registration_change)
        # So does an outcome recorded ahead of its publication.
        pagecache.clock_register(selectors.next_outcome_publication)
        # The dashboards' cache follows what they show (meetings/dashboard_cache.py):
        # meetings' rows and membership's (the roles, the party's name) but
        # the users'. Briefings adds its packs from its own ready().
        dashboard_cache.follow_app(self)
        dashboard_cache.follow_app(User._meta.app_config, private=(User,))
        dashboard_cache.watch_migrate(self)
        # An organisation that becomes civil society needs the states'
        # consent for the invitations it holds (membership tells, by signal).
        from membership.signals import organisation_kind_changed

        organisation_kind_changed.connect(
            _invitations_follow_kind, dispatch_uid="meetings.invitations_follow_kind",
        )
        # The archive import's meeting column: a row's document joins the
        # meeting it names (archive.imports.hooks).
        from . import imports

        imports.register()


def _invitations_follow_kind(sender, *, organisation, previous_kind, user=None, **kwargs):
    from .services.observers import observer_invitations_follow_kind

    return observer_invitations_follow_kind(
        organisation=organisation, previous_kind=previous_kind, user=user,
    )
