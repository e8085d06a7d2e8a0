"""Through the real Celery worker and Redis (PostgreSQL): a pack builds end
to end, and a worker process killed mid-build leaves no pack "running" once
a worker is back (the message is redelivered and the build starts again)."""

import os
import signal
import time

import pytest

from briefings.enums import PackStatus
from briefings.models import BriefingPack
from briefings.services import pack_request
from tests.factories.archive import DocumentFactory
from tests.factories.briefings import CORRUPT_PDF, PackDocumentFactory, pdf_file

from .helpers import outline_titles, text_of

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def wait_for(pack: BriefingPack, condition, *, seconds: float = 90) -> BriefingPack:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pack.refresh_from_db()
        if condition(pack):
            return pack
        time.sleep(0.1)
    pytest.fail(f"Timed out: pack {pack.status} {pack.progress}% {pack.step} {pack.error}")


def finished(pack: BriefingPack) -> bool:
    return pack.status in (PackStatus.DONE, PackStatus.FAILED)


def test_pack_builds_end_to_end_through_the_worker(celery_worker, meeting, selected):
    broken = DocumentFactory(title_ru="Повреждённый файл")
    pdf_file(broken, content=CORRUPT_PDF)
    PackDocumentFactory(meeting=meeting, document=broken, position=99)

    # No surrounding transaction: the commit hook sends the task to Redis at once.
    pack = pack_request(meeting=meeting, language="ru")
    pack = wait_for(pack, finished)

    text = " ".join(text_of(pack).split())
    assert pack.status == PackStatus.DONE
    assert pack.worker_pid != os.getpid()
    assert "Совещание старших должностных лиц в Алматы" in text
    assert outline_titles(pack)[-1] == [
        "Концептуальная записка", ["Концептуальная записка"],
        "Доклад о беженцах", ["Доклад о беженцах"],
        "Проект заключений", ["Проект заключений"],
        "Повреждённый файл",
    ]
    assert [row["outcome"] for row in pack.contents] == [
        "appended", "appended", "appended", "failed"]
    assert pack.page_count == 5 + 4 + (1 + 2 + 3)


def test_a_worker_killed_mid_build_leaves_no_pack_running_once_a_worker_is_back(
    celery_worker, meeting
):
    # Enough documents for the build to last a few seconds.
    for position in range(80):
        document = DocumentFactory()
        pdf_file(document, pages=4)
        PackDocumentFactory(meeting=meeting, document=document, position=position)

    pack = pack_request(meeting=meeting, language="ru")
    pack = wait_for(pack, lambda p: p.status == PackStatus.RUNNING and p.progress >= 10)
    os.kill(pack.worker_pid, signal.SIGKILL)  # the pool process building it
    killed = pack.worker_pid

    pack = wait_for(pack, finished, seconds=120)

    assert pack.status == PackStatus.DONE
    assert pack.attempts == 2
    assert pack.worker_pid != killed
    assert BriefingPack.objects.filter(status=PackStatus.RUNNING).count() == 0
