"""Named reads of the content app for public pages, the feeds and the
sitemap. A news item is public once published and its publication time has
come; nothing else is ever shown to visitors (staff use the admin).
Partners and projects are shown unless the secretariat hides them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.models import Document
from archive.search.word_forms import rows_matching
from archive.selectors import documents_visible_to
from membership.models import ParticipantState
from membership.selectors import PROCESS_PARTNER_SLUGS

from .enums import PartnerKind
from .models import AboutSection, ContactDetails, HistoryEntry, NewsItem, Partner, Project

OTHER_LANGUAGE = {"ru": "en", "en": "ru"}
# The list, the feeds and the sitemap never show the body.
_BODIES = ("body", "body_ru", "body_en")


def public_news(*, now: datetime.datetime | None = None) -> QuerySet[NewsItem]:
    """Published news whose time has come, newest first."""
    now = now or timezone.now()
    return NewsItem.objects.filter(is_published=True, published_at__lte=now).order_by(
        "-date", "-published_at", "-pk",
    )


def news_for_list() -> QuerySet[NewsItem]:
    """The /news/ list: public items without their bodies (one query a page)."""
    return public_news().defer(*_BODIES)


def latest_news(*, limit: int = 3) -> list[NewsItem]:
    """The newest public items (for the home page)."""
    return list(news_for_list()[:limit])


def news_for_feed(*, limit: int = 20) -> list[NewsItem]:
    """The feeds: the most recently published items first."""
    return list(public_news().defer(*_BODIES).order_by("-published_at", "-pk")[:limit])


def news_item_for_page(*, slug: str) -> NewsItem | None:
    """The item at /news/<slug>/ if it is public; None otherwise (the
    caller answers 404, so a draft's existence does not leak)."""
    return public_news().filter(slug=slug).first()


@dataclass(frozen=True)
class Fallbacks:
    """The language each text of an item is shown in: the reader's, or the
    other one when the reader's is missing (the page marks those)."""

    language: str
    title: str
    lead: str
    body: str
    image_alt: str

    @property
    def any(self) -> bool:
        return any(
            lang != self.language for lang in (self.title, self.lead, self.body)
        )

    @property
    def note(self) -> str:
        """The visible marker for a text shown in the other language."""
        other = OTHER_LANGUAGE[self.language]
        return _("Not yet translated: shown in English.") if other == "en" else _(
            "Not yet translated: shown in Russian."
        )


def fallbacks_of(item, *, language: str, fields=("title", "lead", "body", "image_alt")):
    """Which language each of ``fields`` of ``item`` is shown in (a field
    empty in both languages counts as the reader's)."""
    current = language if language in OTHER_LANGUAGE else "ru"
    other = OTHER_LANGUAGE[current]
    shown = {}
    for field in fields:
        own = (getattr(item, f"{field}_{current}", "") or "").strip()
        theirs = (getattr(item, f"{field}_{other}", "") or "").strip()
        shown[field] = other if (not own and theirs) else current
    return shown


def news_fallbacks(*, item: NewsItem, language: str) -> Fallbacks:
    shown = fallbacks_of(item, language=language)
    current = language if language in OTHER_LANGUAGE else "ru"
    return Fallbacks(language=current, **shown)


def with_languages(items: list, *, language: str, fields=("title", "lead")) -> list:
    """Give each of ``items`` a ``<field>_language`` attribute per field
    (the language it is shown in) for the list pages' markers."""
    for item in items:
        for field, shown in fallbacks_of(item, language=language, fields=fields).items():
            setattr(item, f"{field}_language", shown)
    return items


@dataclass(frozen=True)
class PartnerGroup:
    kind: str
    label: str
    partners: list


# The first group of /partners/: UNHCR and IOM, partners of the process
# (membership.selectors.PROCESS_PARTNER_SLUGS), ahead of the other organisations.
PROCESS_PARTNERS = "process_partners"


def partners_by_kind() -> list[PartnerGroup]:
    """The partners shown on /partners/: first the partners of the process
    (UNHCR and IOM, who performed the Support Unit's functions in its first
    two years), then the other partners grouped by kind in the order of
    PartnerKind (organisations, then processes), each group in the
    secretariat's order. One query (observer records joined)."""
    partners = list(
        Partner.objects.filter(is_shown=True).select_related("observer")
        .order_by("position", "slug")
    )
    groups = []
    founding = [p for p in partners if p.slug in PROCESS_PARTNER_SLUGS]
    if founding:
        groups.append(PartnerGroup(kind=PROCESS_PARTNERS, label=_("Partners of the process"),
                                   partners=founding))
    for kind, label in PartnerKind.choices:
        members = [p for p in partners if p.kind == kind and p not in founding]
        if members:
            groups.append(PartnerGroup(kind=kind, label=str(label), partners=members))
    return groups


def _states_by_name() -> Prefetch:
    return Prefetch("states", queryset=ParticipantState.objects.order_by("name"))


def projects_for_list() -> QuerySet[Project]:
    """The /projects/ catalogue: shown projects, latest start first, with
    their states (one query for the page, one for all its states)."""
    return Project.objects.filter(is_shown=True).prefetch_related(_states_by_name()).order_by(
        "-start", "slug",
    )


def project_for_page(*, slug: str) -> Project | None:
    """The project at /projects/<slug>/ with its states, themes and
    partners loaded; None if there is none or it is hidden."""
    return (
        Project.objects.filter(is_shown=True, slug=slug)
        .prefetch_related(
            _states_by_name(), "themes",
            Prefetch("partners", queryset=Partner.objects.filter(is_shown=True)),
        )
        .first()
    )


def project_documents_for(*, project: Project, user) -> list[Document]:
    """The project's archive documents this user may see (the archive's
    access rule), newest first. One query."""
    return list(
        documents_visible_to(user=user).filter(projects=project)
        .defer("search_ru", "search_en", "search_plain").order_by("-date", "-pk")
    )


def public_projects() -> QuerySet[Project]:
    """Shown projects, for the sitemap."""
    return Project.objects.filter(is_shown=True).order_by("pk")


def contact_details() -> ContactDetails:
    """The Support Unit's contact details (the row a data migration made;
    an empty one if someone deleted it)."""
    return ContactDetails.objects.filter(pk=1).first() or ContactDetails(pk=1, address="")


def about_sections(*, language: str) -> list[AboutSection]:
    """The About page's shown sections in the secretariat's order, each
    marked with the language its title and body are shown in. One query."""
    return with_languages(
        list(AboutSection.objects.filter(is_shown=True).order_by("position", "pk")),
        language=language, fields=("title", "body"),
    )


def history_entries(*, language: str) -> list[HistoryEntry]:
    """The timeline of the About page, oldest first, each marked with the
    language its texts are shown in. One query."""
    return with_languages(
        list(HistoryEntry.objects.filter(is_shown=True).order_by("date", "pk")),
        language=language, fields=("title", "description"),
    )


# --- The site search (/search/) ----------------------------------------------------


def news_matching(*, query: str) -> QuerySet[NewsItem]:
    """Public news whose title, lead or body holds every word of ``query``
    in some form (either language, the archive's word analyser): title
    matches first, then the newest."""
    return rows_matching(news_for_list(), query=query,
                         fields=("title", "lead", "body"), newest=("-date", "-published_at"))


def site_search_hits(*, query: str, user, language: str, limit: int) -> tuple[int, list[NewsItem]]:
    """The site search's news: how many match and the first ``limit``, each
    marked with the language its title and lead are shown in (two
    queries)."""
    matching = news_matching(query=query)
    count = matching.count()
    return count, with_languages(list(matching[:limit]) if count else [], language=language)
