"""The register's filters: meeting kind, year, theme, state concerned,
kind of outcome and words (the archive's word forms), all in the query
string (bookmarkable). Invalid values become translated form errors on the
page, never a 500."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.filters import StateFilter, YearFilter
from archive.models import Theme
from meetings.enums import MeetingKind
from membership.models import ParticipantState

from . import selectors
from .enums import CHAIR_CONFIRMATION, REGISTER_KINDS
from .models import RegisterOutcome


class OutcomeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"), method="filter_words", max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Every form of each word, in Russian or English."),
    )
    meeting_kind = django_filters.ChoiceFilter(
        field_name="meeting__kind", label=_("Kind of meeting"), choices=MeetingKind.choices,
        empty_label=_("All kinds"),
    )
    year = YearFilter(
        field_name="adopted_on", lookup_expr="year", label=_("Year"), min_value=1900,
        max_value=2100, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label=_("Theme"), to_field_name="slug",
        queryset=Theme.objects.order_by("name"), empty_label=_("All themes"),
    )
    state = StateFilter(
        field_name="states", label=_("State concerned"),
        queryset=ParticipantState.objects.order_by("name"), to_field_name="iso3",
        empty_label=_("All states"),
    )
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("meeting outcome", "Kind of outcome"), choices=REGISTER_KINDS,
        method="filter_kind", empty_label=pgettext_lazy("meeting outcome", "All kinds"),
    )

    class Meta:
        model = RegisterOutcome
        fields: list[str] = []

    def filter_words(self, queryset, name, value):
        if not value.strip():
            return queryset
        return selectors.outcomes_matching(queryset, query=value)

    def filter_kind(self, queryset, name, value):
        if value == CHAIR_CONFIRMATION:
            return queryset.filter(confirms_chairmanship__isnull=False)
        return queryset.filter(kind=value)
