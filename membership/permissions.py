"""Who may see and change what: the one place every app asks.

Roles (on the day asked, today in Asia/Almaty by default):
- secretariat staff: ``user.is_staff`` (admin access through Django groups);
- national coordinator: a user linked to a NationalCoordinator term in
  office today, of a state that is a participant (or pending) today, who
  acts for that state;
- observer focal point: a user linked to a FocalPoint term in office today
  of an active organisation, who acts for that organisation; civil-society
  organisations are not observers by right (see ``Roles``);
- the public: everyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from . import roles_cache
from .enums import MembershipStatus, OrganisationKind
from .models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
)
from .models import in_office_on as in_office_on  # public API: terms in office on a date

_CACHE_ATTR = "_almaty_roles"

# --- Secretariat staff groups ---------------------------------------------------
# Created and kept up to date after every migrate (membership.apps), so a new
# app's models join the groups by themselves. Each rule: (app label, model or
# "*", permission actions). Superusers need no group.

SECRETARIAT_EDITORS = "Secretariat editors"
SECRETARIAT_ADMINISTRATORS = "Secretariat administrators"


def _secretariat_apps(*, editors: bool = False) -> tuple[str, ...]:
    """The labels of the apps whose rows the secretariat edits: each says so
    itself (``secretariat_content = True`` on its AppConfig), so that
    membership names no app above it. With ``editors``, those whose config
    does not keep its rows from the editors (``secretariat_editors = False``:
    the administrators alone keep them, as the contributions ledger)."""
    from django.apps import apps

    return tuple(
        config.label for config in apps.get_app_configs()
        if getattr(config, "secretariat_content", False)
        and (not editors or getattr(config, "secretariat_editors", True))
    )


SECRETARIAT_APPS = _secretariat_apps()
SECRETARIAT_EDITOR_APPS = _secretariat_apps(editors=True)

_CONTENT_APPS_WITHOUT_USERS = [
    (app, "*", ("view", "add", "change")) for app in SECRETARIAT_EDITOR_APPS
    if app != "membership"
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
        *[(app, "*", ("view", "add", "change", "delete")) for app in SECRETARIAT_APPS],
        ("auth", "group", ("view",)),
        # Login lockouts (django-axes): see them, lift them by deleting the
        # attempts (README, "Security"). The security log (membership) is
        # read-only in the admin whatever the permissions.
        ("axes", "accessattempt", ("view", "delete")),
    ],
}


@dataclass(frozen=True)
class Roles:
    """What a signed-in person is today. Access levels, widest first:

    ========================  =======================================================
    the public                public material
    civil society             public material, and what a meeting they were admitted
                              to shares with them (the meetings app)
    observers                 also material marked for observers: focal points of
                              observer states and of international or regional
                              organisations, and coordinators of pending states
    participants              also material for participants: national coordinators
                              of participant states, and the secretariat
    secretariat               everything (staff)
    ========================  =======================================================
    """

    is_staff: bool = False
    # The state whose national coordinator the user is today, and whether
    # that state is a participant today (a pending state's coordinator
    # follows its no-objection procedure with observer access).
    state: ParticipantState | None = None
    state_is_participant: bool = False
    organisation: Organisation | None = None

    @property
    def is_coordinator(self) -> bool:
        return self.state is not None

    @property
    def is_focal_point(self) -> bool:
        return self.organisation is not None

    @property
    def is_civil_society(self) -> bool:
        return (
            self.organisation is not None
            and self.organisation.kind == OrganisationKind.CIVIL_SOCIETY
        )

    @property
    def is_participant(self) -> bool:
        """Sees material restricted to participants: coordinators of
        participant states and the secretariat. Never observers."""
        return self.is_staff or (self.is_coordinator and self.state_is_participant)

    @property
    def is_observer(self) -> bool:
        """Sees material marked for observers (and participants): the
        participants, observer states' and organisations' focal points and
        pending states' coordinators; civil society does not."""
        return (
            self.is_participant
            or self.is_coordinator
            or (self.is_focal_point and not self.is_civil_society)
        )


ANONYMOUS = Roles()


def roles_of(user) -> Roles:
    """The user's roles today (Asia/Almaty), computed once per user object
    (two queries at most, none while the shared cache holds them:
    membership.roles_cache)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles = roles_cache.cached_roles(user, lambda: _roles_from_database(user))
    setattr(user, _CACHE_ATTR, roles)
    return roles


def _roles_from_database(user) -> Roles:
    today = timezone.localdate()
    periods_today = MembershipPeriod.objects.filter(in_office_on(today), state=OuterRef("state"))
    term = (
        NationalCoordinator.objects.in_office(on=today).filter(user=user)
        .filter(Exists(periods_today.filter(
            status__in=(MembershipStatus.PARTICIPANT, MembershipStatus.PENDING)
        )))
        .annotate(state_is_participant=Exists(
            periods_today.filter(status=MembershipStatus.PARTICIPANT)
        ))
        .select_related("state")
        .first()
    )
    focal = (
        FocalPoint.objects.in_office(on=today)
        .filter(user=user, organisation__is_active=True)
        .select_related("organisation")
        .first()
    )
    return Roles(
        is_staff=user.is_staff,
        state=term.state if term else None,
        state_is_participant=bool(term and term.state_is_participant),
        organisation=focal.organisation if focal else None,
    )


def remember_roles(user, roles: Roles) -> None:
    """Give ``roles_of(user)`` these roles for the rest of this request
    without asking the database: the roles a cache kept for this user
    today, while nothing they depend on has changed (the coordinator's
    dashboard, meetings/dashboard_cache.py)."""
    setattr(user, _CACHE_ATTR, roles)


def can_see_participant_material(user) -> bool:
    return roles_of(user).is_participant


def can_see_observer_material(user) -> bool:
    return roles_of(user).is_observer


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


# --- Accounts and groups: nobody grants powers they do not hold ---------------------
# Only a superuser makes or unmakes superusers, edits an account's own
# permissions, or changes who is in "Secretariat administrators". Anyone else
# with the admin's account or group permissions may manage only accounts and
# groups whose powers they hold themselves (a superuser's are unbounded), so
# that no form, action or crafted POST can lift them above their own.


def _codenames(permissions) -> set[str]:
    return {f"{app_label}.{codename}" for app_label, codename in permissions}


def _permissions_of(account):
    return Permission.objects.filter(Q(user=account) | Q(group__user=account)).distinct()


def powers_of_account(account) -> set[str]:
    """Every permission the account would hold if active, read from the
    database (an inactive account's groups still count: reactivating it
    would give them back)."""
    return _codenames(_permissions_of(account).values_list("content_type__app_label", "codename"))


def powers_of_group(group) -> set[str]:
    return _codenames(group.permissions.values_list("content_type__app_label", "codename"))


def _holds_all(user, powers: set[str]) -> bool:
    return powers <= user.get_all_permissions()


def can_manage_superusers(user) -> bool:
    """May make or unmake superusers, edit an account's own permissions and
    the membership of "Secretariat administrators"."""
    return bool(user.is_active and user.is_superuser)


def can_manage_account(user, account) -> bool:
    """May change, reset the password of or delete this account. Unless a
    superuser: never a superuser's, never another member's of "Secretariat
    administrators" (deleting one, or taking it over with a new password,
    would be removing them from the group), never one with powers the user
    lacks."""
    if can_manage_superusers(user):
        return True
    if account.is_superuser:
        return False
    if account.pk != user.pk and account.groups.filter(
        name=SECRETARIAT_ADMINISTRATORS
    ).exists():
        return False
    return _holds_all(user, powers_of_account(account))


def can_assign_group(user, group) -> bool:
    """May add someone to this group, remove someone from it, or change the
    group itself: not "Secretariat administrators" (superusers only), and
    only a group whose permissions the user holds."""
    if can_manage_superusers(user):
        return True
    if group.name == SECRETARIAT_ADMINISTRATORS:
        return False
    return _holds_all(user, powers_of_group(group))


def groups_assignable_by(user):
    """The groups ``can_assign_group`` lets this user give or take away
    (one query for the groups)."""
    if can_manage_superusers(user):
        return Group.objects.all()
    held = user.get_all_permissions()
    powers: dict[int, set[str]] = {}
    rows = Group.objects.exclude(name=SECRETARIAT_ADMINISTRATORS).values_list(
        "pk", "permissions__content_type__app_label", "permissions__codename"
    )
    for pk, app_label, codename in rows:
        powers.setdefault(pk, set())
        if codename is not None:
            powers[pk].add(f"{app_label}.{codename}")
    return Group.objects.filter(pk__in=[pk for pk, needed in powers.items() if needed <= held])


def permissions_grantable_by(user):
    """The permissions this user may put into a group: all for a superuser,
    otherwise those they hold themselves."""
    if can_manage_superusers(user):
        return Permission.objects.all()
    if not user.is_active:
        return Permission.objects.none()
    return Permission.objects.filter(pk__in=_permissions_of(user).values("pk"))


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
    return coordinator.in_office and coordinator.user_id == user.pk
