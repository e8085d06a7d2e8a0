"""What the membership admins share: read-only audit history pages, and
the invitation actions of national coordinators and focal points."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core import links

from .. import permissions
from ..enums import Language


class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's history pages (who, when, what changed), read only:
    reverting to an old version would write around the services' rules
    (overlapping terms and periods, the state's lock, the signals). The
    history list is templates/simple_history/object_history_list.html, which
    drops simple_history's inline style (the CSP forbids inline styles). It
    comes before modeltranslation's admin in the MRO, as in the archive;
    both call super()."""

    def revert_disabled(self, request, obj=None) -> bool:
        return True


class InviteActionsMixin:
    """Two actions: invite in Russian or in English. The language only
    applies to a person without an account yet; an existing account gets the
    email in its own preferred language."""

    invite_service = None  # services.coordinator_invite or services.focal_point_invite
    invite_argument = ""

    def has_invite_permission(self, request: HttpRequest) -> bool:
        return permissions.can_invite_people(request.user)

    def _invite(self, request: HttpRequest, queryset, language: str) -> None:
        base_url = links.base_url(request)
        sent = 0
        for person in queryset.select_related("user"):
            try:
                self.invite_service(
                    **{self.invite_argument: person}, invited_by=request.user,
                    language=language, base_url=base_url,
                )
            except ValidationError as exc:
                for message in exc.messages:
                    self.message_user(request, message, messages.ERROR)
            else:
                sent += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "Sent %(count)d invitation to the portal.",
                    "Sent %(count)d invitations to the portal.",
                    sent,
                ) % {"count": sent},
                messages.SUCCESS,
            )

    @admin.action(
        permissions=["invite"],
        description=_("Invite to the portal (new accounts: emails in Russian)"),
    )
    def invite_in_russian(self, request, queryset):
        self._invite(request, queryset, Language.RUSSIAN)

    @admin.action(
        permissions=["invite"],
        description=_("Invite to the portal (new accounts: emails in English)"),
    )
    def invite_in_english(self, request, queryset):
        self._invite(request, queryset, Language.ENGLISH)
