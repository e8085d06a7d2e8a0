"""One English name for the state: Türkiye, as the states' list, the
rotation and the chairmanship pages call it (issue 24). The About page's
membership section (0008) said "the Republic of Turkey" and the Prague
Process's description (0003) "Turkey".

Only those exact phrases change, in the English text of those two rows;
anything else the secretariat wrote there is kept, and a row whose text no
longer holds the phrase is left alone. The Russian keeps the seeds' wording
(«Республику Турция», «Турцией»). Going back restores the old phrases."""

from django.db import migrations

# (model, slug, English field, old phrase, new phrase)
REPLACEMENTS = [
    ("AboutSection", "membership", "body_en",
     "the Republic of Turkey", "the Republic of Türkiye"),
    ("Partner", "prague-process", "description_en",
     "Central Asia and Turkey.", "Central Asia and Türkiye."),
]


def _replace(apps, *, forwards: bool) -> None:
    for model_name, slug, field, old, new in REPLACEMENTS:
        if not forwards:
            old, new = new, old
        model = apps.get_model("content", model_name)
        for row in model.objects.filter(slug=slug, **{f"{field}__contains": old}):
            setattr(row, field, getattr(row, field).replace(old, new))
            row.save(update_fields=[field])


def forwards(apps, schema_editor):
    _replace(apps, forwards=True)


def backwards(apps, schema_editor):
    _replace(apps, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0008_about_reference_data"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
