"""Observer organisations' focal points."""

from __future__ import annotations

import datetime

from django.db import transaction

from ..models import (
    FocalPoint,
    Organisation,
    User,
)

FOCAL_POINT_FIELDS = (
    "full_name_ru", "full_name_en", "position_ru", "position_en", "email", "phone",
)


def focal_point_appoint(
    *,
    organisation: Organisation,
    start: datetime.date,
    full_name_ru: str,
    user: User | None = None,
    **fields: str,
) -> FocalPoint:
    """A focal point of an observer organisation (an organisation may have
    several at once)."""
    fields = {"full_name_ru": full_name_ru, **fields}
    unknown = set(fields) - set(FOCAL_POINT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown focal point fields: {sorted(unknown)}")
    with transaction.atomic():
        focal_point = FocalPoint(organisation=organisation, start=start, user=user, **fields)
        focal_point.full_clean()
        focal_point.save()
    return focal_point
