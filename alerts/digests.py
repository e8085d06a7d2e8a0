"""Sending the digests (called by the task ``alerts.send_digests``, which
beat runs every hour).

For each address with a due subscription (``selectors.due_subscriptions``),
in its own transaction with its due rows locked (a second worker skips
them): every due subscription gets a section listing what was published
since the end of the period its last digest covered, up to now, among
what the address may see today. One email per address and run, when any
section has something; then each of those subscriptions records that its
digests now cover up to now (even with nothing to say, so that an empty
day is not read again). So a worker down for three days sends, when it
comes back, one digest covering the three days, and nothing twice. If the
email cannot be sent, the transaction rolls back and the next run tries
again with the same period."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from . import emails
from .enums import Topic
from .selectors import (
    Describer,
    Section,
    digest_items,
    due_subscriptions,
    recipient_account,
    search_parameters,
)

logger = logging.getLogger(__name__)


def _archive_path(subscription) -> str:
    """The archive's list for this topic (where the rest of a long section is)."""
    if subscription.topic == Topic.THEME:
        query = f"theme={subscription.value}"
    elif subscription.topic == Topic.STATE:
        query = f"state={subscription.value.lower()}"
    elif subscription.topic == Topic.SEARCH:
        parameters = search_parameters(subscription.value)
        query = parameters.urlencode() if parameters else ""
    elif subscription.topic == Topic.DECISIONS:
        return reverse("decisions:register")
    else:
        query = ""
    return f"{reverse('archive:document_list')}?{query}" if query else ""


def digest_send_for(*, email: str, now: datetime.datetime, base_url: str) -> bool:
    """The digest of one address at ``now``; True when an email was sent."""
    with transaction.atomic():
        rows = list(due_subscriptions(now=now).filter(email=email)
                    .select_for_update(skip_locked=True).order_by("topic", "value", "pk"))
        if not rows:
            return False
        user = recipient_account(email=email)
        language = emails.language_of(rows[0].language)
        sections = []
        with translation.override(language):
            describe = Describer()
            for row in rows:
                items, more = digest_items(subscription=row, user=user,
                                           start=row.digest_covered_until, end=now)
                if items:
                    sections.append(Section(subscription=row,
                                            title=describe(topic=row.topic, value=row.value),
                                            items=items, more=more,
                                            archive_path=_archive_path(row)))
        if sections:
            emails.send_digest(email=email, language=language, sections=sections,
                               base_url=base_url)
        # A queryset update: no signal, so the dashboards' cache is not
        # dropped for a digest.
        sent_ids = [section.subscription.pk for section in sections]
        type(rows[0]).objects.filter(pk__in=[row.pk for row in rows]).update(
            digest_covered_until=now)
        if sent_ids:
            type(rows[0]).objects.filter(pk__in=sent_ids).update(last_sent_at=now)
    return bool(sections)


def digests_send(*, base_url: str, now: datetime.datetime | None = None) -> int:
    """Every due digest; returns how many emails were sent. An address
    whose digest fails is logged and tried again at the next run."""
    now = now or timezone.now()
    addresses = list(due_subscriptions(now=now).order_by("email")
                     .values_list("email", flat=True).distinct())
    sent = 0
    for email in addresses:
        try:
            sent += digest_send_for(email=email, now=now, base_url=base_url)
        except Exception:
            logger.exception("The alerts digest to one address failed; it is tried again "
                             "at the next run")
    return sent
