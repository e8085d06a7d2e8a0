"""The 2012 plan's Russian framework title lost the day of the meeting:
«…на встрече Национальных координаторов сентября 2012» where the Framework
(shared seed 003) reads «…7 сентября 2012» (issue 24, item 8).

``actionplan/data/plan_2012.json`` now has the seed's title, so a database
loaded from now on gets it. A database loaded before holds the plan rows
the loader wrote then; running the loader again would fix the title but
also replace every text of the plan the secretariat may have edited since,
so this migration changes only the title, and only where it is still
exactly the one the loader wrote. Going back restores it."""

from django.db import migrations

OLD = (
    "Региональная рамочная программа сотрудничества, принятая Национальными координаторами "
    "четырех центрально-азиатских стран (Республика Казахстан, Кыргызская Республика, "
    "Республика Таджикистан, Туркменистан) на встрече Национальных координаторов "
    "сентября 2012"
)
NEW = OLD.removesuffix("сентября 2012") + "7 сентября 2012"

# "framework_title" is the untranslated column; modeltranslation keeps the
# Russian (the default language) there too.
FIELDS = ("framework_title_ru", "framework_title")


def _replace(apps, *, old: str, new: str) -> None:
    Plan = apps.get_model("actionplan", "Plan")
    for field in FIELDS:
        Plan.objects.filter(**{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _replace(apps, old=OLD, new=NEW)


def backwards(apps, schema_editor):
    _replace(apps, old=NEW, new=OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("actionplan", "0001_action_plan_versions_areas_rounds"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
