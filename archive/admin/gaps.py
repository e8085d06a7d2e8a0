"""What a document may lack in one language (a title, a summary, a file),
shared by the changelist filter and the translation status page, and the
changelist's own filters."""

from __future__ import annotations

import functools
import operator

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..enums import FileLanguage
from ..models import Document
from ..selectors import has_file_in


def _blank(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


# What may be missing in one language: key (language_item) -> (label, what
# the table says is missing in that language's column, condition on Document).
# Shared by the changelist filter and the translation status page.
GAPS: dict[str, tuple] = {
    "ru_title": (_("No Russian title"), _("no title"), lambda: _blank("title_ru")),
    "en_title": (_("No English title"), _("no title"), lambda: _blank("title_en")),
    "ru_summary": (_("No Russian summary"), _("no summary"), lambda: _blank("summary_ru")),
    "en_summary": (_("No English summary"), _("no summary"), lambda: _blank("summary_en")),
    "ru_file": (_("No Russian file"), _("no file"), lambda: ~has_file_in(FileLanguage.RUSSIAN)),
    "en_file": (_("No English file"), _("no file"), lambda: ~has_file_in(FileLanguage.ENGLISH)),
}


def gap_condition(key: str) -> Q:
    return Q(GAPS[key][2]())


def any_gap_condition() -> Q:
    return functools.reduce(operator.or_, (gap_condition(key) for key in GAPS))


def document_gaps(document: Document) -> list[str]:
    """The gap keys of a document annotated with has_ru_file/has_en_file."""
    present = {
        "ru_title": document.title_ru, "en_title": document.title_en,
        "ru_summary": document.summary_ru, "en_summary": document.summary_en,
        "ru_file": document.has_ru_file, "en_file": document.has_en_file,
    }
    return [key for key in GAPS if not (present[key] and str(present[key]).strip())]


def with_language_files(queryset: QuerySet[Document]) -> QuerySet[Document]:
    return queryset.annotate(
        has_ru_file=has_file_in(FileLanguage.RUSSIAN), has_en_file=has_file_in(FileLanguage.ENGLISH)
    )


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Document.objects.dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("missing language version")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _heading, _condition) in GAPS.items()]

    def queryset(self, request, queryset):
        if self.value() in GAPS:
            return queryset.filter(gap_condition(self.value()))
        return queryset
