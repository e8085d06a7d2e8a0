"""One English name for the state, Türkiye, on the About and Partners pages
as on every other (issue 24); the Russian keeps the seeds' wording."""

import importlib

import pytest
from django.apps import apps

from content.models import AboutSection
from tests.content.conftest import text_of

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("content.migrations.0009_turkiye_in_reference_texts")


def test_about_page_in_english_names_turkiye(client):
    text = text_of(client.get("/en/about/"))

    assert "[the Islamic Republic of Pakistan] and the Republic of Türkiye), as equal" in text
    assert "Turkey" not in text


def test_about_page_in_russian_keeps_the_seeds_name(client):
    text = text_of(client.get("/ru/about/"))

    assert "[Исламскую Республику Пакистан] и Республику Турция)" in text


def test_partners_page_in_english_names_turkiye(client):
    text = text_of(client.get("/en/partners/"))

    assert "the Western Balkans, Central Asia and Türkiye." in text
    assert "Turkey" not in text


def test_the_rename_keeps_what_the_secretariat_wrote_around_it():
    section = AboutSection.objects.get(slug="membership")
    section.body_en = "<p>Edited: the Republic of Turkey joined.</p>"
    section.save(update_fields=["body_en"])

    MIGRATION.forwards(apps, None)

    section.refresh_from_db()
    assert section.body_en == "<p>Edited: the Republic of Türkiye joined.</p>"
