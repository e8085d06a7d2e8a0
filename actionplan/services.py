"""Writes of the action plan: loading and versioning plans, reporting
rounds, the states' progress and the PDF reports. Keyword-only; each
validates, writes in a transaction and enqueues work on commit.

Translated fields are written as their language columns (``title_ru``,
``title_en``), never through the original name as well: modeltranslation
maps ``title`` to the active language's column, so writing both would put
the Russian text in ``title_en`` whenever English is active."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.models import Document
from archive.selectors import documents_visible_to
from core.tasking import send_on_commit
from meetings.enums import MeetingKind
from meetings.models import Meeting
from membership.models import Organisation, ParticipantState
from membership.permissions import can_act_for_state

from .enums import (
    ActionLevel,
    NoteVisibility,
    ParagraphKind,
    PlanStatus,
    ProgressStatus,
    ReportStatus,
    RoundStatus,
)
from .models import (
    Action,
    ActionProgress,
    Area,
    DeclarationParagraph,
    ExpectedResult,
    FrameworkParagraph,
    FrameworkSection,
    GoodPractice,
    Objective,
    Plan,
    ProgressNote,
    ProgressReport,
    ReportingRound,
)

# --- Plans ---------------------------------------------------------------------------


def _text(value, key: str = "") -> tuple[str, str]:
    value = value or {}
    if isinstance(value, str):
        raise ValidationError(_("%(key)s needs a Russian and an English text.") % {"key": key})
    return (value.get("ru") or "").strip(), (value.get("en") or "").strip()


def _require(ru: str, en: str, where: str) -> None:
    if not ru or not en:
        raise ValidationError(
            _("%(where)s: both the Russian and the English text are required.") % {"where": where}
        )


@transaction.atomic
def plan_load(*, data: dict) -> Plan:
    """Create or update the plan version ``data["version"]`` from structured
    data (the format of ``actionplan/data/plan_2012.json`` and of the bulk import,
    see the README). Running it again with the same data changes nothing;
    texts are replaced, the items of each area are replaced in order (the
    states' progress on an action survives as long as its place does)."""
    try:
        version = int(data["version"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(_("The plan needs a version number.")) from exc
    title_ru, title_en = _text(data.get("title"), "title")
    _require(title_ru, title_en, _("Title"))
    fw_ru, fw_en = _text(data.get("framework_title"))
    status = data.get("status") or PlanStatus.DRAFT
    if status not in PlanStatus.values:
        raise ValidationError(_("Unknown plan status: %(status)s") % {"status": status})
    adopted_on = data.get("adopted_on")
    if isinstance(adopted_on, str):
        adopted_on = datetime.date.fromisoformat(adopted_on)
    plan = Plan.objects.select_for_update().filter(version=version).first() or Plan(
        version=version
    )
    plan.title_ru, plan.title_en = title_ru, title_en
    plan.framework_title_ru, plan.framework_title_en = fw_ru, fw_en
    plan.status, plan.adopted_on = status, adopted_on
    if plan.supersedes_id is None and plan.pk is None:
        plan.supersedes = (
            Plan.objects.filter(version__lt=version, superseded_by__isnull=True)
            .order_by("-version").first()
        )
    plan.full_clean()
    plan.save()

    areas: dict[int, Area] = {}
    for raw in data.get("areas") or []:
        areas[int(raw["number"])] = _area_load(plan=plan, raw=raw)
    plan.areas.exclude(number__in=areas).delete()

    plan.sections.all().delete()
    for order, raw in enumerate(data.get("sections") or [], start=1):
        h_ru, h_en = _text(raw.get("heading"), "heading")
        section = FrameworkSection.objects.create(
            plan=plan, order=order, number=raw.get("number") or "",
            heading_ru=h_ru, heading_en=h_en,
            area=areas.get(raw.get("area")) if raw.get("area") else None,
        )
        FrameworkParagraph.objects.bulk_create([
            FrameworkParagraph(
                section=section, order=i, kind=p.get("kind") or ParagraphKind.PARAGRAPH,
                text_ru=p["ru"], text_en=p.get("en", ""),
            )
            for i, p in enumerate(raw.get("paragraphs") or [], start=1)
        ])
    return plan


def _area_load(*, plan: Plan, raw: dict) -> Area:
    number = int(raw["number"])
    t_ru, t_en = _text(raw.get("title"), "title")
    _require(t_ru, t_en, _("Area %(number)s") % {"number": number})
    area, _created = Area.objects.update_or_create(
        plan=plan, number=number, defaults={"title_ru": t_ru, "title_en": t_en},
    )
    paragraphs = [
        DeclarationParagraph.objects.get_or_create(number=int(n))[0]
        for n in raw.get("declaration_paragraphs") or []
    ]
    area.declaration_paragraphs.set(paragraphs)
    where = str(area)
    _items_load(Objective, area, raw.get("objectives"), where)
    _items_load(Action, area, raw.get("actions"), where, extra=_action_fields)
    _items_load(ExpectedResult, area, raw.get("expected_results"), where)
    _items_load(GoodPractice, area, raw.get("good_practices"), where, extra=_heading_fields)
    return area


def _heading_fields(item: dict) -> dict:
    h_ru, h_en = _text(item.get("heading"))
    return {"heading_ru": h_ru, "heading_en": h_en}


def _action_fields(item: dict) -> dict:
    level = item.get("level") or ""
    if level and level not in ActionLevel.values:
        raise ValidationError(_("Unknown action level: %(level)s") % {"level": level})
    n_ru, n_en = _text(item.get("note"))
    return {**_heading_fields(item), "level": level, "note_ru": n_ru, "note_en": n_en}


def _items_load(model, area: Area, items, where: str, extra=None) -> None:
    items = items or []
    for order, item in enumerate(items, start=1):
        ru, en = _text(item, "text")
        _require(ru, en, f"{where}, {model._meta.verbose_name} {order}")
        model.objects.update_or_create(
            area=area, order=order,
            defaults={"text_ru": ru, "text_en": en, **(extra(item) if extra else {})},
        )
    model.objects.filter(area=area, order__gt=len(items)).delete()


@transaction.atomic
def plan_create_version(*, previous: Plan, title_ru: str = "", title_en: str = "") -> Plan:
    """A new draft version that supersedes ``previous``, with a copy of its
    framework, areas and items for the secretariat to edit. ``previous`` is
    kept as it was (history)."""
    previous = Plan.objects.select_for_update().get(pk=previous.pk)
    if Plan.objects.filter(supersedes=previous).exists():
        raise ValidationError(_("A newer version already supersedes this plan."))
    latest = Plan.objects.order_by("-version").values_list("version", flat=True).first() or 0
    plan = Plan(
        version=latest + 1, supersedes=previous, status=PlanStatus.DRAFT,
        title_ru=title_ru or previous.title_ru, title_en=title_en or previous.title_en,
        framework_title_ru=previous.framework_title_ru,
        framework_title_en=previous.framework_title_en,
    )
    plan.full_clean()
    plan.save()
    area_map = {}
    for area in previous.areas.prefetch_related("declaration_paragraphs"):
        new = Area.objects.create(plan=plan, number=area.number,
                                  title_ru=area.title_ru, title_en=area.title_en)
        new.declaration_paragraphs.set(area.declaration_paragraphs.all())
        area_map[area.pk] = new
        for model in (Objective, Action, ExpectedResult, GoodPractice):
            copies = []
            for item in model.objects.filter(area=area):
                item.pk = item.id = None
                item.area = new
                copies.append(item)
            model.objects.bulk_create(copies)
    for section in previous.sections.prefetch_related("paragraphs"):
        paragraphs = list(section.paragraphs.all())
        section.pk = section.id = None
        section.plan = plan
        section.area = area_map.get(section.area_id)
        section.save()
        for p in paragraphs:
            p.pk = p.id = None
            p.section = section
        FrameworkParagraph.objects.bulk_create(paragraphs)
    return plan


@transaction.atomic
def plan_adopt(*, plan: Plan, on: datetime.date, meeting: Meeting | None = None) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if meeting is not None and not (meeting.start <= on <= meeting.end):
        raise ValidationError(_("A plan adopted at a meeting is adopted on one of its days."))
    plan.status, plan.adopted_on, plan.adopted_at = PlanStatus.ADOPTED, on, meeting
    plan.full_clean()
    plan.save()
    return plan


# --- Reporting rounds ------------------------------------------------------------------


@transaction.atomic
def round_open(*, plan: Plan, meeting: Meeting, on: datetime.date | None = None) -> ReportingRound:
    """Open the reporting round of ``plan`` before ``meeting`` (a Senior
    Officials' Meeting that has not started yet); one open round per plan."""
    on = on or timezone.localdate()
    Plan.objects.select_for_update().get(pk=plan.pk)
    if meeting.kind != MeetingKind.SENIOR_OFFICIALS:
        raise ValidationError(_("Reporting rounds are held before a Senior Officials' Meeting."))
    if on >= meeting.start:
        raise ValidationError(_("A reporting round opens before its meeting starts."))
    if ReportingRound.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("This meeting already has a reporting round."))
    if ReportingRound.objects.filter(plan=plan, status=RoundStatus.OPEN).exists():
        raise ValidationError(_("Another reporting round of this plan is open."))
    return ReportingRound.objects.create(plan=plan, meeting=meeting, opened_on=on)


@transaction.atomic
def round_close(
    *, reporting_round: ReportingRound, on: datetime.date | None = None
) -> ReportingRound:
    rr = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
    if rr.status != RoundStatus.OPEN:
        raise ValidationError(_("This reporting round is already closed."))
    rr.status, rr.closed_on = RoundStatus.CLOSED, on or timezone.localdate()
    rr.save(update_fields=["status", "closed_on"])
    return rr


@transaction.atomic
def round_endorse(*, reporting_round: ReportingRound, on: datetime.date) -> ReportingRound:
    """Record that the Senior Officials' Meeting endorsed the round: from
    now on the public sees its progress matrix."""
    rr = ReportingRound.objects.select_for_update().select_related("meeting").get(
        pk=reporting_round.pk
    )
    if rr.status != RoundStatus.CLOSED:
        raise ValidationError(_("Close the reporting round before it is endorsed."))
    if on < rr.meeting.start:
        raise ValidationError(_("The meeting endorses the round on or after its first day."))
    rr.endorsed, rr.endorsed_on = True, on
    rr.full_clean()
    rr.save(update_fields=["endorsed", "endorsed_on"])
    return rr


# --- Progress -----------------------------------------------------------------------------


@dataclass
class ProgressEntry:
    """One action's answer on the coordinator's form."""

    action: Action
    status: str = ProgressStatus.NOT_STARTED
    timeline: str = ""
    responsible_body: str = ""
    organisations: Iterable[Organisation] = ()
    note: str = ""
    note_visibility: str = NoteVisibility.PARTICIPANTS
    documents: Iterable[Document] = field(default_factory=list)


def _check_documents(*, user, entries: list[ProgressEntry]) -> None:
    """Supporting documents go with a note, and only documents the archive
    lets ``user`` see may be attached (checked again here, whatever the form
    said: a reference to a secretariat-only document or a draft is refused).
    One query for all the entries."""
    wanted = set()
    for entry in entries:
        pks = {document.pk for document in entry.documents}
        if pks and not entry.note.strip():
            raise ValidationError(_("Supporting documents are attached to a note: write one."))
        wanted |= pks
    if not wanted:
        return
    visible = set(
        documents_visible_to(user=user).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - visible:
        raise PermissionDenied(_("You may not attach these documents."))


@transaction.atomic
def progress_record(
    *, reporting_round: ReportingRound, state: ParticipantState, user, entries: list[ProgressEntry],
    on: datetime.date | None = None,
) -> list[ActionProgress]:
    """A coordinator (or the secretariat) reports ``state``'s progress for an
    open round. Another state's progress is refused."""
    if not can_act_for_state(user, state):
        raise PermissionDenied(_("You may report only for your own state."))
    rr = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
    if rr.status != RoundStatus.OPEN:
        raise ValidationError(_("This reporting round is closed."))
    on = on or timezone.localdate()
    _check_documents(user=user, entries=entries)
    saved = []
    for entry in entries:
        if entry.action.area.plan_id != rr.plan_id:
            raise ValidationError(_("This action is not part of the round's plan."))
        if entry.status not in ProgressStatus.values:
            raise ValidationError(_("Unknown status."))
        progress, _created = ActionProgress.objects.update_or_create(
            round=rr, action=entry.action, state=state,
            defaults={"status": entry.status, "timeline": entry.timeline.strip(),
                      "responsible_body": entry.responsible_body.strip(), "updated_by": user},
        )
        progress.supporting_organisations.set(list(entry.organisations))
        if entry.note.strip():
            documents = list(entry.documents)
            note = ProgressNote.objects.create(
                progress=progress, date=on, text=entry.note.strip(),
                visibility=entry.note_visibility,
            )
            note.documents.set(documents)
        saved.append(progress)
    return saved


# --- PDF reports ------------------------------------------------------------------------


def progress_report_request(*, reporting_round: ReportingRound, language: str) -> ProgressReport:
    """Queue (again) the PDF progress report of a round in one language."""
    with transaction.atomic():
        report, _created = ProgressReport.objects.select_for_update().get_or_create(
            round=reporting_round, language=language,
        )
        if report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) and not _created:
            return report
        report.status, report.progress, report.step, report.error = (
            ReportStatus.QUEUED, 0, "", "",
        )
        report.save()
        send_on_commit("actionplan.build_progress_report", args=[report.pk])
    return report


def progress_report_build(*, report_id: int) -> ProgressReport | None:
    """Build the PDF (idempotent: the row's status under a lock decides;
    the new file replaces the old one atomically)."""
    from django.core.files.base import ContentFile

    from . import pdf

    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status == ReportStatus.DONE:
            return report
        report.status, report.progress, report.step = ReportStatus.RUNNING, 10, "layout"
        report.save(update_fields=["status", "progress", "step"])
    try:
        content = pdf.render_progress_report(reporting_round=report.round, language=report.language)
    except Exception as exc:
        ProgressReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=str(exc)[:2000], step="",
        )
        raise
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report_id)
        old = report.file.name if report.file else ""
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        report.file.save(f"progress-{report.language}-{stamp}.pdf", ContentFile(content),
                         save=False)
        report.status, report.progress, report.step = ReportStatus.DONE, 100, ""
        report.built_at = timezone.now()
        report.save()
        if old and old != report.file.name:
            storage = report.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return report
