"""Writes of briefing packs: the secretariat's document selection,
requesting a build, the build itself (called by the Celery task), and
recovering builds whose worker died (packs going out of date and their
automatic rebuild: briefings.freshness).

A build is idempotent and safe to repeat: it runs only for the task id the
pack was last queued with (a stale or duplicate message does nothing), the
status changes under ``select_for_update``, the PDF is written to a
temporary file beside its final name and moved into place (an atomic
rename) before the row points at it, and the previous file is deleted only
after that commit.

A killed worker (``kill -9`` of the main process and its pool, or of the
machine) leaves its pack "running" with a heartbeat that stops: a thread
beside each build refreshes ``heartbeat_at`` every HEARTBEAT_EVERY, so a
pack without a heartbeat for STALE_AFTER is dead. A worker that starts
checks at once and then follows the packs still running until each
finishes or goes stale (briefings.tasks), so a build resumes within
STALE_AFTER of the kill, not at beat's next sweep. Partial files a killed
run left behind are removed when the next run claims the pack."""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import threading
import uuid
from pathlib import Path

from django.db import OperationalError, connection, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from archive.enums import DocumentType
from core.dates import date_range
from core.tasking import send_on_commit
from meetings.models import Meeting
from meetings.selectors import meeting_chair

from . import pdf, selectors
from .enums import EntryOutcome, PackKind, PackStatus
from .models import BriefingPack, PackDocument

logger = logging.getLogger(__name__)

# A running build beats every HEARTBEAT_EVERY (a thread beside it); one that
# gave no sign of life for STALE_AFTER is taken over (its worker died);
# after MAX_ATTEMPTS interrupted runs it is failed.
HEARTBEAT_EVERY = datetime.timedelta(seconds=5)
STALE_AFTER = datetime.timedelta(seconds=30)
MAX_ATTEMPTS = 3
QUEUED_PATIENCE = datetime.timedelta(minutes=15)
PDF_MIME = "application/pdf"


class SupersededError(Exception):
    """The pack was queued again (or taken over) while this run worked."""


# --- The selection --------------------------------------------------------------

@transaction.atomic
def pack_documents_set(*, meeting: Meeting, documents: list) -> list[PackDocument]:
    """Replace a meeting's pack selection by ``documents``, in that order."""
    PackDocument.objects.filter(meeting=meeting).exclude(document__in=documents).delete()
    rows = []
    for position, document in enumerate(documents, start=1):
        row, _created = PackDocument.objects.update_or_create(
            meeting=meeting, document=document, defaults={"position": position},
        )
        rows.append(row)
    return rows


# --- Requesting -------------------------------------------------------------------

def pack_request(
    *, meeting: Meeting, language: str, kind: str = PackKind.BRIEFING, user=None,
    restricted: bool | None = None,
) -> BriefingPack:
    """Queue a (re)build of the meeting's pack in ``language``. A pack
    already queued or being built is left to finish."""
    with transaction.atomic():
        pack, _created = BriefingPack.objects.get_or_create(
            meeting=meeting, kind=kind, language=language,
            defaults={"restricted": kind == PackKind.BRIEFING if restricted is None
                      else restricted},
        )
        pack = BriefingPack.objects.select_for_update().get(pk=pack.pk)
        # Left alone: a build running with a recent sign of life, or one
        # queued not long ago (a message lost with the broker is given up
        # after QUEUED_PATIENCE; a late copy of it then does nothing).
        patience = STALE_AFTER if pack.status == PackStatus.RUNNING else QUEUED_PATIENCE
        if (
            pack.status in (PackStatus.QUEUED, PackStatus.RUNNING) and pack.task_id
            and pack.heartbeat_at and pack.heartbeat_at > timezone.now() - patience
        ):
            return pack
        if restricted is not None:
            pack.restricted = restricted
        pack.status, pack.progress, pack.step, pack.error = PackStatus.QUEUED, 0, "queued", ""
        pack.attempts, pack.worker_pid = 0, None
        pack.requested_by, pack.requested_at = user, timezone.now()
        pack.heartbeat_at = timezone.now()
        pack.task_id = str(uuid.uuid4())
        pack.save()
        task_id = pack.task_id
        send_on_commit("briefings.build_pack", args=[pack.pk, task_id], task_id=task_id)
    return pack


def packs_recover_stale(*, now: datetime.datetime | None = None) -> list[int]:
    """Builds whose worker died (no sign of life for STALE_AFTER): queued
    again under a new task id, or failed with the reason after
    MAX_ATTEMPTS. Returns the ids queued again."""
    now = now or timezone.now()
    queued = []
    for pk in selectors.stale_running_packs(before=now - STALE_AFTER).values_list("pk", flat=True):
        with transaction.atomic():
            pack = BriefingPack.objects.select_for_update().get(pk=pk)
            if pack.status != PackStatus.RUNNING or (
                pack.heartbeat_at and pack.heartbeat_at >= now - STALE_AFTER
            ):
                continue
            if pack.attempts >= MAX_ATTEMPTS:
                _fail(pack, _interrupted_message(pack.attempts))
                continue
            logger.warning("Pack %s: no sign of life from its build since %s; queued again",
                           pk, pack.heartbeat_at)
            pack.status, pack.step = PackStatus.QUEUED, "queued"
            pack.task_id = str(uuid.uuid4())
            pack.heartbeat_at = now
            pack.save(update_fields=["status", "step", "task_id", "heartbeat_at"])
            task_id = pack.task_id
            send_on_commit("briefings.build_pack", args=[pk, task_id], task_id=task_id)
            queued.append(pk)
    return queued


def packs_seconds_until_stale(*, now: datetime.datetime | None = None) -> float | None:
    """Seconds until the first pack still running would be taken for dead
    (0 when one already is), or None when no pack is running."""
    now = now or timezone.now()
    running = BriefingPack.objects.filter(status=PackStatus.RUNNING).aggregate(
        count=Count("pk"), silent=Count("pk", filter=Q(heartbeat_at__isnull=True)),
        oldest=Min("heartbeat_at"),
    )
    if not running["count"]:
        return None
    if running["silent"] or running["oldest"] is None:
        return 0.0
    return max((running["oldest"] + STALE_AFTER - now).total_seconds(), 0.0)


def _interrupted_message(attempts: int) -> str:
    return _(
        "The build was interrupted %(count)s times (its worker stopped, perhaps out of "
        "memory), so it was not tried again. Build the pack again to start afresh."
    ) % {"count": attempts}


def _fail(pack: BriefingPack, message: str) -> None:
    pack.status, pack.step, pack.error = PackStatus.FAILED, "failed", message
    pack.finished_at = timezone.now()
    pack.save(update_fields=["status", "step", "error", "finished_at"])


# --- Building ---------------------------------------------------------------------

def _claim(pack_id: int, run_id: str) -> BriefingPack | None:
    """Mark the pack running for this run, or None when this run is not
    the one the pack waits for (a duplicate, an old message, already done)."""
    with transaction.atomic():
        pack = BriefingPack.objects.select_for_update().filter(pk=pack_id).first()
        if pack is None or pack.task_id != run_id:
            return None
        if pack.status not in (PackStatus.QUEUED, PackStatus.RUNNING):
            return None
        # RUNNING with our own id: the message came back after its worker died.
        if pack.attempts >= MAX_ATTEMPTS:
            _fail(pack, _interrupted_message(pack.attempts))
            return None
        now = timezone.now()
        pack.status, pack.progress, pack.step, pack.error = PackStatus.RUNNING, 1, "collecting", ""
        pack.attempts += 1
        pack.started_at, pack.finished_at, pack.heartbeat_at = now, None, now
        pack.worker_pid = os.getpid()
        pack.save()
    _remove_partial_files(pack)
    return pack


def _remove_partial_files(pack: BriefingPack) -> None:
    """The temporary files of earlier runs of this pack: a run killed
    outright (``kill -9``) never reached its ``finally``. This run owns the
    pack now; a superseded run still alive fails to move its file into
    place and stops."""
    storage = BriefingPack._meta.get_field("file").storage
    folder = Path(storage.path(f"briefings/{pack.meeting_id}"))
    for path in folder.glob(f".{pack.pk}-*.part"):
        path.unlink(missing_ok=True)


class _Heartbeat(threading.Thread):
    """Refreshes the running pack's ``heartbeat_at`` every HEARTBEAT_EVERY
    while the build works (a WeasyPrint layout can take minutes without a
    progress step), on its own database connection, closed when it stops.
    ``superseded`` turns true when the pack was queued again or taken over."""

    def __init__(self, pack_id: int, run_id: str):
        super().__init__(name=f"pack-{pack_id}-heartbeat", daemon=True)
        self.pack_id, self.run_id = pack_id, run_id
        self.stopped = threading.Event()
        self.superseded = False

    def run(self) -> None:
        try:
            while not self.stopped.wait(HEARTBEAT_EVERY.total_seconds()):
                try:
                    changed = BriefingPack.objects.filter(
                        pk=self.pack_id, task_id=self.run_id, status=PackStatus.RUNNING,
                    ).update(heartbeat_at=timezone.now())
                except OperationalError:
                    logger.warning("Pack %s: heartbeat not written", self.pack_id,
                                   exc_info=True)
                    continue
                if not changed:
                    self.superseded = True
                    return
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=HEARTBEAT_EVERY.total_seconds() * 2)


def _reporter(pack: BriefingPack, run_id: str, heartbeat: _Heartbeat | None = None):
    def report(percent: int, step: str) -> None:
        if heartbeat is not None and heartbeat.superseded:
            raise SupersededError
        changed = BriefingPack.objects.filter(
            pk=pack.pk, task_id=run_id, status=PackStatus.RUNNING,
        ).update(progress=percent, step=step, heartbeat_at=timezone.now())
        if not changed:
            raise SupersededError
    return report


def pack_build(*, pack_id: int, run_id: str) -> BriefingPack | None:
    """Build the pack for this run (see the module docstring). Returns the
    pack when this run built it or failed it, None when it had nothing to do."""
    pack = _claim(pack_id, run_id)
    if pack is None:
        return None
    # The heartbeat writes through its own connection, which sees only
    # committed rows: none when the build runs inside a transaction (tests).
    heartbeat = None if connection.in_atomic_block else _Heartbeat(pack.pk, run_id)
    if heartbeat is not None:
        heartbeat.start()
    report = _reporter(pack, run_id, heartbeat)
    storage = BriefingPack._meta.get_field("file").storage
    temp: Path | None = None
    try:
        with translation.override(pack.language):
            final_dir = Path(storage.path(f"briefings/{pack.meeting_id}"))
            final_dir.mkdir(parents=True, exist_ok=True)
            temp = final_dir / f".{pack.pk}-{uuid.uuid4().hex}.part"
            built, contents = _render(pack, temp, report)
        digest, size = _hash(temp)
        name = f"briefings/{pack.meeting_id}/{pack.pk}-v{pack.version + 1}-{digest[:16]}.pdf"
        temp.replace(storage.path(name))
        temp = None
        return _finish(pack.pk, run_id, name=name, digest=digest, size=size, built=built,
                       contents=contents, storage=storage)
    except SupersededError:
        logger.info("Pack %s was queued again while run %s built it", pack_id, run_id)
        return None
    except OperationalError:
        raise  # the task retries: the database is worth waiting for
    except Exception as exc:
        logger.exception("Pack %s failed", pack_id)
        with transaction.atomic():
            row = BriefingPack.objects.select_for_update().get(pk=pack_id)
            if row.task_id == run_id:
                _fail(row, _("The pack could not be built: %(error)s") % {
                    "error": f"{exc.__class__.__name__}: {exc}"})
        return row
    finally:
        if heartbeat is not None:
            heartbeat.stop()
        if temp is not None and temp.exists():
            temp.unlink()


def _hash(path: Path) -> tuple[str, int]:
    sha, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), size


def _finish(pack_id, run_id, *, name, digest, size, built, contents, storage):
    with transaction.atomic():
        pack = BriefingPack.objects.select_for_update().get(pk=pack_id)
        if pack.task_id != run_id or pack.status != PackStatus.RUNNING:
            storage.delete(name)
            return None
        old = pack.file.name
        pack.file.name = name
        pack.status, pack.progress, pack.step, pack.error = PackStatus.DONE, 100, "done", ""
        pack.page_count, pack.size, pack.sha256 = built.page_count, size, digest
        pack.version += 1
        pack.contents = contents
        pack.file_restricted = pack.restricted
        # Still out of date when its contents changed after the build read
        # them (briefings.freshness rebuilds it again).
        pack.stale = bool(pack.changed_at and pack.changed_at > pack.started_at)
        pack.finished_at = pack.heartbeat_at = timezone.now()
        pack.save()
        if old and old != name:
            transaction.on_commit(lambda: storage.delete(old))
    return pack


def _entries(pack: BriefingPack, report) -> tuple[list, list[pdf.Appendix], list[dict]]:
    """Each selected document: its summary, the PDF to append (checked),
    and the record of what became of it."""
    links = selectors.pack_documents(meeting=pack.meeting, kind=pack.kind)
    files = selectors.files_by_document([link.document_id for link in links])
    other = selectors.OTHER_LANGUAGE[pack.language]
    entries, appendices, record = [], [], []
    for number, link in enumerate(links, start=1):
        document = link.document
        report(10 + int(30 * number / max(len(links), 1)), "reading")
        row = {"document": document.pk, "title": document.title, "reference": document.reference}
        if not selectors.is_visible_in(document, restricted=pack.restricted):
            record.append({**row, "outcome": EntryOutcome.EXCLUDED, "reason": document.access})
            continue
        key = f"doc-{number}"
        own, theirs = files.get(document.pk, {}).get(pack.language), None
        if own is None:
            theirs = files.get(document.pk, {}).get(other)
        chosen = own or theirs
        entry = selectors.Entry(
            key=key, document_id=document.pk, title=document.title, summary=document.summary,
            doc_type=DocumentType(document.doc_type).label, date=document.date,
            reference=document.reference, file=chosen,
            file_language=chosen.language if chosen else "",
        )
        if chosen is None:
            row["outcome"] = EntryOutcome.NO_FILE
            entry.note = _("This document has no file in the archive yet.")
        elif chosen.mime_type != PDF_MIME:
            row["outcome"] = EntryOutcome.LISTED
            entry.note = _("This document's file (%(name)s) is not a PDF: it is listed here and "
                           "can be downloaded from the archive.") % {
                               "name": chosen.original_filename}
        else:
            try:
                reader = pdf.check_pdf(chosen.file.path)
            except ValueError as exc:
                row["outcome"], row["reason"] = EntryOutcome.FAILED, str(exc)
                entry.note = _("The document's PDF could not be appended (%(reason)s).") % {
                    "reason": exc}
            else:
                appendices.append(pdf.Appendix(key=key, title=document.title, reader=reader,
                                               pages=len(reader.pages)))
                row["pages"] = len(reader.pages)
                if theirs is not None:
                    row["outcome"] = EntryOutcome.OTHER_LANGUAGE
                    entry.note = (
                        _("This document exists only in English: the English version follows.")
                        if theirs.language == "en" else
                        _("This document exists only in Russian: the Russian version follows.")
                    )
                else:
                    row["outcome"] = EntryOutcome.APPENDED
        row["language"] = entry.file_language
        row["key"] = key
        entries.append(entry)
        record.append(row)
    if pack.kind == PackKind.BRIEFING:
        _progress_report_entry(pack, entries, appendices, record)
    return entries, appendices, record


def _progress_report_entry(pack: BriefingPack, entries, appendices, record) -> None:
    """The Regional Action Plan's progress report of the reporting round held
    for this meeting (the senior officials' meeting reviews it), in the
    pack's language, after the selected documents."""
    from actionplan.selectors import progress_report_of_meeting

    report = progress_report_of_meeting(meeting=pack.meeting, language=pack.language)
    if report is None:
        return
    key = "progress-report"
    title = str(_("Regional Action Plan: report on national progress"))
    built_on = timezone.localdate(report.built_at) if report.built_at else None
    entry = selectors.Entry(
        key=key, document_id=0, title=title,
        summary=str(_("The progress each participant state reported on the actions of the "
                      "Regional Action Plan for this meeting's reporting round.")),
        doc_type=str(DocumentType.REPORT.label), date=built_on, reference="",
        file=None, file_language=pack.language,
    )
    row = {"document": None, "title": title, "reference": "", "key": key,
           "language": pack.language}
    try:
        reader = pdf.check_pdf(report.file.path)
    except ValueError as exc:
        row["outcome"], row["reason"] = EntryOutcome.FAILED, str(exc)
        entry.note = _("The document's PDF could not be appended (%(reason)s).") % {
            "reason": exc}
    else:
        appendices.append(pdf.Appendix(key=key, title=title, reader=reader,
                                       pages=len(reader.pages)))
        row["outcome"], row["pages"] = EntryOutcome.APPENDED, len(reader.pages)
    entries.append(entry)
    record.append(row)


def pack_layout_inputs(pack: BriefingPack, report):
    """What the layout needs: the template context, the outline's sections,
    the documents to append (checked) and the record of each document.
    (Also used by bench/briefing_packs.py for its bare baseline.)"""
    meeting = pack.meeting
    report(5, "collecting")
    entries, appendices, record = _entries(pack, report)
    chair = meeting_chair(meeting=meeting)
    is_proceedings = pack.kind == PackKind.PROCEEDINGS
    kind_label = str(PackKind(pack.kind).label)
    context = {
        "meeting": meeting, "kind_label": kind_label, "is_proceedings": is_proceedings,
        "restricted": pack.restricted, "pack_title": pdf.pack_title(meeting.title, kind_label),
        "dates": date_range(meeting.start, meeting.end), "place": selectors.place_of(meeting),
        "chair_name": chair.state.name if chair.state else "",
        "language_label": _("Russian") if pack.language == "ru" else _("English"),
        "version": pack.version + 1, "generated_at": timezone.localtime(),
        "agenda_days": selectors.agenda_days(meeting=meeting),
        "outcomes": (selectors.outcomes_of(meeting=meeting, restricted=pack.restricted)
                     if is_proceedings else []),
        "working_languages": selectors.working_language_labels(meeting),
        "contact": selectors.support_unit_contact(),
        "participants": selectors.participants_for_pack(
            meeting=meeting, restricted=pack.restricted, language=pack.language),
        "entries": entries,
        "outline_cover": _("Cover"), "outline_toc": _("Contents"),
    }
    sections = [pdf.Section("agenda", _("Agenda as held") if is_proceedings else _("Agenda"))]
    if is_proceedings:
        sections.append(pdf.Section("outcomes", _("Outcomes adopted by consensus")))
    else:
        sections.append(pdf.Section("practical", _("Practical information")))
    sections.append(pdf.Section(
        "participants",
        _("List of participants") if is_proceedings else _("Participating states and observers"),
    ))
    if entries:
        sections.append(pdf.Section("documents", _("Documents"), children=[
            pdf.Section(entry.key, entry.title) for entry in entries
        ]))
    return context, sections, appendices, record


def _render(pack: BriefingPack, output: Path, report):
    context, sections, appendices, record = pack_layout_inputs(pack, report)

    def toc(starts: dict[str, int]) -> list[dict]:
        rows = []
        for section in sections:
            rows.append({"title": section.title, "page": starts.get(section.key, ""),
                         "child": False})
            rows += [{"title": child.title, "page": starts.get(child.key, ""), "child": True}
                     for child in section.children]
        return rows

    built = pdf.assemble(
        engine=pdf.PdfEngine(), language=pack.language, title=context["pack_title"],
        front_template="briefings/pdf/front.html", body_template="briefings/pdf/body.html",
        context=context, sections=sections, appendices=appendices, output=output,
        toc_entries=toc, progress=report,
    )
    for row in record:
        key = row.get("key")
        if key in built.starts:
            row["summary_page"] = built.starts[key]
        if f"appendix-{key}" in built.starts:
            row["start_page"] = built.starts[f"appendix-{key}"]
    return built, record
