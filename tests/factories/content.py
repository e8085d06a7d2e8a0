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

from content.models import AboutSection, HistoryEntry, NewsItem, Project


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


class ProjectFactory(factory.django.DjangoModelFactory):
    """A shown project that started in 2021 and has no end; ``states=``,
    ``themes=``, ``partners=``, ``documents=`` set the relations."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    name_ru = factory.Sequence(lambda n: f"Проект по управлению границами № {n}")
    name_en = factory.Sequence(lambda n: f"Border management project no. {n}")
    name = factory.SelfAttribute("name_ru")
    slug = factory.Sequence(lambda n: f"project-{n}")
    goal_ru = "Содействие управлению границами в Центральной Азии."
    goal_en = "To support border management in Central Asia."
    goal = factory.SelfAttribute("goal_ru")
    start = datetime.date(2021, 4, 1)
    end = None

    @factory.post_generation
    def states(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.states.set(extracted)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def partners(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.partners.set(extracted)

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.documents.set(extracted)


class AboutSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AboutSection

    slug = factory.Sequence(lambda n: f"section-{n}")
    position = factory.Sequence(lambda n: 100 + n)
    title_ru = factory.Sequence(lambda n: f"Раздел {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")
    title = factory.SelfAttribute("title_ru")
    body_ru = "<p>Текст раздела.</p>"
    body_en = "<p>The section's text.</p>"
    body = factory.SelfAttribute("body_ru")


class HistoryEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HistoryEntry

    date = factory.Sequence(lambda n: datetime.date(2014 + n, 5, 20))
    title_ru = factory.Sequence(lambda n: f"Событие {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    title = factory.SelfAttribute("title_ru")
