from django.conf import settings

from almaty_portal.celery import app


def test_beat_schedule_names_only_registered_tasks():
    """A typo in a scheduled task's name would fail silently in beat."""
    app.loader.import_default_modules()

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled == {
        "archive.delete_orphan_files", "archive.fail_stuck_extractions",
        "meetings.purge_delegates", "briefings.recover_stale_packs",
        "briefings.rebuild_stale_packs",
        "membership.purge_security_events",
        "almaty_portal.send_outbox",
        "alerts.send_digests", "alerts.purge_unconfirmed",
    }
    assert scheduled <= set(app.tasks)
