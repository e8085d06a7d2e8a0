"""Beat's tasks, bounces, the dashboard's panel, Redis down, and the
digest through a real Celery worker."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from alerts import tasks
from alerts.enums import Topic
from alerts.models import Subscription
from tests.alerts.conftest import confirmed
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_purge_task_deletes_unconfirmed_rows_a_week_old():
    Subscription.objects.create(email="late@example.org", topic=Topic.THEME, value="x")

    with time_machine.travel(datetime.timedelta(days=8)):
        assert tasks.purge_unconfirmed.delay().get() == 1

    assert Subscription.objects.count() == 0


def test_bounce_command_deletes_every_subscription_of_the_addresses(tmp_path):
    confirmed(email="gone@example.org", topic=Topic.THEME, value="a")
    confirmed(email="gone@example.org", topic=Topic.THEME, value="b")
    keep = confirmed(email="kept@example.org", topic=Topic.THEME, value="a")
    bounces = tmp_path / "bounces.log"
    bounces.write_text("Dec  7 06:00 postfix/bounce: <GONE@example.org>: 550 no such user\n"
                       "unknown@example.org\n")
    out = io.StringIO()

    call_command("alerts_bounces", str(bounces), stdout=out)

    assert out.getvalue().strip() == "2 addresses read, 2 subscriptions deleted."
    assert list(Subscription.objects.all()) == [keep]


def test_bounce_command_says_when_the_file_cannot_be_read(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("alerts_bounces", str(tmp_path / "missing.txt"))


def test_admin_action_deletes_bounced_addresses(client, admin_user):
    row = confirmed(email="gone@example.org", topic=Topic.THEME, value="a")
    confirmed(email="gone@example.org", topic=Topic.STATE, value="kaz")
    keep = confirmed(email="kept@example.org", topic=Topic.THEME, value="a")
    client.force_login(admin_user)

    with translation.override("en"):
        changelist = reverse("admin:alerts_subscription_changelist")
    response = client.post(changelist,
                           {"action": "delete_bounced", "_selected_action": [row.pk]},
                           follow=True)

    assert "2 subscriptions deleted." in response.content.decode()
    assert list(Subscription.objects.all()) == [keep]


def test_coordinator_dashboard_shows_their_alerts_with_the_manage_link(client):
    state = ParticipantStateFactory()
    user = UserFactory(email="coordinator@example.org")
    NationalCoordinatorFactory(state=state, user=user)
    ThemeFactory(slug="borders", name_en="Border management")
    confirmed(email="coordinator@example.org", topic=Topic.THEME, value="borders")
    client.force_login(user)

    html = client.get("/en/registration/").content.decode()

    assert "Theme: Border management" in html
    assert "/en/alerts/manage/" in html


def test_coordinator_dashboard_without_alerts_offers_to_subscribe(client):
    state = ParticipantStateFactory()
    user = UserFactory(email="coordinator@example.org")
    NationalCoordinatorFactory(state=state, user=user)
    client.force_login(user)

    html = client.get("/en/registration/").content.decode()

    assert "You receive no email alerts." in html


@pytest.mark.parametrize("count", [1, 4])
def test_manage_page_queries_do_not_grow(client, django_assert_num_queries, count):
    from alerts import tokens

    for n in range(count):
        confirmed(topic=Topic.THEME, value=f"theme-{n}")
    ThemeFactory.create_batch(count)
    url = f"/en/alerts/manage/{tokens.make('manage', email='reader@example.org')}/"

    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200


def test_subscribing_fails_closed_with_the_input_kept_when_the_cache_is_down(client, settings):
    ThemeFactory(slug="borders")
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "core.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"RETRY_AFTER": 0.1}}}

    response = client.post("/en/alerts/", {"email": "p@example.org", "frequency": "daily",
                                           "language": "en", "themes": ["borders"]})

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Subscriptions are unavailable for a few minutes" in html
    assert 'value="p@example.org"' in html
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.celery_worker
def test_digest_through_the_worker_is_sent_once(celery_worker):
    theme = ThemeFactory(slug="borders")
    start = timezone.now() - datetime.timedelta(days=2)
    row = confirmed(topic=Topic.THEME, value="borders", confirmed_at=start,
                    digest_covered_until=start)
    DocumentFactory(themes=[theme], published_at=start + datetime.timedelta(hours=1))

    assert tasks.send_digests.delay().get(timeout=60) == 1
    assert tasks.send_digests.delay().get(timeout=60) == 0

    row.refresh_from_db()
    assert row.last_sent_at is not None
    assert row.digest_covered_until > start + datetime.timedelta(days=1)
