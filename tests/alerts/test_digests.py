"""The digests: only what the recipient may see on the day it is sent,
nothing twice, nothing missed when the worker was down."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts.digests import digests_send
from alerts.enums import Frequency, Topic
from alerts.models import Subscription
from archive.enums import AccessLevel
from archive.search import documents_reindex
from tests.alerts.conftest import confirmed, link_in
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.meetings import (
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingOutcomeFactory,
)
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BASE = "https://portal.example.org"
T0 = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def send(at):
    with time_machine.travel(at, tick=False):
        return digests_send(base_url=BASE)


def test_theme_subscriber_gets_one_digest_with_the_new_public_document_and_never_a_restricted_one(
        client, subscribe):
    """The issue's "done when": subscribe, confirm, a document appears; one
    digest lists it, the restricted one never, the next run sends nothing."""
    theme = ThemeFactory(slug="labour-migration", name_en="Labour migration")
    with time_machine.travel(T0, tick=False):
        old = DocumentFactory(themes=[theme], title_en="Published before confirming")
        confirm_path = subscribe(themes=["labour-migration"])
        assert client.get(confirm_path).status_code == 200
        assert Subscription.objects.get().confirmed_at is None
        assert client.post(confirm_path).status_code == 200
    with time_machine.travel(T0 + datetime.timedelta(hours=3), tick=False):
        DocumentFactory(themes=[theme], title_en="Wages of migrant workers")
        DocumentFactory(themes=[theme], title_en="For participants only",
                        access=AccessLevel.PARTICIPANTS)
        DocumentFactory(themes=[theme], title_en="Secretariat note",
                        access=AccessLevel.SECRETARIAT)
        DocumentFactory(title_en="Another theme's report")
    mail.outbox.clear()

    assert send(T0 + datetime.timedelta(days=1)) == 1
    assert send(T0 + datetime.timedelta(days=1, hours=1)) == 0
    assert send(T0 + datetime.timedelta(days=2)) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"]
    assert message.subject == "Almaty Process: 1 new item"
    assert "Wages of migrant workers" in message.body
    html = message.alternatives[0][0]
    assert "Wages of migrant workers" in html
    for text in ("For participants only", "Secretariat note", "Another theme",
                 old.title_en):
        assert text not in message.body
        assert text not in html


def test_digest_carries_one_click_unsubscribe_headers_and_both_parts():
    subscription = confirmed(topic=Topic.THEME, value="refugees", language="ru")
    theme = ThemeFactory(slug="refugees")
    DocumentFactory(themes=[theme], title_ru="Защита беженцев",
                    published_at=timezone.now() + datetime.timedelta(minutes=1))

    assert send(timezone.now() + datetime.timedelta(days=1)) == 1

    message = mail.outbox[0]
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<{BASE}{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Content-Language"] == "ru"
    assert unsubscribe.startswith("/ru/alerts/unsubscribe/")
    assert message.alternatives[0][1] == "text/html"
    assert "Защита беженцев" in message.body
    subscription.refresh_from_db()
    assert subscription.last_sent_at is not None


def test_digest_covers_every_day_the_worker_was_down_once():
    theme = ThemeFactory(slug="borders")
    with time_machine.travel(T0, tick=False):
        subscription = confirmed(topic=Topic.THEME, value="borders")
    for day in range(1, 4):
        with time_machine.travel(T0 + datetime.timedelta(days=day), tick=False):
            DocumentFactory(themes=[theme], title_en=f"Border report of day {day}")

    assert send(T0 + datetime.timedelta(days=4)) == 1
    assert send(T0 + datetime.timedelta(days=5)) == 0

    body = mail.outbox[0].body
    assert [f"Border report of day {day}" in body for day in (1, 2, 3)] == [True] * 3
    subscription.refresh_from_db()
    assert subscription.digest_covered_until == T0 + datetime.timedelta(days=5)


def test_weekly_digest_waits_a_week():
    theme = ThemeFactory(slug="health")
    with time_machine.travel(T0, tick=False):
        confirmed(topic=Topic.THEME, value="health", frequency=Frequency.WEEKLY)
    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        DocumentFactory(themes=[theme])

    assert send(T0 + datetime.timedelta(days=6)) == 0
    assert send(T0 + datetime.timedelta(days=7)) == 1


def test_unconfirmed_subscription_gets_nothing():
    theme = ThemeFactory(slug="health")
    Subscription.objects.create(email="x@example.org", topic=Topic.THEME, value="health",
                                frequency=Frequency.DAILY)
    DocumentFactory(themes=[theme])

    assert send(timezone.now() + datetime.timedelta(days=2)) == 0
    assert mail.outbox == []


def test_coordinator_in_office_gets_their_documents_and_public_only_once_out_of_office():
    state = ParticipantStateFactory(iso3="KAZ")
    user = UserFactory(email="coordinator@example.org")
    NationalCoordinatorFactory(state=state, user=user, start=datetime.date(2020, 1, 1),
                               end=datetime.date(2026, 3, 5))
    theme = ThemeFactory(slug="data")
    with time_machine.travel(T0, tick=False):
        confirmed(email="coordinator@example.org", topic=Topic.THEME, value="data")
    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        DocumentFactory(themes=[theme], title_en="Restricted data note one",
                        access=AccessLevel.PARTICIPANTS)
    assert send(T0 + datetime.timedelta(days=1)) == 1
    assert "Restricted data note one" in mail.outbox[0].body

    with time_machine.travel(T0 + datetime.timedelta(days=4), tick=False):
        DocumentFactory(themes=[theme], title_en="Restricted data note two",
                        access=AccessLevel.PARTICIPANTS)
        DocumentFactory(themes=[theme], title_en="Public data note")
    assert send(T0 + datetime.timedelta(days=5)) == 1  # the term ended on 5 March's eve

    assert "Public data note" in mail.outbox[1].body
    assert "Restricted data note two" not in mail.outbox[1].body


def test_state_meeting_kind_and_search_topics():
    state = ParticipantStateFactory(iso3="TJK")
    meeting = MeetingFactory(kind="som")
    with time_machine.travel(T0, tick=False):
        confirmed(topic=Topic.STATE, value="tjk")
        confirmed(topic=Topic.MEETING_KIND, value="som")
        confirmed(topic=Topic.SEARCH, value="q=smuggling&type=study")
    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        DocumentFactory(states=[state], title_en="Tajik national report")
        linked = DocumentFactory(title_en="Senior officials' conclusions")
        MeetingDocumentFactory(meeting=meeting, document=linked)
        DocumentFactory(title_en="Migrant smuggling study", doc_type="study",
                        summary_en="On smuggling of migrants", summary_ru="О незаконном ввозе")
        DocumentFactory(title_en="Smuggling press release", doc_type="press_release")
    documents_reindex()

    assert send(T0 + datetime.timedelta(days=1)) == 1

    body = mail.outbox[0].body
    assert "Tajik national report" in body
    assert "Senior officials' conclusions" in body
    assert "Migrant smuggling study" in body
    assert "Smuggling press release" not in body
    assert mail.outbox[0].subject == "Almaty Process: 3 new items"


def test_digest_queries_do_not_grow_with_documents(django_assert_max_num_queries):
    theme = ThemeFactory(slug="labour")
    with time_machine.travel(T0, tick=False):
        confirmed(topic=Topic.THEME, value="labour")
    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        DocumentFactory.create_batch(12, themes=[theme])

    with django_assert_max_num_queries(14):
        assert send(T0 + datetime.timedelta(days=1)) == 1


def test_register_of_decisions_lists_new_entries_the_recipient_may_see(client, subscribe):
    meeting = MeetingFactory(kind="som", title_en="Senior Officials' Meeting 2026")
    with time_machine.travel(T0, tick=False):
        MeetingOutcomeFactory(meeting=meeting, published_at=T0 - datetime.timedelta(days=1))
        confirm_path = subscribe(decisions="on")
        client.post(confirm_path)
    with time_machine.travel(T0 + datetime.timedelta(hours=2), tick=False):
        new = MeetingOutcomeFactory(meeting=meeting, kind="recommendation")
        MeetingOutcomeFactory(meeting=meeting, access=AccessLevel.PARTICIPANTS)
    mail.outbox.clear()

    assert send(T0 + datetime.timedelta(days=1)) == 1
    assert send(T0 + datetime.timedelta(days=2)) == 0

    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Almaty Process: 1 new item"
    assert "Register of decisions" in body
    assert f"/en/decisions/{new.pk}/" in body
    assert body.count("/en/decisions/") == 1
