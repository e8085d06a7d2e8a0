"""Archive pieces for other pages: the "Latest documents" home section, the
documents section of a state's page, and the thematic areas (About); and
the cheap pieces of the archive list's rows (a results page writes twenty:
issue 11 measured each row's include, reverse(), type label and date
format)."""

import functools
import re
from types import MappingProxyType

from django import template
from django.conf import settings
from django.template.defaultfilters import truncatewords
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.dates import MONTHS_ALT
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from ..enums import DocumentType
from ..filters import escaped_html as _escaped
from ..selectors import documents_concerning, latest_documents, themes_in_order

register = template.Library()

_TYPE_LABELS = dict(DocumentType.choices)
# What the detail URL's <slug:slug> accepts: any other value goes through
# reverse(), which then fails as before (document_rows).
_SLUG_RE = re.compile(r"[-a-zA-Z0-9_]+")


@functools.lru_cache(maxsize=64)
def _detail_url_parts(language: str | None, script_prefix: str, urlconf: str) -> tuple[str, str]:
    """(before, after) the slug in a document's URL, reversed once per
    language (and script prefix and URLconf)."""
    url = reverse("archive:document_detail", kwargs={"slug": "0"}, urlconf=urlconf)
    before, _, after = url.rpartition("/0/")
    return before + "/", "/" + after


def document_type_label(value: str) -> str:
    """The type's label (``get_doc_type_display`` rebuilds the choices'
    dictionary on every call)."""
    return str(_TYPE_LABELS.get(value, value))


def long_date(value) -> str:
    """``value|date:"j E Y"`` (4 марта 2021) without the format lookups:
    the day, the month's name as in a date (MONTHS_ALT) and the year."""
    if not value:
        return ""
    return f"{value.day} {MONTHS_ALT[value.month]} {value.year:04d}"


def document_item_labels() -> MappingProxyType:
    """What every row of the list repeats, translated or reversed once a
    page."""
    return MappingProxyType({
        "detail_url": _detail_url_parts(
            get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
        ),
        "language_versions": gettext("Language versions:"),
        "ru": pgettext("language version", "RU"),
        "en": pgettext("language version", "EN"),
        "no_file": gettext("no file yet"),
    })


@register.inclusion_tag("archive/_latest_documents.html", takes_context=True)
def latest_documents_section(context, limit: int = 5) -> dict:
    """The newest documents the visitor may see (one query, or three for a
    signed-in user whose roles are not yet known)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"documents": latest_documents(user=user, limit=limit)}


@register.inclusion_tag("archive/_state_documents.html", takes_context=True)
def state_documents_section(context, state, limit: int = 10) -> dict:
    """The newest documents concerning ``state`` that the visitor may see,
    with a link to all of them in the archive (filtered by the state)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    documents, total = documents_concerning(state=state, user=user, limit=limit)
    return {"state": state, "documents": documents, "total": total}


@register.simple_tag
def thematic_areas() -> list:
    """The thematic areas in the order of the Operational Mechanism's list
    (reference data kept by the secretariat; one query)."""
    return themes_in_order()


_MUTED = mark_safe(' class="muted"')


@register.simple_tag
def type_checklist(type_counts: list[dict], chosen_types: set[str]) -> SafeString:
    """The filter form's type checkboxes, each with its count (a template
    loop over the fourteen types cost more than the counts' query)."""
    return format_html_join("", """
      <li{}>
        <input type="checkbox" name="type" value="{}" id="id_type_{}"{}>
        <label for="id_type_{}">{}{}</label>
      </li>
      """, (
        (
            _MUTED if item["count"] == 0 and item["value"] not in chosen_types else "",
            item["value"], n, " checked" if item["value"] in chosen_types else "", n,
            item["label"],
            "" if item["count"] is None
            else format_html(' <span class="count">({})</span>', localize(item["count"])),
        )
        for n, item in enumerate(type_counts)
    ))


def _languages(document, labels) -> str:
    has_ru, has_en = getattr(document, "has_ru", False), getattr(document, "has_en", False)
    return "".join((
        '<span class="languages">',
        f'<span class="badge badge--ok" lang="ru">{_escaped(labels["ru"])}</span>'
        if has_ru else "",
        f' <span class="badge badge--ok" lang="en">{_escaped(labels["en"])}</span>'
        if has_en else "",
        f'<span class="badge badge--off">{_escaped(labels["no_file"])}</span>'
        if not has_ru and not has_en else "",
        "</span>",
    ))


def _excerpt(document, tags) -> str:
    """The snippet of a search result, else the summary (cut to 40 words,
    marked when shown in the other language)."""
    snippet = getattr(document, "snippet", "")
    if snippet:
        return f'<p class="document-item__snippet">{_escaped(snippet)}</p>\n  '
    if document.summary:
        shown = tags.shown_in(document, "summary")
        return (f'<p class="document-item__summary"><span lang="{_escaped(shown)}">'
                f'{_escaped(truncatewords(document.summary, 40))}</span>'
                f"{_escaped(tags.fallback_marker(shown))}</p>")
    return ""


class _TranslatedTags:
    """The portal's {% translated %}, {% shown_in %} and {% fallback_marker %}
    (the one mechanism for text shown in the other language), as functions:
    found in the template engine's libraries, as a template's
    ``{% load translated %}`` finds them (apps never import almaty_portal).
    A simple tag's compile function wraps the tag's own function."""

    def __init__(self, engine):
        library = engine.template_libraries["translated"]
        self.translated = library.tags["translated"].__wrapped__
        self.shown_in = library.tags["shown_in"].__wrapped__
        self.fallback_marker = library.tags["fallback_marker"].__wrapped__


@register.simple_tag(takes_context=True)
def document_rows(context, documents) -> SafeString:
    """The archive list's rows (<li>), what a template loop wrote at about
    0.1 ms a row: the title in the reader's language (or marked as in the
    other), type, date, reference, access, language versions, then the
    snippet or the summary. Every value is escaped as the template did."""
    tags = _TranslatedTags(context.template.engine)
    labels = document_item_labels()
    before, after = labels["detail_url"]
    rows = []
    for document in documents:
        slug = document.slug
        url = (before + slug + after) if _SLUG_RE.fullmatch(slug or "") else (
            document.get_absolute_url())
        reference = (f"<span>{_escaped(document.reference)}</span>"
                     if document.reference else "")
        access = (f'<span class="badge badge--warn">{_escaped(document.get_access_display())}'
                  "</span>" if document.access != "public" else "")
        title = _escaped(tags.translated(document, "title"))
        date = document.date
        rows.append(f"""<li class="document-item">
  <h3 class="document-item__title"><a href="{_escaped(url)}">{title}</a></h3>
  <p class="document-item__meta">
    <span>{_escaped(document_type_label(document.doc_type))}</span>
    <time datetime="{_escaped(date.isoformat())}">{_escaped(long_date(date))}</time>
    {reference}
    {access}
    <span class="visually-hidden">{_escaped(labels["language_versions"])}</span>
    {_languages(document, labels)}
  </p>
  {_excerpt(document, tags)}
</li>
""")
    return mark_safe("".join(rows))  # noqa: S308 - every value is escaped above
