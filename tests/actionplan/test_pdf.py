import io

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from pypdf import PdfReader

from actionplan import services
from actionplan.enums import NoteVisibility, ReportStatus
from actionplan.models import ActionProgress, ProgressReport
from actionplan.selectors import progress_report_for_meeting
from tests.factories.actionplan import ProgressNoteFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends


@pytest.fixture
def built(endorsed, django_capture_on_commit_callbacks):
    progress = ActionProgress.objects.filter(state__iso3="KAZ").order_by("pk").first()
    ProgressNoteFactory(progress=progress, text="Национальная стратегия утверждена",
                        visibility=NoteVisibility.PUBLIC)
    ProgressNoteFactory(progress=progress, text="Секретная подробность",
                        visibility=NoteVisibility.PARTICIPANTS)
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_report_request(reporting_round=endorsed, language="ru")
    yield ProgressReport.objects.get(round=endorsed, language="ru")
    for report in ProgressReport.objects.exclude(file=""):
        report.file.delete(save=False)


def _text(report) -> str:
    with report.file.open("rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_progress_report_pdf_reads_back_in_russian(built):
    text = _text(built)

    assert (built.status, built.progress) == (ReportStatus.DONE, 100)
    assert "Ход выполнения Регионального плана действий" in text
    assert "Казахстан" in text
    assert "Кыргызстан" in text
    assert "Национальная стратегия утверждена" in text


def test_progress_report_pdf_leaves_restricted_notes_out(built):
    assert "Секретная подробность" not in _text(built)


def test_progress_report_for_meeting_gives_the_file_path(built, endorsed):
    assert progress_report_for_meeting(meeting=endorsed.meeting, language="ru") == built.file.path
    assert progress_report_for_meeting(meeting=endorsed.meeting, language="en") is None
    assert progress_report_for_meeting(meeting=MeetingFactory(), language="ru") is None


def test_progress_report_download_is_public_once_endorsed(client, built, endorsed):
    response = client.get(f"/ru/action-plan/rounds/{endorsed.pk}/report-ru.pdf")

    body = b"".join(response.streaming_content)
    # Close the file as the server would, without closing the test's
    # database connection (what Django's test client does around requests).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10
    assert body.startswith(b"%PDF")


def test_progress_report_of_a_round_not_endorsed_is_404_for_the_public(client, built, endorsed):
    type(endorsed).objects.filter(pk=endorsed.pk).update(endorsed=False, endorsed_on=None)

    response = client.get(f"/ru/action-plan/rounds/{endorsed.pk}/report-ru.pdf")

    assert response.status_code == 404


def test_progress_report_pdf_is_tagged_titled_with_embedded_unicode_fonts(built):
    from tests.pdf_checks import accessibility, expected

    with built.file.open("rb") as fh:
        content = fh.read()

    assert accessibility(content) == expected("ru")
