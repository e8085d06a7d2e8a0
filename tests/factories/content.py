"""Factories for the content app.

``NewsItemFactory`` makes a *public* news item (published an hour ago) with
both titles, leads and bodies; pass ``is_published=False`` or a future
``published_at`` for the others. Pass ``image=png_upload()`` for an image."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from content.models import NewsItem


def image_bytes(*, size=(40, 30), image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format=image_format)
    return buffer.getvalue()


def png_upload(name: str = "photo.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    date = datetime.date(2025, 9, 17)
    slug = factory.Sequence(lambda n: f"news-{n}")
    title_ru = factory.Sequence(lambda n: f"Семинар по реинтеграции мигрантов № {n}")
    title_en = factory.Sequence(lambda n: f"Seminar on the reintegration of migrants no. {n}")
    title = factory.SelfAttribute("title_ru")
    lead_ru = "Представители миграционных ведомств обсудили стратегии реинтеграции."
    lead_en = "Officials of migration authorities discussed reintegration strategies."
    lead = factory.SelfAttribute("lead_ru")
    body_ru = "<p>Семинар прошёл в Алматы.</p>"
    body_en = "<p>The seminar took place in Almaty.</p>"
    body = factory.SelfAttribute("body_ru")
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
