"""Visitors of the public archive pages, one for every access level (and
the edges of a coordinator's term), and a small archive with one document
at each access level and status.

The roles' terms are counted in Almaty days under a clock frozen at 20:30
UTC, when Almaty (UTC+5) is already a day ahead: a "yesterday" or
"tomorrow" computed from the UTC date would give the wrong answer.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from archive import search
from archive.enums import AccessLevel, PublicationStatus
from membership.enums import MembershipStatus, OrganisationKind
from tests.factories.archive import DocumentFactory
from tests.factories.membership import (
    FocalPointFactory,
    MembershipPeriodFactory,
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

# 2 December 01:30 in Almaty.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 1, 20, 30, tzinfo=datetime.UTC)

PUBLIC = {"public"}
OBSERVERS = PUBLIC | {"observers"}
PARTICIPANTS = OBSERVERS | {"participants"}
EVERYTHING = PARTICIPANTS | {"secretariat"}

# Which of the documents made by `archive_by_access` each role may see (the
# table of README "Access levels").
VISIBLE = {
    "anonymous": PUBLIC,
    # Civil society sees only what a meeting it was admitted to shares with
    # it (the meetings app), never the observers' material.
    "civil_society": PUBLIC,
    "observer_state": OBSERVERS,
    "international_organisation": OBSERVERS,
    # A pending state's coordinator follows its no-objection procedure as an
    # observer.
    "pending_coordinator": OBSERVERS,
    "coordinator": PARTICIPANTS,
    # Out of office: as if anonymous.
    "coordinator_ended_yesterday": PUBLIC,
    "coordinator_starting_tomorrow": PUBLIC,
    "staff": EVERYTHING,
}

# The documents of `archive_by_access`.
DOCUMENTS = ["public", "observers", "participants", "secretariat", "draft", "withdrawn"]

# Roles whose rights hang on today's date.
DATED_ROLES = {"coordinator_ended_yesterday", "coordinator_starting_tomorrow",
               "pending_coordinator"}

ROLES = [
    pytest.param(role, marks=pytest.mark.dates) if role in DATED_ROLES else role
    for role in VISIBLE
]


@pytest.fixture
def almaty_after_midnight():
    """The clock at 20:30 UTC, 01:30 the next day in Almaty (ticking)."""
    with time_machine.travel(LATE_EVENING_UTC, tick=True):
        yield


def _focal_point(kind: str):
    user = UserFactory()
    FocalPointFactory(user=user, organisation=OrganisationFactory(kind=kind))
    return user


def _coordinator(**term):
    user = UserFactory()
    NationalCoordinatorFactory(user=user, **term)
    return user


def _pending_coordinator():
    today = timezone.localdate()
    state = ParticipantStateFactory(participant_since=False)
    MembershipPeriodFactory(
        state=state, status=MembershipStatus.PENDING,
        start=today - datetime.timedelta(days=30), deadline=today + datetime.timedelta(days=30),
    )
    return _coordinator(state=state)


@pytest.fixture
def coordinator_user():
    return _coordinator()


@pytest.fixture
def user_for_role(coordinator_user, almaty_after_midnight):
    def make(role: str):
        today = timezone.localdate()
        day = datetime.timedelta(days=1)
        makers = {
            "anonymous": lambda: None,
            "civil_society": lambda: _focal_point(OrganisationKind.CIVIL_SOCIETY),
            "observer_state": lambda: _focal_point(OrganisationKind.STATE),
            "international_organisation": lambda: _focal_point(OrganisationKind.INTERNATIONAL),
            "pending_coordinator": _pending_coordinator,
            "coordinator": lambda: coordinator_user,
            "coordinator_ended_yesterday": lambda: _coordinator(
                start=datetime.date(2020, 1, 1), end=today - day
            ),
            "coordinator_starting_tomorrow": lambda: _coordinator(start=today + day),
            "staff": StaffUserFactory,
        }
        return makers[role]()

    return make


@pytest.fixture
def client_as(client, user_for_role):
    """A test client signed in as the given role."""

    def login(role: str):
        user = user_for_role(role)
        if user is not None:
            client.force_login(user)
        return client

    return login


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (the portal's own feed or sitemap)


def indexed(document):
    """The document after the search index has seen it."""
    search.document_index(document_id=document.pk)
    document.refresh_from_db()
    return document


@pytest.fixture
def archive_by_access():
    """One published document per access level, plus a public draft and a
    public withdrawn one; keyed by short name. Every title speaks of
    migration, so one search finds them all."""
    made = {
        "public": DocumentFactory(
            title_ru="Открытый доклад о миграции", title_en="Public report on migration",
            access=AccessLevel.PUBLIC,
        ),
        "observers": DocumentFactory(
            title_ru="Доклад о миграции для наблюдателей",
            title_en="Observers' report on migration", access=AccessLevel.OBSERVERS,
        ),
        "participants": DocumentFactory(
            title_ru="Доклад о миграции для участников",
            title_en="Participants' report on migration", access=AccessLevel.PARTICIPANTS,
        ),
        "secretariat": DocumentFactory(
            title_ru="Служебный доклад о миграции", title_en="Secretariat report on migration",
            access=AccessLevel.SECRETARIAT,
        ),
        "draft": DocumentFactory(
            title_ru="Черновик доклада о миграции", title_en="Draft report on migration",
            status=PublicationStatus.DRAFT,
        ),
        "withdrawn": DocumentFactory(
            title_ru="Отозванный доклад о миграции", title_en="Withdrawn report on migration",
            status=PublicationStatus.WITHDRAWN,
        ),
    }
    return {name: indexed(document) for name, document in made.items()}
