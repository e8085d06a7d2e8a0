"""The About page: the sections and the timeline the secretariat keeps in
the admin, first loaded from the Operational Mechanism (migration 0008)."""

import datetime
import importlib

import pytest
from django.apps import apps

from content.models import AboutSection, HistoryEntry
from content.services import about_section_save
from tests.content.conftest import text_of
from tests.factories.archive import ThemeFactory
from tests.factories.content import AboutSectionFactory, HistoryEntryFactory

pytestmark = pytest.mark.django_db


def test_about_page_in_russian_follows_the_operational_mechanism(client):
    text = text_of(client.get("/ru/about/"))

    for title in ("Цели", "Членство", "Председательство", "Служба поддержки", "Наблюдатели",
                  "Формат и организация совещаний", "Процесс принятия решений"):
        assert title in text
    assert "назначит национального координатора" in text
    assert "будут приниматься на основе консенсуса" in text


def test_about_page_in_english_has_the_translation(client):
    text = text_of(client.get("/en/about/"))

    assert (
        "Each participant state of the Almaty Process will designate a national coordinator"
        in text
    )
    assert "The term of office will be two years." in text
    assert "Decisions at the meetings of the Almaty Process will be taken by consensus." in text
    assert "Членство" not in text


def test_about_sections_come_in_the_secretariats_order(client):
    AboutSection.objects.all().delete()
    AboutSectionFactory(title_en="Second", position=2)
    AboutSectionFactory(title_en="First", position=1)
    AboutSectionFactory(title_en="Hidden", position=3, is_shown=False)

    text = text_of(client.get("/en/about/"))

    assert text.index("First") < text.index("Second")
    assert "Hidden" not in text


def test_about_section_untranslated_is_shown_in_russian_with_a_marker(client):
    AboutSectionFactory(title_ru="Финансирование", title_en="", body_en="")

    html = client.get("/en/about/").content.decode()

    assert '<h2 id="section-' in html
    assert (
        'lang="ru">Финансирование <span class="badge badge--warn fallback-marker" lang="en">'
        "in Russian</span>"
    ) in html


def test_about_section_save_removes_scripts_from_the_body():
    section = AboutSectionFactory.build(
        body_en='<p onclick="x()">Text</p><script>alert(1)</script>',
    )

    about_section_save(section=section)

    section.refresh_from_db()
    assert section.body_en == "<p>Text</p>"


def test_about_history_timeline_since_the_2011_conference(client):
    html = client.get("/en/about/").content.decode()

    assert '<time datetime="2011-03-15">15 March 2011</time>' in html
    assert '<time datetime="2012-09-07">7 September 2012</time>' in html
    assert '<time datetime="2013">2013</time>' in html
    assert "Ministerial Conference: the Almaty Process launched" in html


def test_about_history_entry_added_in_the_admin_appears_in_date_order(client):
    HistoryEntryFactory(date=datetime.date(2012, 1, 10), title_en="An entry between")

    text = text_of(client.get("/en/about/"))

    assert text.index("Almaty Declaration") < text.index("An entry between") < text.index(
        "Regional Cooperation Framework"
    )


def test_about_page_shows_the_thematic_areas(client):
    ThemeFactory(name_en="Border management", name_ru="Управление границами")

    text = text_of(client.get("/ru/about/"))

    assert "Управление границами" in text


@pytest.mark.parametrize("count", [1, 3])
def test_about_page_queries_do_not_grow_with_the_texts(client, count, django_assert_num_queries):
    AboutSectionFactory.create_batch(count)
    HistoryEntryFactory.create_batch(count)

    # The sections, the timeline, the thematic areas.
    with django_assert_num_queries(3):
        response = client.get("/en/about/")

    assert response.status_code == 200


def test_about_reference_data_has_seven_sections_and_three_history_entries():
    assert list(AboutSection.objects.values_list("slug", flat=True)) == [
        "objectives", "membership", "chairmanship", "support-unit", "observers", "meetings",
        "decisions",
    ]
    assert HistoryEntry.objects.count() == 3


def test_about_section_edited_in_the_admin_is_sanitised_and_shown(client, superuser):
    section = AboutSection.objects.get(slug="observers")

    response = client.post(f"/ru/admin/content/aboutsection/{section.pk}/change/", {
        "title_ru": "Наблюдатели", "title_en": "Observers",
        "body_ru": "<p>Новый текст.</p>", "body_en": '<p>New text.</p><img src=x onerror="a()">',
        "slug": "observers", "position": 5, "is_shown": "on",
    })

    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body_en == "<p>New text.</p>"
    assert "New text." in text_of(client.get("/en/about/"))


def test_history_entry_added_in_the_admin_shows_on_the_timeline(client, superuser):
    response = client.post("/ru/admin/content/historyentry/add/", {
        "date": "20.05.2014", "title_ru": "Первое совещание старших должностных лиц",
        "title_en": "First Senior Officials' Meeting", "description_ru": "", "description_en": "",
        "is_shown": "on",
    })

    assert response.status_code == 302
    assert "First Senior Officials' Meeting" in text_of(client.get("/en/about/"))


DRAFT_PLAN = importlib.import_module("content.migrations.0010_about_draft_action_plan")


def test_about_timeline_says_the_2012_action_plan_was_a_draft(client):
    text_ru = text_of(client.get("/ru/about/"))
    text_en = text_of(client.get("/en/about/"))

    assert ("приняли Региональную рамочную программу сотрудничества с приложенным к ней "
            "проектом Регионального плана действий.") in text_ru
    assert "и Региональный план действий" not in text_ru
    assert ("adopted a Regional Cooperation Framework, with a draft Regional Action Plan "
            "annexed to it.") in text_en
    assert "with a Regional Action Plan" not in text_en


def test_about_draft_plan_migration_keeps_what_the_secretariat_rewrote():
    entry = HistoryEntry.objects.get(date=datetime.date(2012, 9, 7))
    entry.description_en = "Rewritten by the secretariat."
    entry.save(update_fields=["description_en"])

    DRAFT_PLAN.backwards(apps, None)
    entry.refresh_from_db()
    assert entry.description_en == "Rewritten by the secretariat."
    assert entry.description_ru.endswith("сотрудничества и Региональный план действий.")

    DRAFT_PLAN.forwards(apps, None)
    entry.refresh_from_db()
    assert entry.description_en == "Rewritten by the secretariat."
    assert entry.description_ru.endswith("с приложенным к ней проектом Регионального плана "
                                         "действий.")
