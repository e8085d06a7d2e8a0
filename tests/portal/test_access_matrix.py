"""The access matrix: every named URL of the portal, for every role, with
the exact status each must answer (issue 22, item 15).

The URL names come from the resolver (``get_resolver().url_patterns``,
walked recursively; the i18n patterns once: /ru/ and /en/ share their
names), so a URL added without an entry here fails
``test_every_url_name_has_an_entry``. The admin's pages of each model
(changelist, add) are generated from ``admin.site._registry`` and their
expected statuses from the staff groups' rules (``membership.permissions.
STAFF_GROUPS``, which the data migration and every ``migrate`` apply), not
from the ModelAdmins' own answers.

Roles (``ROLES``): anonymous; the national coordinators of two
participant states A and B (A's objects are asked for by B: IDOR); A's
former coordinator, whose term ended yesterday; an observer's focal point
(an international organisation, invited); the focal points of two
civil-society organisations invited to the meeting, one with the
participant states' consent and one without; a secretariat editor
(group "Secretariat editors"); a secretariat administrator (group
"Secretariat administrators"); a superuser.

Each role's test builds the same small world once (cheap factories) and
asks every URL of the matrix, GETs first, then the POSTs (which may
change rows) in the matrix's order; it reports every URL whose status
differs, together.

Expected values: an HTTP status, or ``LOGIN`` (302 to the portal's login
page, with ``next``), or ``ADMIN_LOGIN`` (302 to the admin's login page).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from actionplan.enums import PlanStatus, ReportStatus
from actionplan.models import ProgressReport
from alerts import tokens as alert_tokens
from alerts.models import Subscription
from archive.enums import AccessLevel, ImportSource
from archive.models import ArchiveImport
from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from contributions.enums import StatementStatus
from contributions.models import Statement
from meetings.enums import Consent, DelegationStatus, MeetingStatus
from meetings.invitations import invitation_token
from membership.enums import OrganisationKind
from membership.permissions import (
    SECRETARIAT_ADMINISTRATORS,
    SECRETARIAT_EDITORS,
    STAFF_GROUPS,
)
from tests.factories import contributions as ledger
from tests.factories.actionplan import (
    ActionFactory,
    ActionProgressFactory,
    EndorsedRoundFactory,
    PlanFactory,
    ReportingRoundFactory,
)
from tests.factories.archive import DocumentFactory, DocumentFileFactory
from tests.factories.briefings import pdf_bytes
from tests.factories.content import NewsItemFactory, ProjectFactory, png_upload
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.mechanism import MechanismParagraphFactory
from tests.factories.meetings import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MeetingOutcomeFactory,
    ObserverInvitationFactory,
)
from tests.factories.membership import (
    FocalPointFactory,
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)
from tests.factories.workplans import ActivityFactory as WorkPlanActivityFactory
from tests.factories.workplans import DraftWorkPlanFactory, WorkPlanFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# 2 December 01:30 in Almaty (UTC+5): "yesterday" in Almaty is not
# yesterday in UTC, which a UTC date would get wrong.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 1, 20, 30, tzinfo=datetime.UTC)

LOGIN = "login"
ADMIN_LOGIN = "admin-login"

ANONYMOUS = "anonymous"
COORDINATOR_A = "coordinator_a"
COORDINATOR_B = "coordinator_b"
COORDINATOR_ENDED = "coordinator_ended_yesterday"
OBSERVER = "observer_focal_point"
CIVIL_SOCIETY_CONSENT = "civil_society_with_consent"
CIVIL_SOCIETY_NO_CONSENT = "civil_society_without_consent"
EDITOR = "secretariat_editor"
ADMINISTRATOR = "secretariat_administrator"
SUPERUSER = "superuser"

ROLES = [
    ANONYMOUS, COORDINATOR_A, COORDINATOR_B, COORDINATOR_ENDED, OBSERVER,
    CIVIL_SOCIETY_CONSENT, CIVIL_SOCIETY_NO_CONSENT, EDITOR, ADMINISTRATOR, SUPERUSER,
]
SIGNED_IN = ROLES[1:]
STAFF = [EDITOR, ADMINISTRATOR, SUPERUSER]
NOT_STAFF = [role for role in ROLES if role not in STAFF]
PARTIES = [COORDINATOR_A, COORDINATOR_B, OBSERVER, CIVIL_SOCIETY_CONSENT,
           CIVIL_SOCIETY_NO_CONSENT]


def everyone(status) -> dict[str, object]:
    return dict.fromkeys(ROLES, status)


def roles(default, **by_role) -> dict[str, object]:
    """``default`` for every role, except those named (by the constant's value)."""
    unknown = set(by_role) - set(ROLES)
    assert not unknown, unknown
    return {**dict.fromkeys(ROLES, default), **by_role}


def each(default, overrides: dict[str, object]) -> dict[str, object]:
    return {**dict.fromkeys(ROLES, default), **overrides}


# --- The world every role's test asks about ------------------------------------------

@dataclass
class World:
    users: dict[str, object]
    objects: dict[str, object] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _in_group(user, name: str):
    user.groups.add(Group.objects.get(name=name))
    return user


def _focal_point(organisation):
    user = UserFactory()
    FocalPointFactory(organisation=organisation, user=user, email=user.email)
    return user


def _delegate_fields(n: int) -> dict[str, str]:
    return {
        "surname_cyrillic": f"Ахметов{n}", "given_names_cyrillic": "Ерлан",
        "surname_latin": f"Akhmetov{n}", "given_names_latin": "Erlan",
        "position": "Director", "agency": "Ministry of Labour",
        "email": f"matrix{n}@example.kz", "role": "delegate", "preferred_language": "ru",
    }


def _with_file(row):
    """A built pack or report: its file stored, then the row saved."""
    row.file.save("built.pdf", ContentFile(pdf_bytes(1)), save=False)
    row.save()
    return row


def build_world() -> World:
    today = timezone.localdate()
    now = timezone.now()
    state_a = ParticipantStateFactory(name_en="Kazakhstan", iso2="KZ", iso3="KAZ")
    state_b = ParticipantStateFactory(name_en="Kyrgyzstan", iso2="KG", iso3="KGZ")
    state_c = ParticipantStateFactory(name_en="Tajikistan", iso2="TJ", iso3="TJK")
    coordinator_a, coordinator_b, coordinator_ended = UserFactory(), UserFactory(), UserFactory()
    term_a = NationalCoordinatorFactory(state=state_a, user=coordinator_a,
                                        email=coordinator_a.email)
    NationalCoordinatorFactory(state=state_b, user=coordinator_b, email=coordinator_b.email)
    # State C's coordinator left office yesterday (Almaty's date); C has no
    # coordinator in office today.
    NationalCoordinatorFactory(state=state_c, user=coordinator_ended,
                               start=datetime.date(2020, 1, 1),
                               end=today - datetime.timedelta(days=1))

    meeting = MeetingFactory(
        status=MeetingStatus.REGISTRATION_OPEN,
        start=today + datetime.timedelta(days=30), end=today + datetime.timedelta(days=31),
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=10), max_delegation_size=5,
    )
    iom = OrganisationFactory(kind=OrganisationKind.INTERNATIONAL)
    ngo_consent = OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY)
    ngo_no_consent = OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY)
    invitation_iom = ObserverInvitationFactory(meeting=meeting, organisation=iom)
    invitation_consent = ObserverInvitationFactory(
        meeting=meeting, organisation=ngo_consent, consent=Consent.GIVEN,
        consent_date=today, consent_how="No objection by the deadline",
    )
    invitation_no_consent = ObserverInvitationFactory(
        meeting=meeting, organisation=ngo_no_consent, consent=Consent.AWAITED,
    )

    # A's delegation is submitted, with its note verbale; B's is a draft.
    delegation_a = DelegationFactory(meeting=meeting, state=state_a)
    delegation_a.credentials.save("note-verbale.pdf", ContentFile(pdf_bytes(1)), save=True)
    delegate_a = DelegateFactory(delegation=delegation_a)
    delegation_b = DelegationFactory(meeting=meeting, state=state_b,
                                     status=DelegationStatus.DRAFT, submitted_at=None)
    delegate_b = DelegateFactory(delegation=delegation_b)
    delegation_iom = DelegationFactory(meeting=meeting, state=None, organisation=iom,
                                       status=DelegationStatus.DRAFT, submitted_at=None)
    delegate_iom = DelegateFactory(delegation=delegation_iom)

    pack = _with_file(BriefingPack(
        meeting=meeting, kind=PackKind.BRIEFING, language="ru", restricted=True,
        status=PackStatus.DONE, version=1, page_count=1,
    ))
    public_pack = _with_file(BriefingPack(
        meeting=meeting, kind=PackKind.PROCEEDINGS, language="ru", restricted=False,
        status=PackStatus.DONE, version=1, page_count=1,
    ))

    public_document = DocumentFactory(access=AccessLevel.PUBLIC)
    participants_document = DocumentFactory(access=AccessLevel.PARTICIPANTS)
    public_file = DocumentFileFactory(document=public_document)
    participants_file = DocumentFileFactory(document=participants_document)
    # An import's report (archive.imports): its page is the admin's change page.
    ArchiveImport.objects.create(source=ImportSource.COMMAND, manifest_name="manifest.csv")

    news = NewsItemFactory(image=png_upload())
    project = ProjectFactory()

    plan = PlanFactory(status=PlanStatus.ADOPTED, version=1)
    action = ActionFactory(area__plan=plan)
    endorsed = EndorsedRoundFactory(plan=plan, meeting=MeetingFactory())
    ActionProgressFactory(round=endorsed, action=action, state=state_a)
    not_endorsed = ReportingRoundFactory(plan=plan, meeting=MeetingFactory(),
                                         opened_on=datetime.date(2025, 8, 1))
    reports = {}
    for reporting_round in (endorsed, not_endorsed):
        reports[reporting_round.pk] = _with_file(ProgressReport(
            round=reporting_round, language="ru", status=ReportStatus.DONE))

    # The Operational Mechanism (issue 26): one version of one paragraph.
    MechanismParagraphFactory()

    # Contributions (issue 26): A's pledge and payment, the year's costs
    # and a built statement; the secretariat's administrators only.
    ledger.payment(state=state_a, year=2025, pledge=ledger.pledge(state=state_a, year=2025))
    ledger.costs(year=2025)
    statement = _with_file(Statement(year=2025, language="ru", status=StatementStatus.DONE))

    # Work plans (issue 26): this year's, agreed, and next year's draft.
    work_plan = WorkPlanFactory(year=2026)
    WorkPlanActivityFactory(plan=work_plan, responsible_state=state_a)
    DraftWorkPlanFactory(year=2027)

    # The decisions register (issue 26): a public outcome with a follow-up
    # item of state A, and an outcome for participant states only.
    public_outcome = MeetingOutcomeFactory()
    follow_up_a = FollowUpItemFactory(outcome=public_outcome, state=state_a)
    participants_outcome = MeetingOutcomeFactory(access=AccessLevel.PARTICIPANTS)

    superuser = UserFactory(is_staff=True, is_superuser=True)
    superuser_device = TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    users = {
        ANONYMOUS: None,
        COORDINATOR_A: coordinator_a,
        COORDINATOR_B: coordinator_b,
        COORDINATOR_ENDED: coordinator_ended,
        OBSERVER: _focal_point(iom),
        CIVIL_SOCIETY_CONSENT: _focal_point(ngo_consent),
        CIVIL_SOCIETY_NO_CONSENT: _focal_point(ngo_no_consent),
        EDITOR: _in_group(StaffUserFactory(), SECRETARIAT_EDITORS),
        ADMINISTRATOR: _in_group(StaffUserFactory(), SECRETARIAT_ADMINISTRATORS),
        SUPERUSER: superuser,
    }
    someone = UserFactory()
    # Alerts (issue 27): a subscription awaiting confirmation, and another
    # address's, which the first address's links must not reach.
    subscription = Subscription.objects.create(email="reader@example.org", topic="theme",
                                               value="borders")
    other_subscription = Subscription.objects.create(email="other@example.org",
                                                     topic="theme", value="borders")
    return World(users=users, objects={
        "state_a": state_a, "state_b": state_b, "state_c": state_c, "term_a": term_a,
        "meeting": meeting, "delegation_a": delegation_a, "delegate_a": delegate_a,
        "delegate_b": delegate_b, "delegate_iom": delegate_iom,
        "token_iom": invitation_token(invitation_iom),
        "token_consent": invitation_token(invitation_consent),
        "token_no_consent": invitation_token(invitation_no_consent),
        "pack": pack, "public_pack": public_pack,
        "public_document": public_document, "participants_document": participants_document,
        "public_file": public_file, "participants_file": participants_file,
        "news": news, "project": project, "plan": plan,
        "endorsed": endorsed, "not_endorsed": not_endorsed,
        "uid": urlsafe_base64_encode(force_bytes(someone.pk)),
        "reset_token": default_token_generator.make_token(someone),
        "superuser": superuser, "superuser_device": superuser_device,
        "statement": statement,
        "subscription": subscription, "other_subscription": other_subscription,
        "public_outcome": public_outcome, "participants_outcome": participants_outcome,
        "follow_up_a": follow_up_a,
        "alerts_confirm": alert_tokens.make("confirm", email=subscription.email,
                                            ids=[subscription.pk]),
        "alerts_manage": alert_tokens.make("manage", email=subscription.email),
        "alerts_unsubscribe": alert_tokens.make("unsubscribe", email=subscription.email,
                                                ids=[subscription.pk]),
    })


# --- The matrix ------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One request: ``url(world)``, its method and body, and the status
    expected for each role."""

    label: str
    url: Callable[[World], str]
    expected: dict[str, object]
    method: str = "get"
    data: Callable[[World], dict] | None = None


def r(name: str, **kwargs) -> Callable[[World], str]:
    """The URL of ``name``; a keyword's value that is a callable is applied
    to the world (``slug=lambda w: w.meeting.slug``)."""
    def url(world: World) -> str:
        return reverse(name, kwargs={
            key: value(world) if callable(value) else value for key, value in kwargs.items()
        })
    return url


def meeting_slug(world):
    return world.meeting.slug


# Signed in as a party (a coordinator in office, a focal point): its own
# delegation's pages; the signed-in others have no party (403).
PARTY_PAGE = each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 200)})
# A POST-only action asked with GET: the party's checks pass first.
PARTY_POST_ONLY = each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 405)})
# A confirmation page of the party's own delegation: A's, B's and IOM's
# exist, the civil-society organisations have none (404).
PARTY_CONFIRMATION = each(403, {
    ANONYMOUS: LOGIN, COORDINATOR_A: 200, COORDINATOR_B: 200, OBSERVER: 200,
    CIVIL_SOCIETY_CONSENT: 404, CIVIL_SOCIETY_NO_CONSENT: 404,
})
# Public pages.
PUBLIC = everyone(200)


def _own_delegate_only(owner: str) -> dict[str, object]:
    """A delegate of ``owner``'s delegation: found for its owner only."""
    return each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 404), owner: 200})


def _token(name: str) -> Callable[[World], str]:
    return lambda world: world.objects[name]


def _tampered(world) -> str:
    return world.token_iom[:-1] + ("A" if world.token_iom[-1] != "A" else "B")


MATRIX: dict[str, list[Case]] = {
    # --- site ---
    "healthz": [Case("health check", r("healthz"), everyone(200))],
    "django.contrib.sitemaps.views.sitemap": [
        Case("sitemap index", r("django.contrib.sitemaps.views.sitemap"), PUBLIC),
        Case("sitemap section", lambda w: reverse("django.contrib.sitemaps.views.sitemap",
                                                  kwargs={"section": "meetings"}), PUBLIC),
        Case("unknown sitemap section",
             lambda w: reverse("django.contrib.sitemaps.views.sitemap",
                               kwargs={"section": "nothing"}), everyone(404)),
    ],
    "home": [Case("home", r("home"), PUBLIC)],
    # The language switcher's link: sets the cookie, back to the page.
    "language_choose": [
        Case("English", lambda w: reverse("language_choose", kwargs={"code": "en"})
             + "?next=/ru/about/", everyone(302)),
        Case("unknown language", lambda w: reverse("language_choose", kwargs={"code": "de"}),
             everyone(404)),
    ],
    "about": [Case("about", r("about"), PUBLIC)],
    "search": [Case("search", lambda w: reverse("search") + "?q=миграция", PUBLIC)],
    # --- accounts ---
    "login": [Case("login page", r("login"), PUBLIC)],
    "logout": [
        Case("logout by GET", r("logout"), everyone(405)),
        # Last of all the POSTs: it ends the session.
    ],
    "password_reset": [Case("password reset", r("password_reset"), PUBLIC)],
    "password_reset_done": [Case("password reset sent", r("password_reset_done"), PUBLIC)],
    "password_reset_confirm": [
        Case("valid reset link", r("password_reset_confirm", uidb64=lambda w: w.uid,
                                   token=lambda w: w.reset_token), everyone(302)),
        Case("forged reset link", r("password_reset_confirm", uidb64=lambda w: w.uid,
                                    token="abc-123"), PUBLIC),
    ],
    "password_reset_complete": [Case("reset complete", r("password_reset_complete"), PUBLIC)],
    "password_change": [Case("password change", r("password_change"),
                             roles(200, anonymous=LOGIN))],
    "password_change_done": [Case("password changed", r("password_change_done"),
                                  roles(200, anonymous=LOGIN))],
    # The account page and the second factor (membership/accounts): the
    # signed-in users, none of whom has a device yet.
    "account": [Case("account page", r("account"), roles(200, anonymous=LOGIN))],
    "login_verify": [
        # No first step passed in this session: back to the first step.
        Case("second step without a first", r("login_verify"), everyone(302)),
    ],
    # The superuser has a device already: back to the account page.
    "two_factor_setup": [Case("enrolment", r("two_factor_setup"),
                              roles(200, anonymous=LOGIN, superuser=302))],
    # The enrolment page (asked just before) put a pending secret in the
    # session; without one (the superuser) there is no code to show.
    "two_factor_qr": [Case("enrolment QR code", r("two_factor_qr"),
                           roles(200, anonymous=LOGIN, superuser=404))],
    "two_factor_recovery_codes": [Case("recovery codes without a device",
                                       r("two_factor_recovery_codes"),
                                       roles(302, anonymous=LOGIN))],
    "two_factor_disable": [Case("disable without a device", r("two_factor_disable"),
                                roles(302, anonymous=LOGIN))],
    "account_sign_out_everywhere": [Case("sign out everywhere", r("account_sign_out_everywhere"),
                                         roles(200, anonymous=LOGIN))],
    "admin_login": [Case("admin sign-in (the portal's)", r("admin_login"), PUBLIC)],
    "membership:invitation_accept": [
        Case("valid invitation link", r("membership:invitation_accept",
                                        uidb64=lambda w: w.uid, token=lambda w: w.reset_token),
             everyone(302)),
        Case("forged invitation link", r("membership:invitation_accept",
                                         uidb64=lambda w: w.uid, token="abc-123"), PUBLIC),
    ],
    # --- membership ---
    "membership:state_list": [Case("states", r("membership:state_list"), PUBLIC)],
    "membership:state_detail": [
        Case("state A", r("membership:state_detail", code="kaz"), PUBLIC),
        Case("state code upper case", r("membership:state_detail", code="KAZ"), everyone(301)),
        Case("unknown state", r("membership:state_detail", code="zzz"), everyone(404)),
        Case("undecodable code", lambda w: "/ru/states/%ff/", everyone(404)),
    ],
    "membership:coordinator_contacts": [
        # A's coordinator edits their own contacts; B may not (403); staff
        # allowed to change coordinators may.
        Case("A's coordinator contacts", r("membership:coordinator_contacts", code="kaz"),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 200, **dict.fromkeys(STAFF, 200)})),
        Case("B posts to A's contacts", r("membership:coordinator_contacts", code="kaz"),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 200, **dict.fromkeys(STAFF, 200)}),
             method="post", data=lambda w: {"email": "not an address"}),
        Case("a state with no coordinator in office",
             r("membership:coordinator_contacts", code="tjk"),
             roles(404, anonymous=LOGIN)),
    ],
    "membership:observer_list": [Case("observers", r("membership:observer_list"), PUBLIC)],
    "chairmanship:overview": [Case("chairmanship", r("chairmanship:overview"), PUBLIC)],
    # --- meetings: public ---
    "meetings:meeting_list": [Case("meetings", r("meetings:meeting_list"), PUBLIC)],
    "meetings:calendar_feed": [Case("calendar", r("meetings:calendar_feed"), PUBLIC)],
    "meetings:feed_rss": [Case("rss", r("meetings:feed_rss"), PUBLIC)],
    "meetings:feed_atom": [Case("atom", r("meetings:feed_atom"), PUBLIC)],
    "meetings:meeting_detail": [
        Case("open meeting", r("meetings:meeting_detail", slug=meeting_slug), PUBLIC),
        Case("unknown meeting", r("meetings:meeting_detail", slug="nothing"), everyone(404)),
    ],
    "meetings:meeting_ics": [
        Case("meeting calendar", r("meetings:meeting_ics", slug=meeting_slug), PUBLIC),
    ],
    # --- meetings: registration, signed in ---
    "meetings:registration_dashboard": [
        Case("dashboard", r("meetings:registration_dashboard"), PARTY_PAGE),
    ],
    "meetings:delegation": [
        Case("own delegation", r("meetings:delegation", slug=meeting_slug), PARTY_PAGE),
        Case("unknown meeting", r("meetings:delegation", slug="nothing"),
             roles(404, anonymous=404)),
    ],
    "meetings:delegate_add": [
        Case("add form", r("meetings:delegate_add", slug=meeting_slug), PARTY_PAGE),
    ],
    "meetings:delegate_edit": [
        Case("A's delegate", r("meetings:delegate_edit", slug=meeting_slug,
                               pk=lambda w: w.delegate_a.pk), _own_delegate_only(COORDINATOR_A)),
        Case("B's delegate", r("meetings:delegate_edit", slug=meeting_slug,
                               pk=lambda w: w.delegate_b.pk), _own_delegate_only(COORDINATOR_B)),
        Case("IOM's delegate", r("meetings:delegate_edit", slug=meeting_slug,
                                 pk=lambda w: w.delegate_iom.pk), _own_delegate_only(OBSERVER)),
        Case("POST to A's delegate (empty form)",
             r("meetings:delegate_edit", slug=meeting_slug, pk=lambda w: w.delegate_a.pk),
             _own_delegate_only(COORDINATOR_A), method="post", data=lambda w: {}),
    ],
    "meetings:delegate_withdraw": [
        Case("A's delegate", r("meetings:delegate_withdraw", slug=meeting_slug,
                               pk=lambda w: w.delegate_a.pk), _own_delegate_only(COORDINATOR_A)),
        Case("POST: withdraw B's delegate",
             r("meetings:delegate_withdraw", slug=meeting_slug, pk=lambda w: w.delegate_b.pk),
             each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 404), COORDINATOR_B: 302}),
             method="post", data=lambda w: {}),
    ],
    "meetings:credentials": [
        # A's own note verbale; the others have none (404), or no party (403).
        Case("own note verbale", r("meetings:credentials", slug=meeting_slug),
             each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 404), COORDINATOR_A: 200})),
        Case("POST without a file", r("meetings:credentials", slug=meeting_slug),
             each(403, {ANONYMOUS: LOGIN, **dict.fromkeys(PARTIES, 400)}),
             method="post", data=lambda w: {}),
    ],
    "meetings:delegation_submit": [
        Case("GET", r("meetings:delegation_submit", slug=meeting_slug), PARTY_POST_ONLY),
        # A's and B's and IOM's delegations exist (the service answers with
        # a message and a redirect); the civil-society ones have none.
        Case("POST", r("meetings:delegation_submit", slug=meeting_slug),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 302, COORDINATOR_B: 302,
                        OBSERVER: 302, CIVIL_SOCIETY_CONSENT: 404,
                        CIVIL_SOCIETY_NO_CONSENT: 404}),
             method="post", data=lambda w: {}),
    ],
    # Withdrawing and restoring ask first: the confirmation page of the
    # party's own delegation (none yet: 404); GET changes nothing.
    "meetings:delegation_withdraw": [
        Case("confirmation", r("meetings:delegation_withdraw", slug=meeting_slug),
             PARTY_CONFIRMATION),
    ],
    "meetings:delegation_restore": [
        Case("confirmation", r("meetings:delegation_restore", slug=meeting_slug),
             PARTY_CONFIRMATION),
    ],
    # --- meetings: registration through an observer's signed link ---
    "meetings:invited_delegation": [
        Case("valid link", r("meetings:invited_delegation", token=_token("token_iom"),
                             slug=meeting_slug), PUBLIC),
        Case("tampered link", lambda w: reverse("meetings:invited_delegation", kwargs={
            "token": _tampered(w), "slug": w.meeting.slug}), everyone(404)),
        Case("link for another meeting", r("meetings:invited_delegation",
                                           token=_token("token_iom"),
                                           slug=lambda w: w.endorsed.meeting.slug),
             everyone(404)),
    ],
    "meetings:invited_delegate_add": [
        Case("add form", r("meetings:invited_delegate_add", token=_token("token_iom"),
                           slug=meeting_slug), PUBLIC),
    ],
    "meetings:invited_delegate_edit": [
        Case("own delegate", r("meetings:invited_delegate_edit", token=_token("token_iom"),
                               slug=meeting_slug, pk=lambda w: w.delegate_iom.pk), PUBLIC),
        Case("A's delegate through IOM's link",
             r("meetings:invited_delegate_edit", token=_token("token_iom"),
               slug=meeting_slug, pk=lambda w: w.delegate_a.pk), everyone(404)),
    ],
    "meetings:invited_delegate_withdraw": [
        Case("A's delegate through IOM's link",
             r("meetings:invited_delegate_withdraw", token=_token("token_iom"),
               slug=meeting_slug, pk=lambda w: w.delegate_a.pk), everyone(404)),
        Case("own delegate", r("meetings:invited_delegate_withdraw", token=_token("token_iom"),
                               slug=meeting_slug, pk=lambda w: w.delegate_iom.pk), PUBLIC),
    ],
    "meetings:invited_credentials": [
        Case("no note verbale yet", r("meetings:invited_credentials",
                                      token=_token("token_iom"), slug=meeting_slug),
             everyone(404)),
    ],
    "meetings:invited_delegation_submit": [
        Case("GET", r("meetings:invited_delegation_submit", token=_token("token_iom"),
                      slug=meeting_slug), everyone(405)),
        Case("POST without a delegation (civil society, consent awaited)",
             r("meetings:invited_delegation_submit", token=_token("token_no_consent"),
               slug=meeting_slug), everyone(404), method="post", data=lambda w: {}),
    ],
    "meetings:invited_delegation_withdraw": [
        Case("confirmation", r("meetings:invited_delegation_withdraw", token=_token("token_iom"),
                               slug=meeting_slug), PUBLIC),
    ],
    "meetings:invited_delegation_restore": [
        Case("confirmation", r("meetings:invited_delegation_restore", token=_token("token_iom"),
                               slug=meeting_slug), PUBLIC),
    ],
    # --- archive ---
    "archive:document_list": [Case("archive", r("archive:document_list"), PUBLIC)],
    "archive:feed_rss": [Case("rss", r("archive:feed_rss"), PUBLIC)],
    "archive:feed_atom": [Case("atom", r("archive:feed_atom"), PUBLIC)],
    # Open metadata: public documents only, whoever asks (tests/archive/views/test_oai*.py).
    "harvest:oai": [
        Case("OAI-PMH identify", lambda w: reverse("harvest:oai") + "?verb=Identify", PUBLIC),
        Case("OAI-PMH list by POST", r("harvest:oai"), PUBLIC, method="post",
             data=lambda w: {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}),
    ],
    "harvest:documents": [Case("JSON list", r("harvest:documents"), PUBLIC)],
    "archive:document_detail": [
        Case("public document", r("archive:document_detail",
                                  slug=lambda w: w.public_document.slug), PUBLIC),
        Case("participants' document", r("archive:document_detail",
                                         slug=lambda w: w.participants_document.slug),
             each(404, {COORDINATOR_A: 200, COORDINATOR_B: 200, **dict.fromkeys(STAFF, 200)})),
    ],
    "archive:file_download": [
        Case("public file", r("archive:file_download", slug=lambda w: w.public_document.slug,
                              pk=lambda w: w.public_file.pk), PUBLIC),
        Case("participants' file", r("archive:file_download",
                                     slug=lambda w: w.participants_document.slug,
                                     pk=lambda w: w.participants_file.pk),
             each(404, {COORDINATOR_A: 200, COORDINATOR_B: 200, **dict.fromkeys(STAFF, 200)})),
        Case("participants' file under a public document's slug",
             r("archive:file_download", slug=lambda w: w.public_document.slug,
               pk=lambda w: w.participants_file.pk), everyone(404)),
    ],
    # --- content ---
    "content:news_list": [Case("news", r("content:news_list"), PUBLIC)],
    "content:news_feed_rss": [Case("rss", r("content:news_feed_rss"), PUBLIC)],
    "content:news_feed_atom": [Case("atom", r("content:news_feed_atom"), PUBLIC)],
    "content:news_detail": [
        Case("news item", r("content:news_detail", slug=lambda w: w.news.slug), PUBLIC),
        Case("unknown news item", r("content:news_detail", slug="nothing"), everyone(404)),
    ],
    "content:news_image": [
        Case("news image", r("content:news_image", slug=lambda w: w.news.slug), PUBLIC),
    ],
    "content:partner_list": [Case("partners", r("content:partner_list"), PUBLIC)],
    "content:project_list": [Case("projects", r("content:project_list"), PUBLIC)],
    "content:project_detail": [
        Case("project", r("content:project_detail", slug=lambda w: w.project.slug), PUBLIC),
    ],
    "content:contact": [
        Case("contact form", r("content:contact"), PUBLIC),
        Case("contact POST, empty", r("content:contact"), PUBLIC, method="post",
             data=lambda w: {}),
    ],
    # --- briefings ---
    "briefings:pack_download": [
        # Restricted: staff and the parties with a submitted delegation (A).
        Case("restricted pack", r("briefings:pack_download", pk=lambda w: w.pack.pk),
             each(404, {COORDINATOR_A: 200, **dict.fromkeys(STAFF, 200)})),
        Case("public proceedings pack", r("briefings:pack_download",
                                          pk=lambda w: w.public_pack.pk), PUBLIC),
        Case("unknown pack", r("briefings:pack_download", pk=999999), everyone(404)),
    ],
    # --- action plan ---
    "actionplan:plan": [Case("plan", r("actionplan:plan"), PUBLIC)],
    "actionplan:plan_version": [
        Case("version 1", r("actionplan:plan_version", version=1), PUBLIC),
        Case("unknown version", r("actionplan:plan_version", version=99), everyone(404)),
    ],
    "actionplan:progress": [
        Case("progress", r("actionplan:progress"), PUBLIC),
        Case("round not endorsed", lambda w: reverse("actionplan:progress")
             + f"?round={w.not_endorsed.pk}", each(404, dict.fromkeys(STAFF, 200))),
    ],
    "actionplan:progress_csv": [
        Case("progress CSV", r("actionplan:progress_csv"), PUBLIC),
        Case("round not endorsed", lambda w: reverse("actionplan:progress_csv")
             + f"?round={w.not_endorsed.pk}", each(404, dict.fromkeys(STAFF, 200))),
    ],
    "actionplan:report": [
        # Coordinators of participant states in office only.
        Case("report form", r("actionplan:report"),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 200, COORDINATOR_B: 200})),
    ],
    "actionplan:report_pdf": [
        Case("endorsed round's report", r("actionplan:report_pdf",
                                          pk=lambda w: w.endorsed.pk, language="ru"), PUBLIC),
        Case("report of a round not endorsed",
             r("actionplan:report_pdf", pk=lambda w: w.not_endorsed.pk, language="ru"),
             each(404, dict.fromkeys(STAFF, 200))),
        Case("unknown language", r("actionplan:report_pdf", pk=lambda w: w.endorsed.pk,
                                   language="de"), everyone(404)),
    ],
}

# The Operational Mechanism (issue 26): public pages; a bad date or a
# version compared with itself is a 400 with the form's error.
MATRIX.update({
    "mechanism:text": [
        Case("text in force", r("mechanism:text"), PUBLIC),
        Case("text on a date", lambda w: reverse("mechanism:text") + "?on=2020-01-01", PUBLIC),
        Case("unreadable date", lambda w: reverse("mechanism:text") + "?on=2020-13-45",
             everyone(400)),
    ],
    "mechanism:versions": [Case("versions", r("mechanism:versions"), PUBLIC)],
    "mechanism:compare": [
        Case("comparison page", r("mechanism:compare"), PUBLIC),
        Case("a version with itself", lambda w: reverse("mechanism:compare")
             + "?from=2013-06-04&to=2013-06-04", everyone(400)),
    ],
})

# Admin pages other than a model's standard ones.
STAFF_ONLY = each(ADMIN_LOGIN, dict.fromkeys(STAFF, 200))
MATRIX.update({
    "admin:index": [Case("admin index", r("admin:index"), STAFF_ONLY)],
    "admin:app_list": [Case("membership app", r("admin:app_list", app_label="membership"),
                            STAFF_ONLY)],
    "admin:login": [Case("admin login", r("admin:login"), everyone(200))],
    # Only staff reach the admin's logout view (POST only); the others are
    # sent to the admin's index first, which sends them to its login.
    "admin:logout": [Case("admin logout by GET", r("admin:logout"),
                          each(302, dict.fromkeys(STAFF, 405)))],
    "admin:password_change": [Case("admin password change", r("admin:password_change"),
                                   STAFF_ONLY)],
    "admin:password_change_done": [Case("admin password changed",
                                        r("admin:password_change_done"), STAFF_ONLY)],
    "admin:autocomplete": [Case("autocomplete without a field", r("admin:autocomplete"),
                                each(ADMIN_LOGIN, dict.fromkeys(STAFF, 403)))],
    "admin:jsi18n": [Case("admin's JavaScript catalogue", r("admin:jsi18n"), STAFF_ONLY)],
    "admin:view_on_site": [Case("view a meeting on site", lambda w: reverse(
        "admin:view_on_site", kwargs={
            "content_type_id": ContentType.objects.get_for_model(w.meeting).pk,
            "object_id": w.meeting.pk}), each(ADMIN_LOGIN, dict.fromkeys(STAFF, 302)))],
    "admin:membership_nationalcoordinator_replace": [Case(
        "replace A's coordinator", r("admin:membership_nationalcoordinator_replace",
                                     object_id=lambda w: w.term_a.pk), STAFF_ONLY)],
    # POST only (an action of the chairmanship's changelist).
    "admin:chairmanship_chairmanship_create_next": [Case(
        "next chairmanship", r("admin:chairmanship_chairmanship_create_next"),
        each(ADMIN_LOGIN, dict.fromkeys(STAFF, 405)))],
    "admin:meetings_meeting_cadence": [Case("cadence", r("admin:meetings_meeting_cadence"),
                                            STAFF_ONLY)],
    "admin:archive_document_bulk_upload": [Case(
        "bulk upload", r("admin:archive_document_bulk_upload"), STAFF_ONLY)],
    # With no upload in the session: back to the upload form.
    "admin:archive_document_bulk_upload_results": [Case(
        "bulk upload results", r("admin:archive_document_bulk_upload_results"),
        each(ADMIN_LOGIN, dict.fromkeys(STAFF, 302)))],
    "admin:archive_document_file_download": [Case(
        "participants' file", r("admin:archive_document_file_download",
                                document_id=lambda w: w.participants_document.pk,
                                file_id=lambda w: w.participants_file.pk), STAFF_ONLY)],
    "admin:archive_document_translation_status": [Case(
        "translation status", r("admin:archive_document_translation_status"), STAFF_ONLY)],
    "admin:briefings_briefingpack_meeting": [Case(
        "meeting's packs", r("admin:briefings_briefingpack_meeting",
                             meeting_id=lambda w: w.meeting.pk), STAFF_ONLY)],
    "admin:briefings_briefingpack_progress": [Case(
        "pack progress", r("admin:briefings_briefingpack_progress", pk=lambda w: w.pack.pk),
        STAFF_ONLY)],
    # django-otp's admin: a device's secret (configuration, QR code) is
    # shown to no one (OTP_ADMIN_HIDE_SENSITIVE_DATA), not even a superuser:
    # whoever reads it makes that person's codes. An unknown device was a
    # 500 before (django-otp looks it up with .get()).
    "admin:otp_totp_totpdevice_config": [
        Case("the superuser's device secret", r("admin:otp_totp_totpdevice_config",
                                                pk=lambda w: w.superuser_device.pk),
             each(ADMIN_LOGIN, dict.fromkeys(STAFF, 403))),
        Case("an unknown device", r("admin:otp_totp_totpdevice_config", pk=999999),
             each(ADMIN_LOGIN, dict.fromkeys(STAFF, 403))),
    ],
    "admin:otp_totp_totpdevice_qrcode": [
        Case("the superuser's device QR code", r("admin:otp_totp_totpdevice_qrcode",
                                                 pk=lambda w: w.superuser_device.pk),
             each(ADMIN_LOGIN, dict.fromkeys(STAFF, 403))),
        Case("an unknown device", r("admin:otp_totp_totpdevice_qrcode", pk=999999),
             each(ADMIN_LOGIN, dict.fromkeys(STAFF, 403))),
    ],
    # Accounts (issue 22, item 1): only a superuser changes a superuser or
    # sets their password; an administrator manages the other accounts. (The
    # crafted POSTs are tests/membership's.) Editors may view accounts.
    "admin:membership_user_change": [
        Case("the superuser's account", r("admin:membership_user_change",
                                          object_id=lambda w: w.superuser.pk),
             each(ADMIN_LOGIN, {EDITOR: 200, ADMINISTRATOR: 200, SUPERUSER: 200})),
    ],
    "admin:auth_user_password_change": [
        Case("the superuser's password", r("admin:auth_user_password_change",
                                           id=lambda w: w.superuser.pk),
             each(ADMIN_LOGIN, {EDITOR: 403, ADMINISTRATOR: 403, SUPERUSER: 200})),
        Case("the editor's password", r("admin:auth_user_password_change",
                                        id=lambda w: w.users[EDITOR].pk),
             each(ADMIN_LOGIN, {EDITOR: 403, ADMINISTRATOR: 200, SUPERUSER: 200})),
    ],
    "admin:actionplan_plan_import": [Case("plan import", r("admin:actionplan_plan_import"),
                                          STAFF_ONLY)],
})

# The last POST of every role: signing out.
# Work plans (issue 26): agreed plans are public; a draft is seen by the
# Support Unit and the coordinators of participant states only.
MATRIX.update({
    "workplans:index": [Case("work plans", r("workplans:index"), PUBLIC)],
    "workplans:year": [
        Case("agreed plan", r("workplans:year", year=2026), PUBLIC),
        Case("draft plan", r("workplans:year", year=2027), each(404, {
            COORDINATOR_A: 200, COORDINATOR_B: 200, **dict.fromkeys(STAFF, 200)})),
        Case("no plan that year", r("workplans:year", year=2001), everyone(404)),
    ],
})
# The decisions register (issue 26): outcomes as visible as the archive's
# levels allow; a coordinator in office updates their own state's follow-up.
MATRIX.update({
    "decisions:register": [Case("register", r("decisions:register"), PUBLIC)],
    "decisions:feed_rss": [Case("rss", r("decisions:feed_rss"), PUBLIC)],
    "decisions:feed_atom": [Case("atom", r("decisions:feed_atom"), PUBLIC)],
    "decisions:outcome": [
        Case("public outcome", r("decisions:outcome", pk=lambda w: w.public_outcome.pk),
             PUBLIC),
        Case("participants' outcome", r("decisions:outcome",
                                        pk=lambda w: w.participants_outcome.pk),
             each(404, {COORDINATOR_A: 200, COORDINATOR_B: 200, **dict.fromkeys(STAFF, 200)})),
        Case("unknown outcome", r("decisions:outcome", pk=999999), everyone(404)),
    ],
    "decisions:follow_up": [
        Case("follow-up page", r("decisions:follow_up"),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 200, COORDINATOR_B: 200})),
        Case("POST: A's item", r("decisions:follow_up"),
             each(403, {ANONYMOUS: LOGIN, COORDINATOR_A: 302, COORDINATOR_B: 404}),
             method="post", data=lambda w: {
                 "item": w.follow_up_a.pk, f"item-{w.follow_up_a.pk}-status": "in_progress",
                 f"item-{w.follow_up_a.pk}-note": ""}),
    ],
})
FINAL_CASES = [
    Case("logout", r("logout"), everyone(302), method="post", data=lambda w: {}),
]
# Alerts (issue 27): public pages, and the signed links of the emails
# (valid for everyone who holds them; a tampered one is a 400 page).
MATRIX.update({
    "alerts:subscribe": [
        Case("subscribe", r("alerts:subscribe"), PUBLIC),
        Case("subscribe to a saved search",
             lambda w: reverse("alerts:subscribe") + "?search=q%3Dborders", PUBLIC),
    ],
    "alerts:sent": [Case("check your email", r("alerts:sent"), PUBLIC)],
    "alerts:manage_request": [Case("ask for the manage link", r("alerts:manage_request"),
                                   PUBLIC)],
    "alerts:confirm": [
        Case("confirm link", r("alerts:confirm", token=_token("alerts_confirm")), PUBLIC),
        Case("tampered confirm link", r("alerts:confirm", token="x:y:z"), everyone(400)),
    ],
    "alerts:manage": [
        Case("manage link", r("alerts:manage", token=_token("alerts_manage")), PUBLIC),
        Case("tampered manage link", r("alerts:manage", token="x:y:z"), everyone(400)),
    ],
    "alerts:delete": [
        Case("delete: asks first", r("alerts:delete", token=_token("alerts_manage"),
                                     pk=lambda w: w.subscription.pk), PUBLIC),
        Case("delete another address's", r("alerts:delete", token=_token("alerts_manage"),
                                           pk=lambda w: w.other_subscription.pk),
             everyone(404)),
    ],
    "alerts:unsubscribe": [
        Case("unsubscribe: asks first", r("alerts:unsubscribe",
                                          token=_token("alerts_unsubscribe")), PUBLIC),
        Case("one-click unsubscribe, tampered", r("alerts:unsubscribe", token="x:y:z"),
             everyone(400), method="post", data=lambda w: {"List-Unsubscribe": "One-Click"}),
    ],
})
MATRIX["logout"].extend(FINAL_CASES)

# Contributions (issue 26): the ledger is for the secretariat's
# administrators (not its editors); its public yearly totals exist only
# when CONTRIBUTIONS_PUBLIC_AGGREGATE is on (off here, as by default).
MONEY = each(ADMIN_LOGIN, {EDITOR: 403, ADMINISTRATOR: 200, SUPERUSER: 200})
MATRIX.update({
    "contributions:totals": [Case("public totals (setting off)", r("contributions:totals"),
                                  everyone(404))],
    "admin:contributions_statement_request": [
        Case("yearly statement page", r("admin:contributions_statement_request"), MONEY)],
    "admin:contributions_statement_download": [
        Case("statement PDF", r("admin:contributions_statement_download",
                                pk=lambda w: w.statement.pk), MONEY),
        Case("unknown statement", r("admin:contributions_statement_download", pk=999999),
             each(ADMIN_LOGIN, {EDITOR: 403, ADMINISTRATOR: 404, SUPERUSER: 404}))],
    "admin:contributions_statement_csv": [
        Case("statement CSV", r("admin:contributions_statement_csv", year=2025), MONEY)],
})

# --- The admin's model pages, generated ---------------------------------------------

# Admins that add no rows by hand, for anyone (the rows come from
# elsewhere): delegates join their delegation through the registration
# pages, packs and progress reports are built, the contact details are a
# single row, contact messages come from the public form, django-axes'
# records from sign-ins, and the security log from sign-ins and refusals.
ADD_CLOSED = {
    "meetings.delegate", "briefings.briefingpack", "actionplan.progressreport",
    "contributions.statement",
    "content.contactdetails", "content.contactmessage", "membership.securityevent",
    "axes.accessattempt", "axes.accessfailurelog", "axes.accesslog",
    # Subscriptions come from their owners' confirmed links (issue 27).
    "alerts.subscription",
    # The register's outcomes are recorded with their meeting (issue 26).
    "decisions.registeroutcome",
}


def group_allows(group: str, app: str, model: str, action: str) -> bool:
    return any(
        rule_app == app and rule_model in ("*", model) and action in actions
        for rule_app, rule_model, actions in STAFF_GROUPS[group]
    )


def _admin_page_status(role: str, app: str, model: str, action: str) -> object:
    if role not in STAFF:
        return ADMIN_LOGIN
    if action == "add" and f"{app}.{model}" in ADD_CLOSED:
        return 403
    if role == SUPERUSER:
        return 200
    group = SECRETARIAT_EDITORS if role == EDITOR else SECRETARIAT_ADMINISTRATORS
    if action == "view":
        # The changelist: viewing, or changing (which implies it).
        allowed = group_allows(group, app, model, "view") or group_allows(
            group, app, model, "change")
    else:
        allowed = group_allows(group, app, model, action)
    return 200 if allowed else 403


def _first_object_page(model, name: str) -> Callable[[World], str | None]:
    """The change page of the model's first row in the world (None: no row)."""
    def url(world: World) -> str | None:
        row = model._default_manager.order_by("pk").first()
        return None if row is None else reverse(name, args=[row.pk])
    return url


# Models of which the world has no row (their change page is not asked).
WITHOUT_ROWS = {
    "actionplan.declarationparagraph", "axes.accessattempt", "axes.accessfailurelog",
    "axes.accesslog", "chairmanship.chairmanship", "chairmanship.turndeclination",
    "content.contactmessage", "membership.securityevent", "otp_static.staticdevice",
}
# A pack's own page is its meeting's packs page (briefings/admin.py).
CHANGE_PAGE_REDIRECTS = {"briefings.briefingpack"}


def _change_page_status(role: str, app: str, model: str) -> object:
    status = _admin_page_status(role, app, model, "view")
    return 302 if status == 200 and f"{app}.{model}" in CHANGE_PAGE_REDIRECTS else status


def admin_model_cases() -> dict[str, list[Case]]:
    cases = {}
    for model in admin.site._registry:
        app, name = model._meta.app_label, model._meta.model_name
        for page, action in (("changelist", "view"), ("add", "add")):
            cases[f"admin:{app}_{name}_{page}"] = [Case(
                f"{app}.{name} {page}", r(f"admin:{app}_{name}_{page}"),
                {role: _admin_page_status(role, app, name, action) for role in ROLES},
            )]
        # One row's page: viewing it needs the right to view or change.
        cases[f"admin:{app}_{name}_change"] = [Case(
            f"{app}.{name} change", _first_object_page(model, f"admin:{app}_{name}_change"),
            {role: _change_page_status(role, app, name) for role in ROLES},
        )]
    return cases


# --- The resolver's names -----------------------------------------------------------

def url_names(patterns=None, namespaces=()) -> set[str]:
    """Every named URL of the URLconf, with its namespaces (``app:name``).
    The i18n patterns are one resolver (LocalePrefixPattern) walked once:
    /ru/ and /en/ pages share their names."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(":".join((*namespaces, pattern.name)))
    return names


def matrix() -> dict[str, list[Case]]:
    merged = {name: list(cases) for name, cases in MATRIX.items()}
    for name, cases in admin_model_cases().items():
        merged.setdefault(name, []).extend(cases)
    return merged


def test_every_url_name_has_an_entry():
    """A named URL added to the portal without an entry in the matrix (or
    the admin's model pages, generated) fails here, by name."""
    generated = admin_model_cases()
    names = url_names()
    # The admin's delete and history pages of each registered model: its
    # changelist, add and change pages stand for them (the same
    # permissions; the users' pages are asked below too). Any other admin
    # URL (a ModelAdmin's own, such as a user's password form) needs its
    # entry.
    covered_by_model = {
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}"
        for model in admin.site._registry
        # django-simple-history's page of one past version is a history page.
        for page in ("change", "delete", "history", "simple_history")
    }

    missing = sorted(names - covered_by_model - set(MATRIX) - set(generated))
    stale = sorted(set(MATRIX) - names)

    assert missing == [], f"URL names with no entry in the access matrix: {missing}"
    assert stale == [], f"Entries of the access matrix for URLs that no longer exist: {stale}"


def test_every_registered_admin_model_has_its_pages_in_the_matrix():
    generated = admin_model_cases()

    assert len(generated) == 3 * len(admin.site._registry)
    assert set(generated) <= url_names()


def test_the_world_has_a_row_of_every_admin_model_but_the_listed(world):
    """A model registered in the admin after this matrix was written gets
    its change page asked once the world makes a row of it (or it is
    listed in WITHOUT_ROWS, knowingly)."""
    without = {
        f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry
        if not model._default_manager.exists()
    }

    assert sorted(without) == sorted(WITHOUT_ROWS), " ".join(sorted(without))


def _observed(response) -> object:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("login") + "?next="):
            return LOGIN
    return response.status_code


@pytest.fixture
def world():
    with time_machine.travel(LATE_EVENING_UTC, tick=True):
        yield build_world()


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, world, role):
    """Every URL of the matrix answers ``role`` with the expected status;
    all differences are listed together."""
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    cases = [case for cases in matrix().values() for case in cases]
    ordered = ([case for case in cases if case.method == "get"]
               + [case for case in cases if case.method == "post" and case not in FINAL_CASES]
               + FINAL_CASES)

    differences = {}
    for case in ordered:
        url = case.url(world)
        if url is None:  # a model's change page, with no row in the world
            continue
        if case.method == "get":
            response = client.get(url)
        else:
            response = client.post(url, case.data(world) if case.data else {})
        if response.streaming:
            # A download: the test client closes the file (as a WSGI server
            # would) once the content has been read to the end.
            b"".join(response.streaming_content)
        observed, expected = _observed(response), case.expected[role]
        if observed != expected:
            differences[f"{case.method.upper()} {url} ({case.label})"] = (
                f"expected {expected}, got {observed}"
                + (f" -> {response['Location']}" if response.status_code == 302 else ""))

    assert differences == {}, "\n".join(f"{k}: {v}" for k, v in differences.items())
