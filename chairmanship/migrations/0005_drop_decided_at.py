"""The free-text "elected or confirmed at" goes: meetings' migration 0003
turned each text into a confirming outcome of the meeting it names, or kept
it in the term's notes. The link lives in meetings now."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('chairmanship', '0004_decision_terms_end_help'),
        ('meetings', '0003_confirm_terms_from_decided_at'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='chairmanship',
            name='decided_at',
        ),
        migrations.RemoveField(
            model_name='chairmanship',
            name='decided_at_en',
        ),
        migrations.RemoveField(
            model_name='chairmanship',
            name='decided_at_ru',
        ),
        migrations.RemoveField(
            model_name='historicalchairmanship',
            name='decided_at',
        ),
        migrations.RemoveField(
            model_name='historicalchairmanship',
            name='decided_at_en',
        ),
        migrations.RemoveField(
            model_name='historicalchairmanship',
            name='decided_at_ru',
        ),
    ]
