"""Briefing packs built on the bench database while the web benchmark
measures pages (issue 11: "web p95 worsens by less than 10% while a pack is
building"). bench/web.py drives it; each step is its own process with the
portal's environment (bench settings, the bench database and Redis):

    python -m bench.pack_load setup [--documents 30]
        Adds N documents of 10 text pages each (PDFs laid out by WeasyPrint,
        as bench/briefing_packs.py makes them; access "participants and
        observers", so no anonymous page shows them; slugs ``packbench-<n>``)
        and selects them for the pack of the generated meeting with the most
        delegations (its participants list is in the pack). Prints
        {"meeting": pk, ...}.
    python -m bench.pack_load loop --meeting PK [--count N] [--stop FILE]
        Requests the meeting's Russian briefing pack with the production
        service (``briefings.services.pack_request``: the row is queued and
        the task ``briefings.build_pack`` sent through Redis), waits until
        it is built, and requests it again, until N builds or FILE exists.
        A real Celery worker (started by bench/web.py like production's:
        ``celery -A almaty_portal worker``) builds it: the task calls
        ``briefings.services.pack_build`` (WeasyPrint, then pypdf). Prints
        each build's time, pages and the worker process's peak RSS.
    python -m bench.pack_load teardown
        Deletes the packs, the selection and the documents (and their files).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

SLUG = "packbench-"


def log(message: str) -> None:
    print(f"[pack {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def setup(*, documents: int) -> dict:
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.db.models import Count
    from django.utils import timezone

    from archive.enums import AccessLevel, DocumentType, PublicationStatus
    from archive.models import Document, DocumentFile, archive_storage
    from bench.briefing_packs import PAGES_PER_DOCUMENT, _source_pdfs
    from briefings.models import PackDocument
    from meetings.models import Meeting

    teardown()
    meeting = (Meeting.objects.filter(pack_documents__isnull=True, briefing_packs__isnull=True)
               .annotate(n=Count("delegations")).order_by("-n", "pk").first())
    if meeting is None:
        raise SystemExit("no meeting without a pack selection in the database")
    with tempfile.TemporaryDirectory() as tmp:
        sources = _source_pdfs(Path(tmp))
    storage = archive_storage()
    now = timezone.now()
    with transaction.atomic():
        rows = Document.objects.bulk_create([
            Document(
                title=f"Доклад о смешанной миграции № {n}",
                title_ru=f"Доклад о смешанной миграции № {n}",
                title_en=f"Report on mixed migration no. {n}",
                summary_ru="Краткое содержание доклада о беженцах и трудовых мигрантах. " * 3,
                slug=f"{SLUG}{n}", doc_type=DocumentType.REPORT,
                date=datetime.date(2024, 9, 1), access=AccessLevel.OBSERVERS,
                status=PublicationStatus.PUBLISHED, published_at=now,
            ) for n in range(documents)
        ])
        files = []
        for n, document in enumerate(rows):
            content = sources[n % len(sources)] + f"\n%packbench {n}\n".encode()
            name = storage.save(f"packbench/{n}.pdf", ContentFile(content))
            files.append(DocumentFile(
                document=document, language="ru", file=name, original_filename=f"{n}.pdf",
                size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                mime_type="application/pdf", extraction_status="done",
                page_count=PAGES_PER_DOCUMENT,
            ))
        DocumentFile.objects.bulk_create(files)
        PackDocument.objects.bulk_create([
            PackDocument(meeting=meeting, document=document, position=n)
            for n, document in enumerate(rows, start=1)
        ])
    return {"meeting": meeting.pk, "slug": meeting.slug, "delegations": meeting.n,
            "documents": documents, "pages_per_document": PAGES_PER_DOCUMENT}


def teardown() -> dict:
    from django.db import transaction

    from archive.models import Document, DocumentFile
    from briefings.models import BriefingPack, PackDocument

    with transaction.atomic():
        meetings = set(PackDocument.objects.filter(document__slug__startswith=SLUG)
                       .values_list("meeting_id", flat=True))
        packs = list(BriefingPack.objects.filter(meeting_id__in=meetings))
        files = list(DocumentFile.objects.filter(document__slug__startswith=SLUG)
                     .defer("extracted_text"))
        for pack in packs:
            if pack.file:
                pack.file.storage.delete(pack.file.name)
        for document_file in files:
            document_file.file.storage.delete(document_file.file.name)
        removed = BriefingPack.objects.filter(pk__in=[p.pk for p in packs]).delete()[0]
        removed += PackDocument.objects.filter(document__slug__startswith=SLUG).delete()[0]
        removed += Document.objects.filter(slug__startswith=SLUG).delete()[0]
    return {"deleted_rows": removed}


def _peak_mb(pid: int | None) -> float | None:
    """The peak resident memory (VmHWM) of the worker process that built."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return None
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "")
    return round(int(line.split()[1]) / 1024, 1) if line else None


def loop(*, meeting: int, count: int = 0, stop: str = "", started: str = "",
         timeout: float = 300) -> dict:
    from briefings.enums import PackStatus
    from briefings.models import BriefingPack
    from briefings.services import pack_request
    from meetings.models import Meeting

    meeting_row = Meeting.objects.get(pk=meeting)
    builds = []
    while not (count and len(builds) >= count) and not (stop and Path(stop).exists()):
        requested = time.perf_counter()
        pack = pack_request(meeting=meeting_row, language="ru")
        deadline = time.monotonic() + timeout
        while True:
            row = BriefingPack.objects.get(pk=pack.pk)
            if started and row.status == PackStatus.RUNNING and not Path(started).exists():
                Path(started).write_text("running")
            if row.task_id == pack.task_id and row.status in (PackStatus.DONE,
                                                              PackStatus.FAILED):
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"pack {pack.pk} not built within {timeout:.0f} s "
                                 f"(status {row.status}): is the Celery worker running?")
            time.sleep(0.2)
        if row.status != PackStatus.DONE:
            raise SystemExit(f"pack {pack.pk} failed: {row.error}")
        build = {
            "seconds": round((row.finished_at - row.started_at).total_seconds(), 2),
            "from_request_s": round(time.perf_counter() - requested, 2),
            "pages": row.page_count, "mb": round(row.size / 1e6, 1),
            "worker_peak_mb": _peak_mb(row.worker_pid),
        }
        builds.append(build)
        log(f"built: {build}")
    seconds = sorted(b["seconds"] for b in builds)
    return {
        "builds": len(builds), "builds_detail": builds,
        "median_s": seconds[len(seconds) // 2] if seconds else None,
        "max_s": seconds[-1] if seconds else None,
        "pages": builds[-1]["pages"] if builds else None,
        "worker_peak_mb": max((b["worker_peak_mb"] or 0 for b in builds), default=None),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Briefing packs during the web benchmark.")
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("setup").add_argument("--documents", type=int, default=30)
    looping = sub.add_parser("loop")
    looping.add_argument("--meeting", type=int, required=True)
    looping.add_argument("--count", type=int, default=0)
    looping.add_argument("--stop", default="")
    looping.add_argument("--started", default="")
    sub.add_parser("teardown")
    args = parser.parse_args()
    import django

    django.setup()
    if args.step == "setup":
        out = setup(documents=args.documents)
    elif args.step == "loop":
        out = loop(meeting=args.meeting, count=args.count, stop=args.stop, started=args.started)
    else:
        out = teardown()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
