"""The one transliteration (core.transliteration): ICAO Doc 9303, with the
letters ICAO does not list written as Kazakhstan's passport office writes
them. Real names of the region, in the Cyrillic their owners use."""

import pytest
from django.utils.text import slugify

from core.transliteration import to_latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    # Russian: ICAO's own table
    ("Юлия Щукина", "Iuliia Shchukina"),
    ("Подъячев", "Podieiachev"),
    ("Алмазбек Атамбаев", "Almazbek Atambaev"),
    # Kazakh: қ → k, ә → a, ұ ү → u, ң → n, ғ → g, і → i, һ → kh
    ("Қасым-Жомарт Тоқаев", "Kasym-Zhomart Tokaev"),
    ("Нұрсұлтан Назарбаев", "Nursultan Nazarbaev"),
    ("Әлихан Смайылов", "Alikhan Smaiylov"),
    ("Ғалым", "Galym"),
    ("Іңкәр", "Inkar"),
    ("Әлия Нұрланқызы", "Aliia Nurlankyzy"),
    ("Мұхаммедһафиз", "Mukhammedkhafiz"),
    # Kyrgyz: ө ү ң, and ээ
    ("Садыр Жапаров", "Sadyr Zhaparov"),
    ("Өмүрбек Бабанов", "Omurbek Babanov"),
    ("Сооронбай Жээнбеков", "Sooronbai Zheenbekov"),
    # Tajik: in Russian spelling, and with ӣ ҳ ҷ ӯ
    ("Эмомали Рахмон", "Emomali Rakhmon"),
    ("Эмомалӣ Раҳмон", "Emomali Rakhmon"),
    ("Ҷӯраев", "Churaev"),
    # Uzbek Cyrillic: ё → e (ICAO), ў → u, ҳ → kh
    ("Шавкат Мирзиёев", "Shavkat Mirzieev"),
    ("Ўткир Ҳошимов", "Utkir Khoshimov"),
])
def test_to_latin_of_a_real_name_is_its_passport_form(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_to_latin_keeps_a_word_in_capitals_in_capitals():
    assert to_latin("ТОҚАЕВ Қасым-Жомарт") == "TOKAEV Kasym-Zhomart"


def test_to_latin_leaves_latin_letters_and_trims():
    assert to_latin("  John Smith, 2nd ") == "John Smith, 2nd"


def test_to_latin_of_nothing_is_empty():
    assert (to_latin(""), to_latin(None)) == ("", "")


def test_to_latin_slugified_is_the_archive_slug_of_a_kazakh_title():
    assert slugify(to_latin("Қазақстан және көші-қон")) == "kazakstan-zhane-koshi-kon"
