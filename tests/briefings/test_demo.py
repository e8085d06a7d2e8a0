import pytest

from briefings import demo
from briefings.models import BriefingPack
from tests.factories.meetings import MeetingDocumentFactory

pytestmark = pytest.mark.django_db


def test_demo_builds_the_russian_and_english_packs_of_a_held_meeting(
    meeting, selected, django_capture_on_commit_callbacks
):
    MeetingDocumentFactory(meeting=meeting, document=selected[0])

    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    with django_capture_on_commit_callbacks(execute=True):
        second = demo.load()

    assert sorted(BriefingPack.objects.values_list("language", "status", "version")) == [
        ("en", "done", 1), ("ru", "done", 1)]
    assert second == f"briefings: packs of {meeting.slug} (up to date)"
