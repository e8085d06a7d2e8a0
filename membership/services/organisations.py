"""Observer organisations."""

from __future__ import annotations

from django.db import transaction

from ..models import Organisation, User
from ..signals import organisation_kind_changed


def organisation_save(*, organisation: Organisation, user: User | None = None) -> list[str]:
    """Save an organisation. When its kind changed, the apps that depend on
    the kind (meetings: a civil-society organisation, not an observer, takes
    part only with the participant states' consent) are told within the same transaction;
    returns their messages, translated, for the person who saved."""
    organisation.full_clean()
    with transaction.atomic():
        previous_kind = None
        if organisation.pk is not None:
            previous_kind = (
                Organisation.objects.select_for_update().filter(pk=organisation.pk)
                .values_list("kind", flat=True).first()
            )
        organisation._history_user = user
        organisation.save()
        if previous_kind is None or previous_kind == organisation.kind:
            return []
        responses = organisation_kind_changed.send(
            sender=Organisation, organisation=organisation, previous_kind=previous_kind,
            user=user,
        )
    return [str(message) for _receiver, messages in responses for message in messages or ()]
