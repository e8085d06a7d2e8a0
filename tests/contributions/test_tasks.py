"""The yearly statement's PDFs through Redis and the real Celery worker."""

import time

import pytest

from contributions.enums import StatementStatus
from contributions.services import statement_request
from tests import pdf_checks
from tests.factories import contributions as ledger

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_statement_builds_through_the_worker(celery_worker, kazakhstan):
    ledger.pledge(state=kazakhstan, amount="10000000.00", rate="0.0019")
    # No surrounding transaction: the commit hook sends the tasks at once.
    statements = statement_request(year=2025)
    deadline = time.monotonic() + 120
    for statement in statements:
        while statement.status not in (StatementStatus.DONE, StatementStatus.FAILED):
            assert time.monotonic() < deadline, f"{statement.status} {statement.error}"
            time.sleep(0.1)
            statement.refresh_from_db()

    texts = {}
    for statement in statements:
        with statement.file.open("rb") as handle:
            texts[statement.language] = " ".join(pdf_checks.pdftotext(handle.read()).split())
        statement.file.delete(save=False)
    assert [s.status for s in statements] == [StatementStatus.DONE, StatementStatus.DONE]
    assert "Kazakhstan 19,000.00 0.00 19,000.00" in texts["en"]
    assert "Казахстан" in texts["ru"]
