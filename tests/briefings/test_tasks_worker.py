"""Through the real Celery worker and Redis (PostgreSQL): a pack builds end
to end, and a worker process killed mid-build leaves no pack "running" once
a worker is back (the message is redelivered and the build starts again);
the whole worker killed (main process and pool), the build resumes within
a minute of a worker's return, with one file."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefings.enums import PackStatus
from briefings.models import BriefingPack
from briefings.services import pack_request
from tests.conftest import ROOT, unavailable
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


# --- The whole worker killed (issue 22, item 11) -----------------------------------------

KILLABLE_QUEUE = "killable"


class KillableWorker:
    """A `celery worker` in its own process group (main process and pool),
    consuming the default queue and KILLABLE_QUEUE, so that the test can
    kill -9 all of it and start another."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.count = 0
        self.proc: subprocess.Popen | None = None
        self.hostname = ""

    def start(self) -> float:
        """Start a worker; the monotonic time at which it answers."""
        from almaty_portal.celery import app

        self.count += 1
        self.hostname = f"killable{self.count}-{os.getpid()}@localhost"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.test",
            "ALMATY_WORKER_USES_TEST_DATABASE": "1",
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
        log = self.log_dir / f"celery-killable-{self.count}.log"
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "almaty_portal", "worker",
                 "--loglevel=INFO", "--concurrency=1", "--pool=prefork",
                 "--without-gossip", "--without-mingle", f"--hostname={self.hostname}",
                 "-Q", f"celery,{KILLABLE_QUEUE}"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[self.hostname], timeout=0.5):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start:\n{log.read_text()[-3000:]}")
        return time.monotonic()

    def kill(self) -> None:
        """kill -9 of the worker's whole process group, as the OOM killer
        or a pulled plug would."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@pytest.fixture
def killable_worker(settings, transactional_db):
    """A worker of its own that the test may kill; builds requested by the
    test go to its queue (another worker of the session never takes them)."""
    from almaty_portal.celery import app

    if not os.environ.get("REDIS_URL"):
        unavailable("needs Redis")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.task_routes = {"briefings.build_pack": {"queue": KILLABLE_QUEUE}}
    app.amqp.flush_routes()
    worker = KillableWorker(Path(os.environ["MEDIA_ROOT"]).parent)
    try:
        yield worker
    finally:
        worker.stop()
        app.conf.task_routes = None
        app.amqp.flush_routes()
        app.conf.task_always_eager = True


def test_a_pack_resumes_within_a_minute_of_a_killed_worker_returning(killable_worker, meeting):
    # Enough documents for the build to last a few seconds.
    for position in range(80):
        document = DocumentFactory()
        pdf_file(document, pages=4)
        PackDocumentFactory(meeting=meeting, document=document, position=position)
    killable_worker.start()

    pack = pack_request(meeting=meeting, language="ru")
    pack = wait_for(pack, lambda p: p.status == PackStatus.RUNNING and p.progress >= 10)
    killable_worker.kill()
    killed = pack.worker_pid
    folder = Path(BriefingPack._meta.get_field("file").storage.path(f"briefings/{meeting.pk}"))
    # What a run killed while writing leaves behind (its `finally` never ran).
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{pack.pk}-killed-run.part").write_bytes(b"%PDF-1.7 half written")
    back = killable_worker.start()

    pack = wait_for(pack, finished, seconds=60 - (time.monotonic() - back))

    assert pack.status == PackStatus.DONE
    assert pack.attempts == 2
    assert pack.worker_pid != killed
    assert BriefingPack.objects.filter(meeting=meeting).count() == 1
    assert sorted(path.name for path in folder.iterdir()) == [Path(pack.file.name).name]


def test_a_changed_pack_is_built_again_by_the_worker_after_the_quiet_period(
    celery_worker, settings, meeting, selected
):
    """Issue 24, item 3: the change's own message (Celery's countdown)."""
    from tests.factories.meetings import AgendaItemFactory

    settings.BRIEFING_REBUILD_DEBOUNCE = 1
    pack = wait_for(pack_request(meeting=meeting, language="ru"), finished)

    AgendaItemFactory(meeting=meeting, position=9, title_ru="Пункт после сборки")
    pack.refresh_from_db()
    assert (pack.stale, pack.version) == (True, 1)

    pack = wait_for(pack, lambda p: p.version == 2 and finished(p))
    assert (pack.status, pack.stale, pack.requested_by) == (PackStatus.DONE, False, None)
    assert "Пункт после сборки" in text_of(pack)
