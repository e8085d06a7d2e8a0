"""Named reads of briefing packs: what goes into a pack, and who may
download which pack (the one access rule, used by the download view, the
meeting page's partial and the dashboards).

Who may download a pack that is built:
- staff: every pack;
- national coordinators and observers' focal points whose delegation is
  registered (submitted) for the meeting:
  that meeting's packs, restricted or not;
- everyone: proceedings packs that are not restricted.
A briefing pack is restricted by default (it names the heads of
delegation); the public never sees a restricted pack."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q, QuerySet

from archive.enums import AccessLevel, FileLanguage, PublicationStatus
from archive.models import DocumentFile
from meetings.enums import (
    DelegationGroup,
    DelegationStatus,
    MeetingDocumentRole,
    WorkingLanguage,
)
from meetings.models import AgendaItem, Delegation, Meeting, MeetingDocument, MeetingOutcome
from meetings.selectors import delegations_for_pack
from membership.permissions import roles_of

from .enums import PackKind, PackStatus
from .models import BriefingPack, PackDocument

OTHER_LANGUAGE = {"ru": "en", "en": "ru"}
# A pack is read by everyone it may be given to: a public pack carries only
# public documents, a restricted one also those for participants and
# observers (observers' focal points download it too).
PACK_ACCESS_LEVELS = {
    False: (AccessLevel.PUBLIC,),
    True: (AccessLevel.PUBLIC, AccessLevel.OBSERVERS),
}


# --- Access -----------------------------------------------------------------------

def _registered_meeting_ids(user):
    """Meetings for which the user's state or organisation has a submitted
    delegation (a subquery); None for staff (every meeting)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    if roles.state is None and roles.organisation is None:
        return []
    party = Q()
    if roles.state is not None:
        party |= Q(state=roles.state)
    if roles.organisation is not None:
        party |= Q(organisation=roles.organisation)
    return Delegation.objects.filter(party, status=DelegationStatus.SUBMITTED).values(
        "meeting_id"
    )


# The public only a file built public: a pack whose restriction was lifted
# is rebuilt without names, and the restricted file it had stays out of
# reach until then (or if that build fails); a public pack rebuilt because
# its contents changed keeps its file offered.
_PUBLIC_PACKS = (Q(kind=PackKind.PROCEEDINGS, restricted=False)
                 & (Q(status=PackStatus.DONE) | Q(file_restricted=False)))


def packs_visible_to(*, user) -> QuerySet[BriefingPack]:
    """Packs this user may download (built at least once)."""
    packs = BriefingPack.objects.exclude(file="").select_related("meeting")
    registered = _registered_meeting_ids(user)
    if registered is None:  # staff
        return packs
    return packs.filter(_PUBLIC_PACKS | Q(meeting_id__in=registered))


def pack_for_download(*, pk: int, user) -> BriefingPack | None:
    """The pack if this user may download it, else None (the view answers
    404, so a restricted pack's existence does not leak)."""
    return packs_visible_to(user=user).filter(pk=pk).first()


def packs_audience(*, user, meeting: Meeting) -> str:
    """Which of a meeting's packs ``user`` may download, as one of the two
    answers many readers share (the rule of ``packs_visible_to``): "all"
    (the staff, or a party whose delegation to the meeting was submitted)
    or "public" (the proceedings built public). A party's costs one EXISTS."""
    registered = _registered_meeting_ids(user)
    if registered is None:
        return "all"
    if registered == [] or not registered.filter(meeting_id=meeting.pk).exists():
        return "public"
    return "all"


def packs_of_meeting(*, meeting: Meeting, audience: str) -> list[BriefingPack]:
    """The packs of one meeting an audience of ``packs_audience`` may
    download (a meeting's page)."""
    packs = BriefingPack.objects.exclude(file="").filter(meeting=meeting)
    if audience != "all":
        packs = packs.filter(_PUBLIC_PACKS)
    return list(packs.select_related("meeting").order_by("kind", "language"))


def packs_for_dashboard(*, user) -> list[BriefingPack]:
    """The packs of the meetings the user's delegation is registered for
    (a coordinator's or focal point's dashboard), latest meeting first.
    One query once the user's roles are known."""
    registered = _registered_meeting_ids(user)
    packs = BriefingPack.objects.exclude(file="").select_related("meeting")
    if registered is not None:
        packs = packs.filter(meeting_id__in=registered)
    return list(packs.order_by("-meeting__start", "meeting_id", "kind", "language")[:40])


def packs_for_admin(*, meeting: Meeting) -> list[BriefingPack]:
    return list(
        BriefingPack.objects.filter(meeting=meeting).select_related("requested_by")
        .order_by("kind", "language")
    )


def pack_progress(*, pk: int) -> BriefingPack | None:
    return BriefingPack.objects.filter(pk=pk).only(
        "pk", "status", "progress", "step", "error", "stale", "file", "version", "page_count",
    ).first()


def stale_running_packs(*, before) -> QuerySet[BriefingPack]:
    """Packs marked running whose build gave no sign of life since
    ``before`` (its worker died)."""
    return BriefingPack.objects.filter(status=PackStatus.RUNNING).filter(
        Q(heartbeat_at__lt=before) | Q(heartbeat_at__isnull=True)
    )


# --- Contents -----------------------------------------------------------------------

@dataclass
class Entry:
    """One selected document as the pack shows it."""

    key: str
    document_id: int
    title: str
    summary: str
    doc_type: str
    date: object
    reference: str
    file: DocumentFile | None
    file_language: str
    note: str = ""


def pack_documents(*, meeting: Meeting, kind: str) -> list[MeetingDocument | PackDocument]:
    """The documents of a pack, in order: for a briefing pack the
    secretariat's selection (or, while nothing is selected, the meeting's
    own documents in the meeting's order); for proceedings the meeting's
    outcome documents."""
    if kind == PackKind.PROCEEDINGS:
        return list(
            MeetingDocument.objects.filter(meeting=meeting, role=MeetingDocumentRole.OUTCOME)
            .select_related("document").order_by("position", "pk")
        )
    selected = list(
        PackDocument.objects.filter(meeting=meeting).select_related("document")
        .order_by("position", "pk")
    )
    if selected:
        return selected
    return list(
        MeetingDocument.objects.filter(meeting=meeting).select_related("document")
        .order_by("position", "pk")
    )


def files_by_document(document_ids: list[int]) -> dict[int, dict[str, DocumentFile]]:
    files: dict[int, dict[str, DocumentFile]] = {}
    for document_file in (
        DocumentFile.objects.filter(document_id__in=document_ids)
        .exclude(language=FileLanguage.OTHER).defer("extracted_text")
    ):
        files.setdefault(document_file.document_id, {})[document_file.language] = document_file
    return files


def participants_for_pack(*, meeting: Meeting, restricted: bool, language: str) -> dict:
    """The submitted delegations in protocol order (meetings' registration
    selector): participant states, then observers (observer states and
    organisations). A restricted pack names each head of delegation, in
    Cyrillic in a Russian pack (Latin when no Cyrillic form was given) and
    in Latin in an English one; the public form has the names of the
    parties only."""
    states, observers = [], []
    for row in delegations_for_pack(meeting=meeting):
        head = position = ""
        if restricted and row.head is not None:
            cyrillic, latin = row.head.name_cyrillic, row.head.name_latin
            head = (cyrillic or latin) if language == "ru" else (latin or cyrillic)
            position = row.head.position
        entry = {"name": row.name, "head": head, "head_position": position}
        (states if row.group == DelegationGroup.PARTICIPANT_STATES else observers).append(entry)
    return {"states": states, "observers": observers}


def agenda_days(*, meeting: Meeting) -> list[tuple]:
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("day", "position", "pk"))
    return [(day, list(group)) for day, group in groupby(items, key=lambda item: item.day)]


def outcomes_of(*, meeting: Meeting, restricted: bool = False) -> list[MeetingOutcome]:
    """The meeting's outcomes at the levels every reader of the pack may
    see (an outcome follows the archive's levels, as a document does)."""
    return list(MeetingOutcome.objects.filter(
        meeting=meeting, access__in=PACK_ACCESS_LEVELS[restricted],
    ).order_by("position", "pk"))


def working_language_labels(meeting: Meeting) -> str:
    """The working languages as a list inside a sentence (meetings.enums)."""
    return WorkingLanguage.in_text(meeting.working_languages)


def support_unit_contact():
    """The Support Unit's contact details as on /contact/ (content's one
    row): the pack's practical information gives its email, phone and
    address, each on its own line."""
    from content.selectors import contact_details

    return contact_details()


def place_of(meeting: Meeting) -> str:
    parts = [meeting.venue, meeting.city, meeting.host_state.name if meeting.host_state else ""]
    return ", ".join(part for part in parts if part)


def is_visible_in(document, *, restricted: bool) -> bool:
    return (
        document.status == PublicationStatus.PUBLISHED
        and document.access in PACK_ACCESS_LEVELS[restricted]
    )
