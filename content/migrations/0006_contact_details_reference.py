"""The Support Unit's contact details: production needs the row that
/contact/ shows. Only what the founding texts say is filled in (the Support
Unit is based in Almaty); the secretariat adds its street address, email
and phone in the admin. An existing row is left as it is."""

from django.db import migrations


def create_contact_details(apps, schema_editor):
    ContactDetails = apps.get_model("content", "ContactDetails")
    ContactDetails.objects.get_or_create(pk=1, defaults={
        "address": "Алматы, Казахстан",
        "address_ru": "Алматы, Казахстан",
        "address_en": "Almaty, Kazakhstan",
    })


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0005_contact"),
    ]

    operations = [
        migrations.RunPython(create_contact_details, migrations.RunPython.noop),
    ]
