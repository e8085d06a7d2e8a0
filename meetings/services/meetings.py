"""Writes to meetings: the meeting itself, its agenda, outcomes and the
archive documents linked to it.

Each service validates (``full_clean`` plus the rules that need other rows)
and writes inside ``transaction.atomic``. Database constraint violations
that slip past validation (two users at once) come back as the same
translated ``ValidationError``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from archive.models import Document, Theme
from core.db import constraint_name_of, free_slug

from ..enums import MeetingDocumentRole, MeetingKind, OutcomeKind
from ..models import AgendaItem, Meeting, MeetingDocument, MeetingOutcome

SLUG_MAX = Meeting._meta.get_field("slug").max_length

# Constraint name -> the field and message its violation becomes.
_CONSTRAINT_ERRORS = {
    "meetings_term_confirmed_once": (
        "confirms_chairmanship",
        _("Another outcome already confirms this chairmanship term."),
    ),
    "meetings_document_once_per_meeting": (
        "document", _("This document is already linked to the meeting."),
    ),
}


def _save(instance, **save_kwargs) -> None:
    """Validate and save; a unique or check constraint the database caught
    becomes a ValidationError on the field it concerns."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save(**save_kwargs)
    except IntegrityError as exc:
        name = constraint_name_of(exc)
        if name in _CONSTRAINT_ERRORS:
            field, message = _CONSTRAINT_ERRORS[name]
            raise ValidationError({field: message}) from exc
        raise


def meeting_slug_for(*, title: str, start, exclude_pk: int | None = None) -> str:
    """A readable, unique slug: the English (or transliterated) title and
    the year, with a number added if that is taken."""
    base = slugify(title)[: SLUG_MAX - 10].strip("-") or "meeting"
    year = f"{start:%Y}" if start else ""
    if year and not base.endswith(year):
        base = f"{base}-{year}"
    return free_slug(Meeting.objects, base, exclude_pk=exclude_pk)


def meeting_check_consistency(*, meeting: Meeting) -> None:
    """Rules between the meeting and its stored agenda and outcomes: their
    days fall within the meeting's dates, amendments only at a Ministerial
    Conference. Raises ValidationError."""
    errors: dict[str, list] = {}
    if meeting.pk is None:
        return
    outcomes = list(meeting.outcomes.all())
    if meeting.kind != MeetingKind.MINISTERIAL and any(
        outcome.kind == OutcomeKind.AMENDMENT for outcome in outcomes
    ):
        errors.setdefault("kind", []).append(ValidationError(
            _("This meeting records an amendment of the Operational Mechanism, which only a "
              "Ministerial Conference can adopt: remove the amendment or keep the kind."),
            code="amendment_not_ministerial",
        ))
    outside = [o for o in outcomes if not meeting.start <= o.adopted_on <= meeting.end]
    outside_days = meeting.agenda_items.exclude(day__isnull=True).exclude(
        day__gte=meeting.start, day__lte=meeting.end,
    ).exists()
    if outside or outside_days:
        errors.setdefault("start", []).append(ValidationError(
            _("Some agenda items or outcomes fall on days outside the new dates: change them "
              "first."),
            code="children_outside_dates",
        ))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_save(*, meeting: Meeting, user=None, check_consistency: bool = True) -> Meeting:
    """Validate and store a new or changed meeting. Without a slug, one is
    made from the English title and the year. ``check_consistency=False``
    only for a caller that checks the stored agenda and outcomes itself
    after changing them too (the admin, whose inlines save after this)."""
    if meeting.pk is None:
        meeting.created_by = meeting.created_by or user
    meeting.updated_by = user or meeting.updated_by
    if not meeting.slug:
        meeting.slug = meeting_slug_for(
            title=meeting.title_en or meeting.title_ru or "", start=meeting.start,
            exclude_pk=meeting.pk,
        )
    _save(meeting)
    if check_consistency:
        meeting_check_consistency(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_create(*, created_by=None, themes: Iterable[Theme] = (), **fields: Any) -> Meeting:
    """Record a meeting (see ``meeting_save``)."""
    meeting = meeting_save(meeting=Meeting(**fields), user=created_by)
    if themes:
        meeting.themes.set(themes)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: dict[str, Any], updated_by=None) -> Meeting:
    """Change a meeting's fields (and its themes, under the key ``themes``)."""
    data = dict(data)
    themes = data.pop("themes", None)
    for name, value in data.items():
        setattr(meeting, name, value)
    meeting_save(meeting=meeting, user=updated_by)
    if themes is not None:
        meeting.themes.set(themes)
    return meeting


def agenda_item_save(*, item: AgendaItem) -> AgendaItem:
    """Add or change an agenda item (its day must be one of the meeting's)."""
    if item.pk is None and not item.position:
        item.position = _next_position(item.meeting.agenda_items.all())
    _save(item)
    return item


def agenda_item_add(*, meeting: Meeting, **fields: Any) -> AgendaItem:
    return agenda_item_save(item=AgendaItem(meeting=meeting, **fields))


def outcome_save(*, outcome: MeetingOutcome) -> MeetingOutcome:
    """Record or change an outcome: adopted on a day of the meeting; an
    amendment of the Operational Mechanism only at a Ministerial Conference;
    a chair term confirmed once, in the year before it starts at the
    earliest and before it ends."""
    if outcome.pk is None and not outcome.position:
        outcome.position = _next_position(outcome.meeting.outcomes.all())
    _save(outcome)
    return outcome


def outcome_record(*, meeting: Meeting, **fields: Any) -> MeetingOutcome:
    return outcome_save(outcome=MeetingOutcome(meeting=meeting, **fields))


def meeting_document_save(*, link: MeetingDocument) -> MeetingDocument:
    if link.pk is None and not link.position:
        link.position = _next_position(link.meeting.document_links.all())
    _save(link)
    return link


def meeting_document_link(
    *, meeting: Meeting, document: Document, role: str = MeetingDocumentRole.OTHER,
    position: int = 0,
) -> MeetingDocument:
    """Link an archive document to the meeting (once per meeting)."""
    return meeting_document_save(link=MeetingDocument(
        meeting=meeting, document=document, role=role, position=position,
    ))


def meeting_part_delete(*, part: AgendaItem | MeetingOutcome | MeetingDocument) -> None:
    """Remove an agenda item, an outcome or a document link (the archive
    document itself stays)."""
    part.delete()


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1
