"""The archive list's filters: every value lives in the query string, so a
filtered list (and each of its pages) can be bookmarked and shared.

Invalid values (an unknown type, a malformed date, a theme that does not
exist) become translated form errors shown on the page, never a 500."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import Count, Model, QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from membership.models import ParticipantState

from . import search
from .enums import DocumentType, FileLanguage
from .models import Document, Theme
from .selectors import filter_choices, has_file_in


class LanguageVersion:
    RU = "ru"
    EN = "en"
    BOTH = "both"
    RU_ONLY = "ru-only"
    EN_ONLY = "en-only"

    choices = [
        (RU, _("In Russian")),
        (EN, _("In English")),
        (BOTH, _("In both languages")),
        (RU_ONLY, _("In Russian only")),
        (EN_ONLY, _("In English only")),
    ]


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"

    choices = [
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
    ]


class StateCodeField(forms.ModelChoiceField):
    """A state chosen by its lower-case alpha-3 code, as in /states/<code>/."""

    def prepare_value(self, value):
        if isinstance(value, ParticipantState):
            return value.code
        return value.lower() if isinstance(value, str) else super().prepare_value(value)

    def label_from_instance(self, obj) -> str:
        return obj.name

    def to_python(self, value):
        if isinstance(value, str):
            value = value.upper()
        return super().to_python(value)


class StateFilter(django_filters.ModelChoiceFilter):
    field_class = StateCodeField


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


@dataclass
class FilterField:
    """What the list's template needs to write one filter control as plain
    HTML (no widget templates: measured at ~3.5 ms a page through Django's
    widget rendering). ``choices`` are (value, label, selected) for a
    select; ``input_type`` and ``attrs`` for an input."""

    name: str
    label: str
    value: str = ""
    input_type: str = ""
    attrs: dict[str, object] = field(default_factory=dict)
    choices: list[tuple[str, str, bool]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"id_{self.name}"

    @property
    def html(self) -> SafeString:
        """The control with its label and errors (what
        ``archive/_filter_field.html`` wrote: seven includes a page cost
        about a millisecond)."""
        invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"',
                              self.id) if self.errors else ""
        if self.choices:
            control = format_html('<select name="{}"{} id="{}">\n  {}</select>',
                                  self.name, invalid, self.id, self.options)
        else:
            control = format_html(
                '<input type="{}" name="{}"{}{}{} id="{}">', self.input_type, self.name,
                format_html(' value="{}"', self.value) if self.value else "",
                format_html_join("", ' {}="{}"', self.attrs.items()), invalid, self.id,
            )
        errors = format_html(
            '<ul class="errorlist" id="{}_error">{}</ul>', self.id,
            format_html_join("", "<li>{}</li>", ((error,) for error in self.errors)),
        ) if self.errors else ""
        return format_html(
            '<div class="field{}">\n  <label for="{}">{}:</label>\n  {}\n  {}\n</div>',
            " field--error" if self.errors else "", self.id, self.label, control, errors,
        )

    @property
    def options(self) -> SafeString:
        """The select's <option>s (a state list is sixty: written here, not
        by a template loop, and escaped as conditional_escape does without
        its per-call overhead)."""
        return mark_safe("".join(  # noqa: S308 - every value and label is escaped
            f'<option value="{escaped_html(value)}"{" selected" if selected else ""}>'
            f"{escaped_html(label)}</option>\n  "
            for value, label, selected in self.choices
        ))


def escaped_html(value) -> str:
    """``conditional_escape(value)``: HTML already (``__html__``) as it is,
    anything else as text, escaped by the same ``html.escape``."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class DocumentFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=pgettext_lazy("search field", "Search"), method="filter_query", max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = django_filters.MultipleChoiceFilter(  # the URL says ?type=report
        field_name="doc_type", label=_("Document type"), choices=DocumentType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    year = YearFilter(
        field_name="date", lookup_expr="year", label=_("Year"), min_value=1900,
        max_value=2100,
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("From"), widget=_date_input(),
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=pgettext_lazy("date range", "To"),
        widget=_date_input(),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label=_("Theme"), to_field_name="slug",
        queryset=Theme.objects.all(), empty_label=_("All themes"),
    )
    state = StateFilter(
        field_name="states", label=_("State concerned"),
        queryset=ParticipantState.objects.order_by("name"), to_field_name="iso3",
        empty_label=_("All states"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language version"), choices=LanguageVersion.choices,
        method="filter_language", empty_label=_("Any"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=Sort.choices, method="filter_sort", empty_label=None,
    )

    class Meta:
        model = Document
        fields: list[str] = []
        form = DocumentFilterForm

    def __init__(self, *args, base_key: tuple | None = None, **kwargs):
        """``base_key``: what identifies the queryset given (its SQL: the
        access levels it was built for), when the caller knows it
        (``selectors.list_key``); with the filters' values it keys the
        search's built statement without compiling the queryset."""
        super().__init__(*args, **kwargs)
        self.base_key = base_key

    def get_form_class(self):
        """The form class, built once: django-filter builds a new one (and a
        field for each filter) for every request, a third of the filter
        set's cost. The fields depend on the filters' declarations only (no
        filter here takes the request), and each form copies them anyway."""
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class

    def filter_query(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value.strip():
            return queryset
        if not getattr(self, "_ranked", True) or self.sort_order != Sort.RELEVANCE:
            # Counting, or sorting by date: the rank would be computed for nothing.
            return search.documents_matching(queryset, value)
        return search.documents_search(queryset, value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        has_ru = has_file_in(FileLanguage.RUSSIAN)
        has_en = has_file_in(FileLanguage.ENGLISH)
        conditions = {
            LanguageVersion.RU: [has_ru],
            LanguageVersion.EN: [has_en],
            LanguageVersion.BOTH: [has_ru, has_en],
            LanguageVersion.RU_ONLY: [has_ru, ~has_en],
            LanguageVersion.EN_ONLY: [has_en, ~has_ru],
        }
        return queryset.filter(*conditions[value]) if value else queryset

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # applied last, in filter_queryset

    def fields_for_page(self) -> dict[str, FilterField]:
        """The controls of the filter form (all but the types and the sort,
        which the template writes from the counts), with the values as the
        reader typed them and their errors. The theme and state choices are
        those of ``selectors.filter_choices``."""
        data = self.data if self.is_bound else {}
        errors = self.form.errors if self.is_bound else {}

        def make(name: str, **kwargs) -> FilterField:
            return FilterField(name=name, label=str(self.form.fields[name].label),
                               value=str(data.get(name) or ""),
                               errors=[str(e) for e in errors.get(name, ())], **kwargs)

        def options(name: str, empty: str, pairs) -> FilterField:
            chosen = str(data.get(name) or "")
            if name == "state":
                chosen = chosen.lower()
            return make(name, choices=[("", empty, not chosen)] + [
                (value, label, value == chosen) for value, label in pairs
            ])

        themes, states = filter_choices(
            generation=getattr(self.request, "content_generation", None))
        return {
            "q": make("q", input_type="search", attrs={"maxlength": 200}),
            "year": make("year", input_type="number", attrs={"min": 1900, "max": 2100}),
            "date_from": make("date_from", input_type="date"),
            "date_to": make("date_to", input_type="date"),
            "theme": options("theme", _("All themes"), themes),
            "state": options("state", _("All states"), states),
            "language": options("language", _("Any"), LanguageVersion.choices),
        }

    @property
    def query(self) -> str:
        """The search text, once the form is valid ("" otherwise)."""
        if not self.is_bound or not self.is_valid():
            return ""
        return (self.form.cleaned_data.get("q") or "").strip()

    @property
    def sort_order(self) -> str:
        chosen = self.form.cleaned_data.get("sort") if self.is_bound and self.is_valid() else ""
        if chosen == Sort.RELEVANCE or not chosen:
            return Sort.RELEVANCE if self.query else Sort.NEWEST
        return chosen

    def _filtered(self, queryset: QuerySet, *, skip: tuple[str, ...] = ()) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name not in skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self._filtered(queryset)
        order = self.sort_order
        if order == Sort.RELEVANCE:
            return queryset.order_by("-rank", "-date", "-pk")
        if order == Sort.OLDEST:
            return queryset.order_by("date", "pk")
        return queryset.order_by("-date", "-pk")

    def type_counts(self) -> dict[str, int] | None:
        """How many documents of each type match every filter but the type
        (so the reader sees what another type would give): one GROUP BY
        query, the search matched without its rank. None when the filters
        are invalid. The list's total is the sum over the chosen types."""
        if not self.is_valid():
            return None
        self._ranked = False
        try:
            matching = self._filtered(self.queryset.all(), skip=("type",))
        finally:
            self._ranked = True
        rows = matching.order_by().values_list("doc_type").annotate(n=Count("pk"))
        return dict(rows)

    @property
    def ranks_by_relevance(self) -> bool:
        """Whether the list is a search in order of relevance (the form is
        valid, there is a query, the sort is by relevance)."""
        return bool(self.query) and self.sort_order == Sort.RELEVANCE

    def ranked_page_and_counts(self, *, offset: int,
                               limit: int) -> tuple[list[tuple[int, float]], dict[str, int]]:
        """For a search in order of relevance: one page's (id, rank) pairs
        and the counts per type (``archive.search.search_page_and_counts``:
        every filter but the type and the search, then the search, matched
        once for the counts and the page of the chosen types)."""
        filtered = self._filtered(self.queryset.all(), skip=("type", "q"))
        chosen = set(self.form.cleaned_data.get("type") or ())
        return search.search_page_and_counts(filtered, self.query, types=chosen, offset=offset,
                                             limit=limit, base_key=self._filtered_key())

    def _filtered_key(self) -> tuple | None:
        """The ``base_key`` with the values of every filter but the type and
        the search: together they decide the SQL of ``ranked_page_and_counts``'s
        filtered queryset. None without a ``base_key``."""
        if self.base_key is None:
            return None
        values = []
        for name, value in sorted(self.form.cleaned_data.items()):
            if name in ("type", "q"):
                continue
            if isinstance(value, Model):
                value = (value._meta.label, value.pk)
            values.append((name, value))
        return (self.base_key, tuple(values))

    def total_of(self, counts: dict[str, int] | None) -> int:
        """The number of documents the list shows, from ``type_counts``."""
        if not counts:
            return 0
        chosen = self.form.cleaned_data.get("type") or ()
        return sum(n for doc_type, n in counts.items() if not chosen or doc_type in chosen)
