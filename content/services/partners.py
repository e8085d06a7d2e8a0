"""Partners and related processes of the /partners/ page."""

from __future__ import annotations

from django.db import transaction

from ..models import Partner


@transaction.atomic
def partner_save(*, partner: Partner) -> Partner:
    """Validate and store a new or changed partner (names and the
    description trimmed)."""
    for language in ("ru", "en"):
        for field in ("name", "acronym", "description"):
            name = f"{field}_{language}"
            setattr(partner, name, (getattr(partner, name) or "").strip())
    partner.full_clean()
    partner.save()
    return partner
