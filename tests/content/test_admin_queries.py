"""The content changelists cost the same number of queries for one row as
for many (nothing is loaded per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import ContactMessage, Partner
from content.services import partner_save
from tests.factories.archive import ThemeFactory
from tests.factories.content import (
    AboutSectionFactory,
    HistoryEntryFactory,
    NewsItemFactory,
    ProjectFactory,
)
from tests.factories.membership import OrganisationFactory, ParticipantStateFactory

pytestmark = pytest.mark.django_db


def _news(number):
    NewsItemFactory()


def _partner(number):
    partner_save(partner=Partner(kind="process", slug=f"process-{number}",
                                 name_ru=f"Процесс {number}", name_en=f"Process {number}",
                                 observer=OrganisationFactory()))


def _project(number):
    ProjectFactory(states=[ParticipantStateFactory()], themes=[ThemeFactory()])


def _message(number):
    ContactMessage.objects.create(name="A", email="a@example.org", subject=f"S{number}",
                                  message="M", language="ru")


def _about_section(number):
    AboutSectionFactory()


def _history_entry(number):
    HistoryEntryFactory()


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/ru/admin/content/newsitem/", _news),
        ("/ru/admin/content/partner/", _partner),
        ("/ru/admin/content/project/", _project),
        ("/ru/admin/content/contactmessage/", _message),
        ("/ru/admin/content/aboutsection/", _about_section),
        ("/ru/admin/content/historyentry/", _history_entry),
    ],
)
def test_changelist_query_count_does_not_grow_with_rows(client, superuser, url, make):
    make(0)
    with_one = queries_for(client, url)
    make(1)
    make(2)

    with_three = queries_for(client, url)

    assert with_three == with_one
