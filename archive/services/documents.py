"""Documents: creation (with a unique slug), metadata changes, publication
and withdrawal."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date as Date  # noqa: N812

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.db import constraint_name_of
from core.transliteration import to_latin

from ..enums import AccessLevel, PublicationStatus
from ..models import Document
from .common import MSG_TITLE_REQUIRED, enqueue_index, has_title, lock_document

REFERENCE_UNIQUE = "archive_document_reference_unique_when_given"

MSG_REFERENCE_TAKEN = _("Another document already has this reference symbol.")
MSG_WITHDRAW_UNPUBLISHED = _("Only a published document can be withdrawn.")
MSG_NUMERIC_SLUG = _(
    "The address cannot be made of digits only: /archive/<number>/ is a document's number."
)

# The fields document_update accepts.
UPDATABLE_FIELDS = {
    "title_ru", "title_en", "summary_ru", "summary_en", "doc_type", "date", "reference",
    "access", "supersedes", "slug",
}
UPDATABLE_RELATIONS = {"themes", "states"}
SEARCHED_FIELDS = {"title_ru", "title_en", "summary_ru", "summary_en"}

SLUG_LENGTH = 100
SLUG_ATTEMPTS = 3


def _slug_base(document: Document) -> str:
    for title in (document.title_en, document.title_ru):
        base = slugify(to_latin(title or ""))[:SLUG_LENGTH].strip("-")
        if base:
            return base
    return "document"


def _unique_slug(document: Document) -> str:
    base = _slug_base(document)
    taken = set(
        Document.objects.filter(slug__startswith=base).exclude(pk=document.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken or slug.isdigit():
        number += 1
        slug = f"{base}-{number}"
    return slug


@contextlib.contextmanager
def _reference_race_as_validation():
    """A reference symbol taken by a concurrent save (the partial unique
    index) becomes the same error full_clean gives."""
    try:
        yield
    except IntegrityError as exc:
        if constraint_name_of(exc) == REFERENCE_UNIQUE:
            raise ValidationError({"reference": MSG_REFERENCE_TAKEN}, code="unique") from exc
        raise


def _check_slug(document: Document) -> None:
    if document.slug.isdigit():
        raise ValidationError({"slug": MSG_NUMERIC_SLUG}, code="numeric_slug")


def document_create(
    *,
    created_by,
    doc_type: str,
    date: Date,
    title_ru: str = "",
    title_en: str = "",
    summary_ru: str = "",
    summary_en: str = "",
    reference: str = "",
    access: str = AccessLevel.PUBLIC,
    themes: Iterable = (),
    states: Iterable = (),
    supersedes: Document | None = None,
    slug: str = "",
) -> Document:
    """A new draft document; the slug comes from the English title or the
    transliterated Russian one unless given, made unique with -2, -3, ..."""
    document = Document(
        doc_type=doc_type, date=date,
        title_ru=title_ru.strip(), title_en=title_en.strip(),
        summary_ru=summary_ru.strip(), summary_en=summary_en.strip(),
        reference=reference.strip(), access=access, supersedes=supersedes,
        status=PublicationStatus.DRAFT, created_by=created_by, updated_by=created_by,
    )
    if not has_title(document):
        raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
    document._history_user = created_by
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        try:
            with _reference_race_as_validation(), transaction.atomic():
                document.slug = slug.strip() or _unique_slug(document)
                _check_slug(document)
                document.full_clean()
                document.save()
                document.themes.set(themes)
                document.states.set(states)
                enqueue_index(document.pk)
        except IntegrityError:
            # A document with the same title was saved meanwhile and took the
            # generated slug: generate it again.
            lost_slug_race = not slug.strip() and Document.objects.filter(
                slug=document.slug
            ).exists()
            if not lost_slug_race or attempt == SLUG_ATTEMPTS:
                raise
            document.pk = None
        else:
            return document
    raise AssertionError("unreachable")  # pragma: no cover


def document_update(*, document: Document, data: dict, updated_by) -> Document:
    """Change a document's metadata. ``data`` holds any of UPDATABLE_FIELDS
    and "themes"/"states"; publication goes through document_publish and
    document_withdraw."""
    unknown = set(data) - UPDATABLE_FIELDS - UPDATABLE_RELATIONS
    if unknown:
        raise TypeError(f"document_update cannot change {sorted(unknown)}")
    with _reference_race_as_validation(), transaction.atomic():
        document = lock_document(document)
        for name in UPDATABLE_FIELDS & set(data):
            value = data[name]
            setattr(document, name, value.strip() if isinstance(value, str) else value)
        if not has_title(document):
            raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
        if "slug" in data and not document.slug:
            document.slug = _unique_slug(document)
        _check_slug(document)
        document.updated_by = updated_by
        document._history_user = updated_by
        document.full_clean()
        document.save()
        if "themes" in data:
            document.themes.set(data["themes"])
        if "states" in data:
            document.states.set(data["states"])
        if SEARCHED_FIELDS & set(data):
            enqueue_index(document.pk)
    return document


def document_publish(*, document: Document, by) -> Document:
    """Publish a draft or withdrawn document (needs a title in at least one
    language); ``published_at`` is set the first time only. Publishing a
    published document changes nothing."""
    with transaction.atomic():
        document = lock_document(document)
        if document.status == PublicationStatus.PUBLISHED:
            return document
        if not has_title(document):
            raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
        document.status = PublicationStatus.PUBLISHED
        if document.published_at is None:
            document.published_at = timezone.now()
        document.updated_by = by
        document._history_user = by
        document.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    return document


def document_withdraw(*, document: Document, by) -> Document:
    """Take a published document off the public pages; the record, its files
    and its history stay."""
    with transaction.atomic():
        document = lock_document(document)
        if document.status == PublicationStatus.WITHDRAWN:
            return document
        if document.status != PublicationStatus.PUBLISHED:
            raise ValidationError(MSG_WITHDRAW_UNPUBLISHED, code="not_published")
        document.status = PublicationStatus.WITHDRAWN
        document.updated_by = by
        document._history_user = by
        document.save(update_fields=["status", "updated_by", "updated_at"])
    return document
