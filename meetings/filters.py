"""The public meetings list's filters: kind, year, theme and host state,
all in the query string (bookmarkable). Invalid values become translated
form errors on the page, never a 500."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from archive.filters import StateFilter, YearFilter
from archive.models import Theme
from membership.models import ParticipantState

from .enums import MeetingKind
from .models import Meeting


class MeetingFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind of meeting"), choices=MeetingKind.choices, empty_label=_("All kinds"),
    )
    year = YearFilter(
        field_name="start", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label=_("Theme"), to_field_name="slug",
        queryset=Theme.objects.all(), empty_label=_("All themes"),
    )
    state = StateFilter(
        field_name="host_state", label=_("Host state"),
        queryset=ParticipantState.objects.order_by("name"), to_field_name="iso3",
        empty_label=_("All states"),
    )

    class Meta:
        model = Meeting
        fields: list[str] = []
