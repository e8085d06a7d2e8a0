"""The About timeline's entry of 7 September 2012 said that the national
coordinators adopted the Regional Cooperation Framework "and the Regional
Action Plan" (0008). They adopted the Framework; the Action Plan annexed to
it is a draft (shared seed 003, its Annex 1: «Проект Регионального плана
действий»), as the action plan's own pages call it (issue 24, item 8).

Only that phrase changes, in the Russian and the English description of the
entry dated 7 September 2012; a row whose text no longer holds the phrase
(the secretariat rewrote it) is left alone. Going back restores the old
phrase. 0008 keeps its text: it runs before this migration on a new
database too, so every database ends with the same wording."""

import datetime

from django.db import migrations

DATE = datetime.date(2012, 9, 7)

# (field, old phrase, new phrase); "description" is the untranslated column
# that 0008 filled with the Russian.
OLD_RU = "Региональную рамочную программу сотрудничества и Региональный план действий."
NEW_RU = ("Региональную рамочную программу сотрудничества с приложенным к ней проектом "
          "Регионального плана действий.")
REPLACEMENTS = [
    ("description_ru", OLD_RU, NEW_RU),
    ("description", OLD_RU, NEW_RU),
    ("description_en",
     "a Regional Cooperation Framework with a Regional Action Plan.",
     "a Regional Cooperation Framework, with a draft Regional Action Plan annexed to it."),
]


def _replace(apps, *, forwards: bool) -> None:
    HistoryEntry = apps.get_model("content", "HistoryEntry")
    for field, old, new in REPLACEMENTS:
        if not forwards:
            old, new = new, old
        for row in HistoryEntry.objects.filter(date=DATE, **{f"{field}__contains": old}):
            setattr(row, field, getattr(row, field).replace(old, new))
            row.save(update_fields=[field])


def forwards(apps, schema_editor):
    _replace(apps, forwards=True)


def backwards(apps, schema_editor):
    _replace(apps, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0009_turkiye_in_reference_texts"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
