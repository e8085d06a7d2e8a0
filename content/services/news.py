"""News items: saved with their rich text sanitised, a readable slug, and
a publication time when published."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.db import free_slug
from core.transliteration import to_latin

from ..models import NewsItem
from ..richtext import sanitise_html
from ..validators import IMAGE_FORMATS, image_format_of

SLUG_MAX = NewsItem._meta.get_field("slug").max_length
LANGUAGES = ("ru", "en")


def news_slug_for(*, title: str, date: datetime.date | None, exclude_pk: int | None = None) -> str:
    """A readable, unique slug: the (transliterated) title and the year,
    with a number added if that is taken."""
    base = slugify(to_latin(title or ""))[: SLUG_MAX - 10].strip("-") or "news"
    year = f"{date:%Y}" if date else ""
    if year and not base.endswith(year):
        base = f"{base}-{year}"
    return free_slug(NewsItem.objects, base, exclude_pk=exclude_pk)


def _clean_texts(item: NewsItem) -> None:
    for language in LANGUAGES:
        for field in ("title", "image_alt"):
            name = f"{field}_{language}"
            setattr(item, name, (getattr(item, name) or "").strip())
        lead = f"lead_{language}"
        setattr(item, lead, (getattr(item, lead) or "").strip())
        body = f"body_{language}"
        setattr(item, body, sanitise_html(getattr(item, body) or ""))


def _name_new_image(item: NewsItem) -> None:
    """A new upload is named by the format read from its content (the
    storage then gives it a random name under the year)."""
    image = item.image
    if not image or getattr(image, "_committed", True):
        return
    image_format = image_format_of(image.file)
    image.name = f"image.{IMAGE_FORMATS[image_format]}"


@transaction.atomic
def news_item_save(*, item: NewsItem, user=None) -> NewsItem:
    """Validate and store a new or changed news item. The body is sanitised
    (content.richtext); without a slug one is made from the English (or
    transliterated Russian) title and the year; a published item without a
    time is published now."""
    _clean_texts(item)
    if item.pk is None:
        item.created_by = item.created_by or user
    item.updated_by = user or item.updated_by
    if not item.slug:
        item.slug = news_slug_for(
            title=item.title_en or item.title_ru or "", date=item.date, exclude_pk=item.pk,
        )
    item.full_clean()  # a published item without a time gets now (NewsItem.clean)
    _name_new_image(item)
    item.save()
    return item


def news_item_publish(*, item: NewsItem, by=None, at: datetime.datetime | None = None) -> NewsItem:
    """Publish now (or at ``at``). An item already public keeps its time;
    a scheduled one is brought forward to now unless ``at`` is given."""
    item.is_published = True
    if at is not None:
        item.published_at = at
    elif item.published_at is None or item.published_at > timezone.now():
        item.published_at = timezone.now()
    return news_item_save(item=item, user=by)


def news_item_unpublish(*, item: NewsItem, by=None) -> NewsItem:
    """Take an item off the public pages (its time is kept for the record)."""
    item.is_published = False
    return news_item_save(item=item, user=by)
