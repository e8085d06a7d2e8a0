"""The PDF progress report through Redis and the real Celery worker."""

import io
import time

import pytest
from pypdf import PdfReader

from actionplan.enums import ReportStatus
from actionplan.services import progress_report_request

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_progress_report_builds_through_the_worker(celery_worker, endorsed):
    # No surrounding transaction: the commit hook sends the task at once.
    report = progress_report_request(reporting_round=endorsed, language="en")
    deadline = time.monotonic() + 90
    while report.status not in (ReportStatus.DONE, ReportStatus.FAILED):
        assert time.monotonic() < deadline, f"{report.status} {report.step} {report.error}"
        time.sleep(0.1)
        report.refresh_from_db()

    with report.file.open("rb") as fh:
        text = " ".join(PdfReader(io.BytesIO(fh.read())).pages[0].extract_text().split())
    report.file.delete(save=False)
    assert report.status == ReportStatus.DONE
    assert "Progress of the Regional Action Plan" in text
    assert "Kazakhstan" in text
