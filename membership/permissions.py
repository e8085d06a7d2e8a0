"""Who may see and change what: the one place every app asks.

Roles:
- secretariat staff: ``user.is_staff`` (admin access through Django groups);
- national coordinator: a user linked to an active NationalCoordinator, who
  acts for that state;
- observer focal point: a user linked to an active FocalPoint, who acts for
  that organisation;
- the public: everyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import FocalPoint, NationalCoordinator, Organisation, ParticipantState

_CACHE_ATTR = "_almaty_roles"

# --- Secretariat staff groups ---------------------------------------------------
# Created and kept up to date after every migrate (membership.apps), so a new
# app's models join the groups by themselves. Each rule: (app label, model or
# "*", permission actions). Superusers need no group.

SECRETARIAT_EDITORS = "Secretariat editors"
SECRETARIAT_ADMINISTRATORS = "Secretariat administrators"
PORTAL_APPS = ("membership", "chairmanship", "meetings", "archive")

_CONTENT_APPS_WITHOUT_USERS = [
    (app, "*", ("view", "add", "change")) for app in PORTAL_APPS if app != "membership"
] + [
    ("membership", model, ("view", "add", "change"))
    for model in (
        "participantstate", "membershipperiod", "organisation", "nationalcoordinator",
        "focalpoint",
    )
]

STAFF_GROUPS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    # Keep the content up to date: states, coordinators, chairs, meetings,
    # documents. No deleting, no accounts beyond reading them.
    SECRETARIAT_EDITORS: [
        *_CONTENT_APPS_WITHOUT_USERS,
        ("membership", "user", ("view",)),
    ],
    # Everything the editors do, plus deleting and managing accounts and
    # their group membership (but not making superusers: that needs one).
    SECRETARIAT_ADMINISTRATORS: [
        *[(app, "*", ("view", "add", "change", "delete")) for app in PORTAL_APPS],
        ("auth", "group", ("view",)),
    ],
}


@dataclass(frozen=True)
class Roles:
    is_staff: bool = False
    state: ParticipantState | None = None
    organisation: Organisation | None = None

    @property
    def is_coordinator(self) -> bool:
        return self.state is not None

    @property
    def is_focal_point(self) -> bool:
        return self.organisation is not None

    @property
    def is_participant(self) -> bool:
        """Sees material restricted to participants: coordinators, observers'
        focal points and the secretariat."""
        return self.is_staff or self.is_coordinator or self.is_focal_point


ANONYMOUS = Roles()


def roles_of(user) -> Roles:
    """The user's roles, computed once per user object (two queries at most)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    term = (
        NationalCoordinator.objects.filter(user=user, end__isnull=True)
        .select_related("state")
        .first()
    )
    focal = (
        FocalPoint.objects.filter(user=user, end__isnull=True, organisation__is_active=True)
        .select_related("organisation")
        .first()
    )
    roles = Roles(
        is_staff=user.is_staff,
        state=term.state if term else None,
        organisation=focal.organisation if focal else None,
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def can_see_participant_material(user) -> bool:
    return roles_of(user).is_participant


def can_see_coordinator_contacts(user) -> bool:
    """Contact details of coordinators: to logged-in coordinators and staff."""
    roles = roles_of(user)
    return roles.is_staff or roles.is_coordinator


def can_invite_people(user) -> bool:
    """May send invitations to coordinators and focal points (admin action)."""
    return bool(
        user.is_active and user.is_staff
        and user.has_perm("membership.change_nationalcoordinator")
        and user.has_perm("membership.change_focalpoint")
    )


def can_act_for_state(user, state: ParticipantState) -> bool:
    """May change data on behalf of this state (e.g. register its delegation)."""
    roles = roles_of(user)
    return roles.is_staff or (roles.state is not None and roles.state.pk == state.pk)


def can_act_for_organisation(user, organisation: Organisation) -> bool:
    """May change data on behalf of this observer organisation."""
    roles = roles_of(user)
    return roles.is_staff or (
        roles.organisation is not None and roles.organisation.pk == organisation.pk
    )


def can_edit_coordinator_contacts(user, coordinator: NationalCoordinator) -> bool:
    """A coordinator's contact details: the coordinator in office (through
    the account linked to the term) and secretariat staff allowed to change
    coordinators. Another state's coordinator may not."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff and user.has_perm("membership.change_nationalcoordinator"):
        return True
    return coordinator.end is None and coordinator.user_id == user.pk


def coordinated_state(user) -> ParticipantState | None:
    """The state whose coordinator ``user`` is now (the header's "My state")."""
    return roles_of(user).state
