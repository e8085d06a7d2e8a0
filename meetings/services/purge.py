"""Personal data of delegates is kept only as long as configured
(``MEETINGS_PERSONAL_DATA_RETENTION_DAYS``, two years by default): then
the delegates of meetings that ended before the retention period are
deleted, with their audit history and the notes verbales that name them.
The delegations stay, with how many delegates they had: the record of
which states and organisations attended."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ..models import Delegate, Delegation


def retention_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.MEETINGS_PERSONAL_DATA_RETENTION_DAYS)


@dataclass(frozen=True)
class PurgeResult:
    delegations: int
    delegates: int


def delegates_purge(*, ended_before: datetime.date | None = None,
                    dry_run: bool = False) -> PurgeResult:
    """Remove delegates' personal data from meetings whose last day is
    before ``ended_before`` (default: today minus the retention period)."""
    ended_before = ended_before or timezone.localdate() - retention_period()
    with transaction.atomic():
        locked = list(
            Delegation.objects.select_for_update(of=("self",))
            .filter(meeting__end__lt=ended_before, personal_data_purged_at__isnull=True)
            .values_list("pk", flat=True)
        )
        delegations = list(
            Delegation.objects.filter(pk__in=locked).annotate(members=Count("delegates"))
        )
        removed = sum(d.members for d in delegations)
        if dry_run:
            return PurgeResult(delegations=len(delegations), delegates=removed)
        now = timezone.now()
        files = []
        for delegation in delegations:
            if delegation.credentials:
                files.append((delegation.credentials.storage, delegation.credentials.name))
            Delegation.objects.filter(pk=delegation.pk).update(
                personal_data_purged_at=now, purged_delegate_count=delegation.members,
                credentials="", credentials_name="", credentials_sha256="",
            )
        ids = [d.pk for d in delegations]
        Delegate.objects.filter(delegation_id__in=ids).delete()
        # The audit history holds the same personal data (the deletions just
        # recorded included).
        Delegate.history.filter(delegation_id__in=ids).delete()
        Delegation.history.filter(id__in=ids).update(
            credentials="", credentials_name="", credentials_sha256="",
        )
        for storage, name in files:
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))
    return PurgeResult(delegations=len(delegations), delegates=removed)
