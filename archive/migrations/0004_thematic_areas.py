"""The 11 thematic areas of the Operational Mechanism, as reference data.

The wording and order are those of the Operational Mechanism's list of
preliminary themes (its footnote 3), in Russian as the seed writes it and
in English as the portal's domain brief gives it. The slugs are the ones the
demo used, so a database that already has the demo's themes keeps its links
(documents, bookmarked filters): those rows are brought to the official
wording and order rather than duplicated. The list is open: the secretariat
may add themes in the admin; this migration never removes one.
"""

from django.db import migrations

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


def load_thematic_areas(apps, schema_editor):
    Theme = apps.get_model("archive", "Theme")
    for position, (slug, name_ru, name_en) in enumerate(THEMATIC_AREAS, start=1):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": name_ru, "name_ru": name_ru, "name_en": name_en,
                      "position": position},
        )


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0003_observers_access_extraction_attempts"),
    ]

    operations = [
        # Going back keeps the themes: documents may be filed under them.
        migrations.RunPython(load_thematic_areas, migrations.RunPython.noop),
    ]
