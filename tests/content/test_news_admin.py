import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from content.models import NewsItem
from tests.content.conftest import text_of
from tests.factories.content import NewsItemFactory

pytestmark = pytest.mark.django_db

ADD = "/ru/admin/content/newsitem/add/"
CHANGELIST = "/ru/admin/content/newsitem/"


def news_form(**overrides) -> dict:
    data = {
        "date": "2025-09-17", "title_ru": "Семинар", "title_en": "Seminar",
        "lead_ru": "", "lead_en": "", "body_ru": "", "body_en": "", "slug": "",
        "image_alt_ru": "", "image_alt_en": "", "published_at_0": "", "published_at_1": "",
    }
    data.update(overrides)
    return data


def test_admin_add_saves_through_the_service_sanitised_and_stamped(client, superuser):
    response = client.post(ADD, news_form(
        body_ru="<p>Текст</p><script>alert(1)</script>", is_published="on",
    ))

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert (item.slug, item.body_ru, item.created_by, item.published_at is not None) == (
        "seminar-2025", "<p>Текст</p>", superuser, True,
    )


def test_admin_add_without_a_title_keeps_what_was_typed(client, superuser):
    response = client.post(ADD, news_form(title_ru="", title_en="", lead_ru="Мой анонс"))

    assert response.status_code == 200
    assert "Укажите название на русском или английском языке." in text_of(response)
    assert "Мой анонс" in response.content.decode()
    assert NewsItem.objects.count() == 0


def test_admin_add_refuses_a_file_that_is_not_an_image(client, superuser, media_root):
    fake = SimpleUploadedFile("photo.png", b"not an image", content_type="image/png")

    response = client.post(ADD, {**news_form(image_alt_ru="Фото"), "image": fake})

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["image"]
    assert NewsItem.objects.count() == 0


def test_admin_changelist_filters_scheduled_items(client, superuser):
    NewsItemFactory(title_ru="Опубликованная новость")
    NewsItemFactory(title_ru="Новость на завтра",
                    published_at=timezone.now() + datetime.timedelta(days=1))

    response = client.get(CHANGELIST, {"public": "scheduled"})

    assert response.status_code == 200
    assert [item.title for item in response.context["cl"].result_list] == ["Новость на завтра"]


def test_admin_publish_action_publishes_the_selected(client, superuser):
    item = NewsItemFactory(is_published=False, published_at=None)

    client.post(CHANGELIST, {"action": "publish", "_selected_action": [item.pk]})

    item.refresh_from_db()
    assert item.is_public is True


def test_admin_history_records_who_changed_the_item(client, superuser):
    client.post(ADD, news_form())
    item = NewsItem.objects.get()

    response = client.get(f"/ru/admin/content/newsitem/{item.pk}/history/")

    assert response.status_code == 200
    assert list(item.history.values_list("history_user", flat=True)) == [superuser.pk]
