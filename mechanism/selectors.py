"""Reads of the Operational Mechanism: its versions in order (numbered from
the original text), the text in force on a date, and the comparison of two
versions paragraph by paragraph. A page costs the same number of queries
however long the text or the list of versions grows."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language

from archive.models import Document
from archive.selectors import documents_visible_to
from meetings.selectors import outcomes_visible_to

from .enums import ParagraphKind
from .models import MechanismParagraph, MechanismVersion

ONE_DAY = datetime.timedelta(days=1)
OTHER = {"ru": "en", "en": "ru"}


def _language(language: str | None = None) -> str:
    language = (language or get_language() or "ru").split("-")[0]
    return language if language in OTHER else "ru"


def versions_in_order(*, today: datetime.date | None = None) -> list[MechanismVersion]:
    """Every version, oldest first, each with ``number`` (1 for the original
    text), ``ends_on`` (the day before the next comes into force, None for
    the last), ``previous`` (the version it replaced) and ``is_current``
    (in force today)."""
    today = today or timezone.localdate()
    versions = list(
        MechanismVersion.objects.select_related("outcome__meeting", "document")
        .order_by("in_force_from")
    )
    for index, version in enumerate(versions):
        following = versions[index + 1] if index + 1 < len(versions) else None
        version.number = index + 1
        version.previous = versions[index - 1] if index else None
        version.ends_on = following.in_force_from - ONE_DAY if following else None
        version.is_current = version.in_force_from <= today and (
            following is None or following.in_force_from > today)
    return versions


def version_on(versions: list[MechanismVersion], on: datetime.date) -> MechanismVersion | None:
    """The version in force on ``on`` among ``versions`` (oldest first)."""
    found = None
    for version in versions:
        if version.in_force_from <= on:
            found = version
    return found


def paragraphs_of(version: MechanismVersion) -> list[MechanismParagraph]:
    return list(version.paragraphs.order_by("position"))


def documents_shown(*, versions: list[MechanismVersion], user) -> dict[int, Document]:
    """The versions' archive documents this visitor may see, by id (one
    query; the archive's access levels decide)."""
    ids = {version.document_id for version in versions if version.document_id}
    if not ids:
        return {}
    return {document.pk: document
            for document in documents_visible_to(user=user).filter(pk__in=ids)}


def show_to(*, versions: list[MechanismVersion], user) -> None:
    """What of each version's sources this visitor may see, set on the
    versions: ``visible_document`` (the archive's access levels) and
    ``visible_outcome`` (the outcome's own level and publication,
    ``meetings.selectors.outcomes_visible_to``; without it the page names
    the conference only, whose record is public). Two queries at most."""
    documents = documents_shown(versions=versions, user=user)
    outcome_ids = {version.outcome_id for version in versions if version.outcome_id}
    visible = set(
        outcomes_visible_to(user=user).filter(pk__in=outcome_ids).values_list("pk", flat=True)
    ) if outcome_ids else set()
    for version in versions:
        version.visible_document = documents.get(version.document_id)
        version.visible_outcome = version.outcome if version.outcome_id in visible else None


# --- The text as the page shows it ---------------------------------------------------

@dataclass
class Block:
    """A heading, a paragraph, a footnote, or a list of consecutive items."""

    kind: str
    paragraphs: list[MechanismParagraph] = field(default_factory=list)

    @property
    def first(self) -> MechanismParagraph:
        return self.paragraphs[0]


def blocks_of(paragraphs: list[MechanismParagraph]) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in paragraphs:
        if paragraph.kind == ParagraphKind.ITEM and blocks and blocks[-1].kind == "list":
            blocks[-1].paragraphs.append(paragraph)
        else:
            kind = "list" if paragraph.kind == ParagraphKind.ITEM else paragraph.kind
            blocks.append(Block(kind=kind, paragraphs=[paragraph]))
    return blocks


@dataclass
class TextPage:
    versions: list[MechanismVersion]
    version: MechanismVersion | None
    blocks: list[Block]
    # The original text, when the date asked for is before it.
    not_yet_in_force: MechanismVersion | None = None


def text_on(*, on: datetime.date) -> TextPage:
    versions = versions_in_order()
    version = version_on(versions, on)
    if version is None:
        return TextPage(versions=versions, version=None, blocks=[],
                        not_yet_in_force=versions[0] if versions else None)
    return TextPage(versions=versions, version=version, blocks=blocks_of(paragraphs_of(version)))


# --- Comparison ----------------------------------------------------------------------

SAME, ADDED, DELETED, CHANGED = "same", "added", "deleted", "changed"


@dataclass(frozen=True)
class Change:
    """One step of the comparison: a paragraph kept, added or deleted, or
    one changed (its earlier and later wording)."""

    op: str
    old: MechanismParagraph | None = None
    new: MechanismParagraph | None = None


@dataclass
class Comparison:
    older: MechanismVersion
    newer: MechanismVersion
    changes: list[Change]

    def count(self, op: str) -> int:
        return sum(1 for change in self.changes if change.op == op)

    @property
    def added(self) -> int:
        return self.count(ADDED)

    @property
    def deleted(self) -> int:
        return self.count(DELETED)

    @property
    def changed(self) -> int:
        return self.count(CHANGED)

    @property
    def has_changes(self) -> bool:
        return any(change.op != SAME for change in self.changes)


def _key(paragraph: MechanismParagraph, language: str) -> tuple[str, str, str]:
    """What the reader sees of a paragraph: its kind, number and text in
    their language (the other one where it has none)."""
    text = (getattr(paragraph, f"text_{language}", "") or "").strip()
    if not text:
        text = (getattr(paragraph, f"text_{OTHER[language]}", "") or "").strip()
    return paragraph.kind, paragraph.number, text


def diff_paragraphs(old: list[MechanismParagraph], new: list[MechanismParagraph], *,
                    language: str | None = None) -> list[Change]:
    """Paragraph-level differences, in the reader's language: paragraphs
    kept, added, deleted, or changed (an old and a new wording alike enough
    to be one paragraph, see ``_pair``)."""
    language = _language(language)
    matcher = difflib.SequenceMatcher(
        None, [_key(p, language) for p in old], [_key(p, language) for p in new],
        autojunk=False,
    )
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [Change(SAME, old=o, new=n) for o, n in zip(old[i1:i2], new[j1:j2],
                                                                  strict=True)]
            continue
        changes += _pair(old[i1:i2], new[j1:j2], language)
    return changes


# How alike two wordings must be to read as one paragraph changed rather
# than one deleted and another added.
SIMILAR = 0.5


def _pair(removed: list[MechanismParagraph], inserted: list[MechanismParagraph],
          language: str) -> list[Change]:
    """A run of paragraphs replaced by another, in order: each old one is
    paired with the next new one of its kind whose wording is alike
    (changed); the new ones skipped on the way are added, and an old one
    without a match is deleted."""
    changes: list[Change] = []
    start = 0
    for paragraph in removed:
        kind, _number, text = _key(paragraph, language)
        match = next((
            index for index in range(start, len(inserted))
            if inserted[index].kind == kind and difflib.SequenceMatcher(
                None, text, _key(inserted[index], language)[2], autojunk=False,
            ).ratio() >= SIMILAR
        ), None)
        if match is None:
            changes.append(Change(DELETED, old=paragraph))
            continue
        changes += [Change(ADDED, new=n) for n in inserted[start:match]]
        changes.append(Change(CHANGED, old=paragraph, new=inserted[match]))
        start = match + 1
    changes += [Change(ADDED, new=n) for n in inserted[start:]]
    return changes


def version_by_date(versions: list[MechanismVersion], value: str) -> MechanismVersion | None:
    """The version whose in-force date is ``value`` (ISO), among ``versions``."""
    for version in versions:
        if f"{version.in_force_from:%Y-%m-%d}" == value:
            return version
    return None


def comparison(*, older: MechanismVersion, newer: MechanismVersion,
               language: str | None = None) -> Comparison:
    """The two versions compared, the earlier first whatever the order asked."""
    if newer.in_force_from < older.in_force_from:
        older, newer = newer, older
    paragraphs: dict[int, list[MechanismParagraph]] = {older.pk: [], newer.pk: []}
    for paragraph in MechanismParagraph.objects.filter(
            version__in=[older.pk, newer.pk]).order_by("position"):
        paragraphs[paragraph.version_id].append(paragraph)
    return Comparison(older=older, newer=newer, changes=diff_paragraphs(
        paragraphs[older.pk], paragraphs[newer.pk], language=language))

