"""The 11 thematic areas of the Operational Mechanism (seed 004, footnote 3)
are reference data: a data migration loads them, so every database has them,
the production one included."""

import pytest

from archive.models import Theme

pytestmark = pytest.mark.django_db

THEMATIC_AREAS = [
    ("mass-influx",
     "Готовность к чрезвычайным ситуациям и реагирование на ситуации массового притока",
     "Emergency preparedness and response to mass influx"),
    ("refugee-protection", "Защита беженцев", "Refugee protection"),
    ("border-management", "Управление границами", "Border management"),
    ("migrant-smuggling", "Незаконный ввоз мигрантов", "Migrant smuggling"),
    ("labour-migration", "Трудовая миграция", "Labour migration"),
    ("migration-development", "Миграция и развитие", "Migration and development"),
    ("data-exchange", "Сбор данных и обмен информацией",
     "Data collection and information exchange"),
    ("differentiated-procedures", "Дифференцированные процессы и процедуры",
     "Differentiated processes and procedures"),
    ("gender", "Гендер и миграция", "Gender and migration"),
    ("health", "Миграция и здоровье", "Migration and health"),
    ("climate", "Миграция, охрана окружающей среды и климатические изменения",
     "Migration, environment and climate change"),
]


def test_migrated_database_has_the_eleven_thematic_areas_in_order_in_both_languages():
    rows = list(Theme.objects.order_by("position").values_list("slug", "name_ru", "name_en"))

    assert rows == THEMATIC_AREAS


def test_thematic_areas_are_numbered_as_in_the_operational_mechanism():
    positions = list(Theme.objects.order_by("position").values_list("position", flat=True))

    assert positions == list(range(1, 12))
