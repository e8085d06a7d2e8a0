"""One mechanism for content shown in the other language.

modeltranslation falls back silently to the other language's value when a
field is empty in the reader's; the reader must see it (issue 12). Every app
uses these tags, the content app's ``content/_fallback.html`` included:

- ``{% translated obj "title" %}`` renders the field in the active language,
  or the other language's value wrapped in ``<span lang="xx">`` followed by
  the marker ("in Russian" / "in English", in the page's language);
- ``{% shown_in obj "description" as lang %}`` gives the language a field is
  shown in, for texts rendered with filters (``linebreaks``) or inside a link:
  ``<div lang="{{ lang }}">…</div>{% fallback_marker lang %}``;
- ``{% fallback_marker lang %}`` renders the marker alone (nothing when
  ``lang`` is the page's language);
- ``{{ text|written_in }}`` gives the language of a text typed by a person in
  one field without a language of its own (a progress note): Russian when
  most of its letters are Cyrillic, else English.

They read only the ``<field>_ru`` / ``<field>_en`` attributes already loaded,
so a page's query count does not change.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

register = template.Library()

OTHER = {"ru": "en", "en": "ru"}


def _current() -> str:
    language = (get_language() or "ru").split("-")[0]
    return language if language in OTHER else "ru"


def shown_language(obj, field: str, language: str | None = None) -> str:
    """The language ``obj.<field>`` is shown in: the reader's when it has a
    text there (or neither language has one), else the other one."""
    current = language if language in OTHER else _current()
    other = OTHER[current]
    own = (getattr(obj, f"{field}_{current}", "") or "").strip()
    theirs = (getattr(obj, f"{field}_{other}", "") or "").strip()
    return other if (not own and theirs) else current


def marker(shown_in: str) -> str:
    """The visible marker for a text shown in ``shown_in`` (empty when that
    is the page's language). It carries the page's lang: it sits next to (or
    inside) an element whose lang is the text's."""
    current = _current()
    if not shown_in or shown_in == current:
        return ""
    label = gettext("in Russian") if shown_in == "ru" else gettext("in English")
    return format_html(
        ' <span class="badge badge--warn fallback-marker" lang="{}">{}</span>', current, label
    )


def written_in(text: str) -> str:
    """"ru" when most letters of ``text`` are Cyrillic, else "en"; a text
    without letters counts as the page's language."""
    cyrillic = latin = 0
    for char in text or "":
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    if not cyrillic and not latin:
        return _current()
    return "ru" if cyrillic > latin else "en"


register.filter("written_in", written_in)


@register.simple_tag
def fallback_marker(shown_in: str) -> str:
    return marker(shown_in)


@register.simple_tag
def shown_in(obj, field: str) -> str:
    return shown_language(obj, field)


@register.simple_tag
def translated(obj, field: str) -> str:
    """``obj.<field>`` in the active language, or the other language's value
    in a ``<span lang>`` with the marker (escaped either way)."""
    current = _current()
    language = shown_language(obj, field, current)
    value = getattr(obj, f"{field}_{language}", "") or ""
    if language == current:
        return format_html("{}", value)
    return format_html('<span lang="{}">{}</span>{}', language, value, marker(language))
