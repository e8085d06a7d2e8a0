import re

import pytest
from django.core import mail

from alerts.models import Subscription


def link_in(message, name: str) -> str:
    """The path of alerts' link ``name`` (confirm, manage, unsubscribe) in an email."""
    found = re.search(rf"https?://[^/\s]+(/(?:ru|en)/alerts/{name}/[^\s\"<]+/)", message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """Subscribe through the page as a visitor would; returns the confirm link's path."""

    def run(*, email="reader@example.org", lang="en", **fields):
        data = {"email": email, "frequency": "daily", "language": lang, **fields}
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/{lang}/alerts/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert len(mail.outbox) == before + 1
        return link_in(mail.outbox[-1], "confirm")

    return run


def confirmed(**kwargs) -> Subscription:
    from django.utils import timezone

    now = timezone.now()
    defaults = {"email": "reader@example.org", "language": "en", "frequency": "daily",
                "confirmed_at": now, "digest_covered_until": now}
    return Subscription.objects.create(**{**defaults, **kwargs})
