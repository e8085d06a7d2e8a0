"""Reads of the action plan, and its access rules in one place:

- everyone sees every plan version (the current one at /action-plan/);
- everyone sees the progress matrix of an endorsed round; the secretariat
  also sees rounds not yet endorsed;
- a progress note marked for participants is seen by the participants
  (coordinators of participant states and the secretariat) only; documents
  attached to a note follow the archive's own access rule;
- a coordinator reports for their own state only (``reporting_state``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.db.models import Case, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from archive.models import Document
from archive.selectors import documents_visible_to
from membership.enums import MembershipStatus
from membership.models import ParticipantState
from membership.permissions import roles_of
from membership.selectors import states_with_status_on

from .enums import (
    STATUS_SYMBOLS,
    NoteVisibility,
    PlanStatus,
    ProgressStatus,
    ReportStatus,
    RoundStatus,
)
from .models import (
    Action,
    ActionProgress,
    Area,
    FrameworkSection,
    Plan,
    ProgressNote,
    ProgressReport,
    ReportingRound,
)

# --- Plans ---------------------------------------------------------------------------


def plan_versions() -> QuerySet[Plan]:
    return Plan.objects.select_related("adopted_at", "supersedes").order_by("-version")


def current_plan() -> Plan | None:
    """The latest adopted version; while none is adopted, the latest version
    (the portal starts with the draft of 2012)."""
    return _current_plan_first(plan_versions()).first()


def _current_plan_first(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Adopted versions before the others, each newest first: the first is
    the current plan (one query rather than two)."""
    return plans.order_by(
        Case(When(status=PlanStatus.ADOPTED, then=Value(0)), default=Value(1)), "-version")


def plan_by_version(*, version: int) -> Plan | None:
    return plan_versions().filter(version=version).first()


def plan_areas(*, plan: Plan) -> list[Area]:
    """The plan's areas with everything the page shows (a fixed number of
    queries, however many areas and items)."""
    return list(
        plan.areas.prefetch_related(
            "declaration_paragraphs", "objectives", "expected_results", "good_practices",
            Prefetch("actions", queryset=Action.objects.order_by("order")),
        ).order_by("number")
    )


@dataclass(frozen=True)
class PlanPage:
    plan: Plan | None
    is_current: bool


def plan_for_page(*, version: int | None) -> PlanPage | None:
    """The plan a page shows: version ``version``, or the current one when
    none is named; None for a version that does not exist."""
    current = current_plan()
    plan = plan_by_version(version=version) if version else current
    if version and plan is None:
        return None
    return PlanPage(
        plan=plan,
        is_current=plan is not None and current is not None and plan.pk == current.pk,
    )


def plan_sections(*, plan: Plan) -> list[FrameworkSection]:
    """The framework text, each section with ``blocks``: its paragraphs,
    consecutive list items gathered into one list (kind "ul")."""
    sections = list(plan.sections.prefetch_related("paragraphs").order_by("order"))
    for section in sections:
        blocks: list[tuple[str, list]] = []
        for paragraph in section.paragraphs.all():
            if paragraph.kind == "li":
                if blocks and blocks[-1][0] == "ul":
                    blocks[-1][1].append(paragraph)
                else:
                    blocks.append(("ul", [paragraph]))
            else:
                blocks.append((paragraph.kind, [paragraph]))
        section.blocks = blocks
    return sections


# --- Rounds ------------------------------------------------------------------------------


def open_round() -> ReportingRound | None:
    """The round coordinators report in (at most one per plan: the current
    plan's is preferred)."""
    current = _current_plan_first(Plan.objects.all()).values("pk")[:1]
    return (
        ReportingRound.objects.filter(status=RoundStatus.OPEN)
        .select_related("plan", "meeting")
        .order_by(Case(When(plan=Subquery(current), then=Value(0)), default=Value(1)),
                  *ReportingRound._meta.ordering)
        .first()
    )


def rounds_visible_to(*, user) -> QuerySet[ReportingRound]:
    rounds = ReportingRound.objects.select_related("plan", "meeting").order_by(
        "-meeting__start", "-pk"
    )
    if roles_of(user).is_staff:
        return rounds
    return rounds.filter(endorsed=True)


def round_actions(*, reporting_round: ReportingRound) -> list[Action]:
    return list(
        Action.objects.filter(area__plan=reporting_round.plan_id)
        .select_related("area").order_by("area__number", "order")
    )


def reporting_state(*, user) -> ParticipantState | None:
    """The state a user reports for: their own, as its national coordinator
    today, if it is a participant today (a pending state has no commitments
    under the plan yet). Never taken from the URL or the form."""
    roles = roles_of(user)
    return roles.state if roles.state_is_participant else None


def previous_round(*, reporting_round: ReportingRound) -> ReportingRound | None:
    return (
        ReportingRound.objects.filter(plan=reporting_round.plan_id)
        .filter(Q(opened_on__lt=reporting_round.opened_on)
                | Q(opened_on=reporting_round.opened_on, pk__lt=reporting_round.pk))
        .order_by("-opened_on", "-pk").first()
    )


def answers_of(
    *, reporting_round: ReportingRound | None, state, user=None
) -> dict[int, ActionProgress]:
    """A state's answers in a round, by action id (with organisations and
    notes; each note's ``visible`` documents are those ``user`` may see)."""
    if reporting_round is None:
        return {}
    notes = ProgressNote.objects.order_by("date", "pk").prefetch_related(
        Prefetch("documents", queryset=documents_visible_to(user=user).only(
            "pk", "slug", "reference", "title", "title_ru", "title_en"), to_attr="visible"),
    )
    progress = ActionProgress.objects.filter(round=reporting_round, state=state).prefetch_related(
        "supporting_organisations", Prefetch("notes", queryset=notes),
    )
    return {p.action_id: p for p in progress}


def document_references(text: str) -> list[str]:
    """The references typed in a note's documents field, in order and once
    each: split at commas, semicolons and line breaks (reference symbols
    such as ``AP/SOM/2024/3`` hold none of them)."""
    seen: dict[str, None] = {}
    for token in re.split(r"[,;\n\r]+", text or ""):
        token = token.strip()
        if token:
            seen.setdefault(token, None)
    return list(seen)


def _slug_of(token: str) -> str:
    """A document's slug from what a reader may paste: the slug itself or
    the document's address in the archive (``/ru/archive/<slug>/``)."""
    if token.startswith(("http://", "https://", "/")):
        parts = [part for part in urlsplit(token).path.split("/") if part]
        return parts[-1].lower() if parts else ""
    return token.lower()


def documents_by_reference(*, user, references: Iterable[str]) -> dict[str, Document]:
    """The archive documents ``user`` may see, by what was typed for them:
    a reference symbol (as written or in capitals), a slug or the
    document's address. One query whatever the number of references (both
    columns are unique and indexed, so it scales with the archive); a
    reference that is unknown or not visible to ``user`` is left out."""
    references = list(references)
    if not references:
        return {}
    symbols = set(references) | {r.upper() for r in references}
    slugs = {s for s in map(_slug_of, references) if s}
    documents = list(
        documents_visible_to(user=user)
        .filter(Q(reference__in=symbols) | Q(slug__in=slugs))
        .only("pk", "slug", "reference", "title")
    )
    by_reference = {d.reference: d for d in documents if d.reference}
    by_slug = {d.slug: d for d in documents}
    found = {}
    for reference in references:
        document = (by_reference.get(reference) or by_reference.get(reference.upper())
                    or by_slug.get(_slug_of(reference)))
        if document is not None:
            found[reference] = document
    return found


def notes_visible_to(*, user) -> QuerySet[ProgressNote]:
    notes = ProgressNote.objects.order_by("date", "pk")
    if roles_of(user).is_participant:
        return notes
    return notes.filter(visibility=NoteVisibility.PUBLIC)


# --- The progress matrix -----------------------------------------------------------------


@dataclass
class MatrixRow:
    action: Action
    cells: list[ActionProgress | None]


@dataclass
class MatrixArea:
    area: Area
    rows: list[MatrixRow]
    # per state (in the matrix's order): [(status, label, symbol, count)]
    summary: list[list[tuple[str, str, str, int]]] = field(default_factory=list)


@dataclass
class Matrix:
    reporting_round: ReportingRound
    states: list[ParticipantState]
    areas: list[MatrixArea]
    # state id -> Counter(status -> number of actions); "missing" for no answer
    totals: dict[int, Counter] = field(default_factory=dict)
    overall: Counter = field(default_factory=Counter)

    def totals_for(self, state) -> list[tuple[str, str, int]]:
        counts = self.totals.get(state.pk, Counter())
        return [(value, label, counts[value]) for value, label in ProgressStatus.choices]

    @property
    def total_rows(self) -> list[tuple[ParticipantState, list[tuple[str, str, int]]]]:
        return [(state, self.totals_for(state)) for state in self.states]


def matrix_states(*, reporting_round: ReportingRound) -> list[ParticipantState]:
    """The columns: the participant states on the meeting's first day, and
    any other state that reported in the round."""
    on = reporting_round.meeting.start
    participants = states_with_status_on(on=on, status=MembershipStatus.PARTICIPANT)
    reported = ParticipantState.objects.filter(action_progress__round=reporting_round)
    return list(
        ParticipantState.objects.filter(
            Q(pk__in=participants.values("pk")) | Q(pk__in=reported.values("pk"))
        ).order_by("name")
    )


def progress_matrix(*, reporting_round: ReportingRound) -> Matrix:
    """States × actions of a round, with each state's count per status.
    Four queries: the states, the areas, their actions and the answers."""
    states = matrix_states(reporting_round=reporting_round)
    areas = list(
        Area.objects.filter(plan=reporting_round.plan_id)
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("order")))
        .order_by("number")
    )
    answers = {
        (p.action_id, p.state_id): p
        for p in ActionProgress.objects.filter(round=reporting_round).only(
            "id", "action_id", "state_id", "status", "timeline", "responsible_body"
        )
    }
    matrix = Matrix(reporting_round=reporting_round, states=states, areas=[])
    for area in areas:
        rows = []
        for action in area.actions.all():
            cells = [answers.get((action.pk, s.pk)) for s in states]
            for state, cell in zip(states, cells, strict=True):
                status = cell.status if cell else "missing"
                matrix.totals.setdefault(state.pk, Counter())[status] += 1
                matrix.overall[status] += 1
            rows.append(MatrixRow(action=action, cells=cells))
        summary = []
        for index in range(len(states)):
            counts = Counter(row.cells[index].status for row in rows if row.cells[index])
            summary.append([(value, label, STATUS_SYMBOLS[value], counts[value])
                            for value, label in ProgressStatus.choices])
        matrix.areas.append(MatrixArea(area=area, rows=rows, summary=summary))
    return matrix


def progress_notes_for_page(*, reporting_round: ReportingRound, user) -> list[ProgressNote]:
    """The notes of a round a visitor may read, with the documents the
    archive lets them see."""
    visible_documents = documents_visible_to(user=user)
    return list(
        notes_visible_to(user=user)
        .filter(progress__round=reporting_round)
        .select_related("progress__state", "progress__action__area")
        .prefetch_related(Prefetch("documents", queryset=visible_documents, to_attr="visible"))
        .order_by("progress__action__area__number", "progress__action__order",
                  "progress__state__name", "date", "pk")
    )


def progress_table(*, matrix: Matrix) -> tuple[list[str], list[list[str]]]:
    """The matrix as a table (header, rows) for the CSV: an action per row,
    a state per column, each cell the status's label in the active
    language."""
    header = [_("Action"), _("Area"), _("Text"), *[state.name for state in matrix.states]]
    rows = [
        [row.action.code, block.area.title, row.action.text,
         *[cell.get_status_display() if cell else "" for cell in row.cells]]
        for block in matrix.areas for row in block.rows
    ]
    return header, rows


# --- PDF reports -------------------------------------------------------------------------


def round_reports(*, reporting_round: ReportingRound) -> dict[str, ProgressReport]:
    """The round's finished PDF reports, by language."""
    return {r.language: r for r in reporting_round.reports.filter(status=ReportStatus.DONE)}


def progress_report_for_download(*, round_id: int, language: str, user) -> ProgressReport | None:
    """The finished PDF report of round ``round_id`` in ``language``, if
    ``user`` may see that round (the rule of :func:`rounds_visible_to`) and
    its file was written; None otherwise."""
    if not rounds_visible_to(user=user).filter(pk=round_id).exists():
        return None
    return ProgressReport.objects.filter(
        round_id=round_id, language=language, status=ReportStatus.DONE,
    ).exclude(file="").first()


def progress_report_of_meeting(*, meeting, language: str | None = None) -> ProgressReport | None:
    """The finished PDF progress report of the round held before ``meeting``
    (in ``language``, by default the active one) whose file exists, or None.
    For the meeting's briefing pack."""
    language = (language or get_language() or "ru")[:2]
    report = (
        ProgressReport.objects.filter(
            round__meeting=meeting, language=language, status=ReportStatus.DONE,
        ).exclude(file="").select_related("round").first()
    )
    if report is None or not Path(report.file.path).exists():
        return None
    return report


def progress_report_for_meeting(*, meeting, language: str | None = None) -> str | None:
    """The path of that report's file, or None."""
    report = progress_report_of_meeting(meeting=meeting, language=language)
    return report.file.path if report is not None else None
