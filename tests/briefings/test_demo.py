import pytest

from briefings import demo
from briefings.models import BriefingPack, PackDocument
from tests.factories.archive import DocumentFactory
from tests.factories.briefings import pdf_file
from tests.factories.meetings import DelegationFactory, MeetingDocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_demo_builds_the_packs_of_a_held_meeting_and_of_the_registered_one(
    meeting, django_capture_on_commit_callbacks
):
    own = DocumentFactory(title_ru="Повестка дня совещания")
    pdf_file(own)
    MeetingDocumentFactory(meeting=meeting, document=own)
    public = DocumentFactory(title_ru="Публичный доклад")
    pdf_file(public)
    upcoming = MeetingFactory(status="registration_closed")
    DelegationFactory(meeting=upcoming)

    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    with django_capture_on_commit_callbacks(execute=True):
        second = demo.load()

    assert sorted(BriefingPack.objects.values_list("meeting__slug", "language", "status")) == (
        sorted([(meeting.slug, "en", "done"), (meeting.slug, "ru", "done"),
                (upcoming.slug, "en", "done"), (upcoming.slug, "ru", "done")]))
    assert [row.document for row in PackDocument.objects.filter(meeting=meeting)
            .order_by("position")] == [own, public]
    assert second == (f"briefings: packs of {meeting.slug} (up to date); {upcoming.slug} "
                      "(up to date), built after the commit")
