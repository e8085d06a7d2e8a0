import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from content.models import NewsItem
from content.richtext import plain_text, sanitise_html
from content.services import news_item_publish, news_item_save, news_item_unpublish
from tests.factories.content import NewsItemFactory, image_bytes, png_upload

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC)


def new_item(**fields) -> NewsItem:
    data = {"date": datetime.date(2025, 3, 1), "title_ru": "Новость", "title_en": "News"}
    data.update(fields)
    return NewsItem(**data)


def test_sanitise_keeps_paragraphs_links_and_emphasis():
    html = ('<h2>Итоги</h2><p>Текст <strong>важно</strong> <em>курсив</em> '
            '<a href="https://www.iom.int/">МОМ</a></p><ul><li>один</li></ul>')

    assert sanitise_html(html) == (
        '<h2>Итоги</h2><p>Текст <strong>важно</strong> <em>курсив</em> '
        '<a href="https://www.iom.int/" rel="noopener noreferrer">МОМ</a></p>'
        '<ul><li>один</li></ul>'
    )


def test_sanitise_drops_scripts_handlers_styles_and_javascript_links():
    html = ('<p onclick="steal()">Текст<script>alert(1)</script>'
            '<img src=x onerror="alert(2)"><style>p{}</style>'
            '<a href="javascript:alert(3)">ссылка</a><iframe src="https://e.org"></iframe></p>')

    assert sanitise_html(html) == '<p>Текст<a rel="noopener noreferrer">ссылка</a></p>'


def test_sanitise_twice_escapes_nothing_twice():
    once = sanitise_html("<p>МОМ &amp; УВКБ ООН &lt;2025&gt; «кавычки»</p>")

    assert sanitise_html(once) == once == "<p>МОМ &amp; УВКБ ООН &lt;2025&gt; «кавычки»</p>"


def test_plain_text_of_sanitised_html_unescapes_once():
    assert plain_text("<p>МОМ &amp; УВКБ</p><p>Второй</p>") == "МОМ & УВКБ Второй"


def test_save_sanitises_both_bodies():
    item = news_item_save(item=new_item(
        body_ru="<p>Текст</p><script>x()</script>", body_en='<p onmouseover="x()">Text</p>',
    ))

    item.refresh_from_db()
    assert (item.body_ru, item.body_en) == ("<p>Текст</p>", "<p>Text</p>")


def test_save_again_leaves_the_body_as_it_was():
    item = news_item_save(item=new_item(body_ru="<p>A &amp; B</p>"))

    news_item_save(item=item)

    item.refresh_from_db()
    assert item.body_ru == "<p>A &amp; B</p>"


def test_save_makes_a_slug_from_the_english_title_and_year():
    item = news_item_save(item=new_item(title_en="Seminar on reintegration"))

    assert item.slug == "seminar-on-reintegration-2025"


def test_save_makes_a_transliterated_slug_from_a_russian_only_title():
    item = news_item_save(item=new_item(title_en="", title_ru="Семинар в Душанбе"))

    assert item.slug == "seminar-v-dushanbe-2025"


def test_save_numbers_a_slug_already_taken():
    NewsItemFactory(slug="seminar-2025")

    item = news_item_save(item=new_item(title_en="Seminar"))

    assert item.slug == "seminar-2025-2"


def test_save_refuses_an_item_without_any_title():
    with pytest.raises(ValidationError) as error:
        news_item_save(item=new_item(title_ru="", title_en=""))

    assert error.value.message_dict == {
        "title_ru": ["Укажите название на русском или английском языке."],
    }


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_save_published_without_a_time_publishes_now():
    item = news_item_save(item=new_item(is_published=True))

    assert item.published_at == NOW


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_publish_brings_a_scheduled_item_forward_to_now():
    item = NewsItemFactory(published_at=NOW + datetime.timedelta(days=3))

    news_item_publish(item=item)

    item.refresh_from_db()
    assert (item.is_published, item.published_at) == (True, NOW)


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_unpublish_keeps_the_publication_time_for_the_record():
    published = NOW - datetime.timedelta(days=3)
    item = NewsItemFactory(published_at=published)

    news_item_unpublish(item=item)

    item.refresh_from_db()
    assert (item.is_published, item.published_at) == (False, published)


def test_save_stores_an_image_under_a_random_name_with_the_type_read(media_root):
    upload = SimpleUploadedFile("отчёт.exe", image_bytes(image_format="JPEG"))

    item = news_item_save(item=new_item(image=upload, image_alt_ru="Участники семинара"))

    assert item.image.name.startswith("news/2025/")
    assert item.image.name.endswith(".jpg")
    assert "отчёт" not in item.image.name
    assert (item.image_width, item.image_height) == (40, 30)
    assert (media_root / item.image.name).exists()


def test_save_refuses_a_file_that_is_not_an_image(media_root):
    upload = SimpleUploadedFile("photo.png", b"<svg onload='alert(1)'></svg>")

    with pytest.raises(ValidationError) as error:
        news_item_save(item=new_item(image=upload, image_alt_ru="Фото"))

    assert list(error.value.message_dict) == ["image"]


def test_save_refuses_an_image_of_a_format_browsers_may_not_show(media_root):
    upload = SimpleUploadedFile("photo.gif", image_bytes(image_format="GIF"))

    with pytest.raises(ValidationError) as error:
        news_item_save(item=new_item(image=upload, image_alt_ru="Фото"))

    assert error.value.message_dict["image"] == [
        "Загрузите изображение JPEG, PNG или WebP (этот файл — GIF)."
    ]


def test_save_refuses_an_image_without_a_description(media_root):
    with pytest.raises(ValidationError) as error:
        news_item_save(item=new_item(image=png_upload()))

    assert list(error.value.message_dict) == ["image_alt_ru"]
