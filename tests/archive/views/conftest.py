"""Visitors of the public archive pages: anonymous, a national coordinator
(a participant) and a member of the secretariat staff, and a small archive
with one document at each access level and status."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from archive import search
from archive.enums import AccessLevel, PublicationStatus
from tests.factories.archive import DocumentFactory
from tests.factories.membership import NationalCoordinatorFactory, StaffUserFactory, UserFactory

ROLES = ["anonymous", "coordinator", "staff"]

# Which of the documents made by `archive_by_access` each role may see.
VISIBLE = {
    "anonymous": {"public"},
    "coordinator": {"public", "participants"},
    "staff": {"public", "participants", "secretariat"},
}


@pytest.fixture
def coordinator_user():
    user = UserFactory()
    NationalCoordinatorFactory(user=user)
    return user


@pytest.fixture
def user_for_role(coordinator_user):
    def make(role: str):
        if role == "anonymous":
            return None
        if role == "coordinator":
            return coordinator_user
        return StaffUserFactory()

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
