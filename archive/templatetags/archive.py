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
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from core.dates import long_date
from core.templatetags.translated import marker, shown_language, translated

from ..enums import DocumentType
from ..selectors import documents_concerning, latest_documents, list_key, themes_in_order

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


@register.simple_tag(takes_context=True)
def documents_circle(context) -> str:
    """The visitor's access circle, as a key: what lists of documents vary
    on beside the content (``{% fragment ... circle %}``, core.fragments)."""
    request = context.get("request")
    return "-".join(list_key(user=getattr(request, "user", None))[1])


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


def _languages(document, labels) -> SafeString:
    has_ru, has_en = getattr(document, "has_ru", False), getattr(document, "has_en", False)
    return format_html(
        '<span class="languages">{}{}{}</span>',
        format_html('<span class="badge badge--ok" lang="ru">{}</span>', labels["ru"])
        if has_ru else "",
        format_html(' <span class="badge badge--ok" lang="en">{}</span>', labels["en"])
        if has_en else "",
        format_html('<span class="badge badge--off">{}</span>', labels["no_file"])
        if not has_ru and not has_en else "",
    )


def _excerpt(document) -> SafeString | str:
    """The snippet of a search result, else the summary (cut to 40 words);
    either one in its language's ``lang``, marked when it is in the other
    language."""
    snippet = getattr(document, "snippet", "")
    if snippet:
        shown = getattr(snippet, "language", "")
        if not shown:
            return format_html('<p class="document-item__snippet">{}</p>\n  ', snippet)
        return format_html(
            '<p class="document-item__snippet"><span lang="{}">{}</span>{}</p>\n  ',
            shown, snippet, marker(shown),
        )
    if document.summary:
        shown = shown_language(document, "summary")
        return format_html(
            '<p class="document-item__summary"><span lang="{}">{}</span>{}</p>',
            shown, truncatewords(document.summary, 40), marker(shown),
        )
    return ""


_ROW = """<li class="document-item">
  <h3 class="document-item__title"><a href="{}">{}</a></h3>
  <p class="document-item__meta">
    <span>{}</span>
    <time datetime="{}">{}</time>
    {}
    {}
    <span class="visually-hidden">{}</span>
    {}
  </p>
  {}
</li>
"""


@register.simple_tag
def document_rows(documents) -> SafeString:
    """The archive list's rows (<li>), what a template loop wrote at about
    0.1 ms a row: the title in the reader's language (or marked as in the
    other, by core's translated tags), type, date, reference, access,
    language versions, then the snippet or the summary. format_html escapes
    every value as the template did."""
    labels = document_item_labels()
    before, after = labels["detail_url"]
    return format_html_join("", _ROW, (_row(document, labels, before, after)
                                       for document in documents))


def _row(document, labels, before: str, after: str) -> tuple:
    slug = document.slug
    url = (before + slug + after) if _SLUG_RE.fullmatch(slug or "") else (
        document.get_absolute_url())
    date = document.date
    return (
        url, translated(document, "title"),
        document_type_label(document.doc_type),
        date.isoformat(), long_date(date),
        format_html("<span>{}</span>", document.reference) if document.reference else "",
        format_html('<span class="badge badge--warn">{}</span>', document.get_access_display())
        if document.access != "public" else "",
        labels["language_versions"],
        _languages(document, labels),
        _excerpt(document),
    )
