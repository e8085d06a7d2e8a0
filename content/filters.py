"""The projects catalogue's filters: country, theme and status (and a
search), all in the query string with readable values (?country=kaz&
theme=border-management&status=ongoing), so a filtered list can be
bookmarked. Invalid values become translated form errors, never a 500."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.filters import StateFilter
from archive.models import Theme
from membership.models import ParticipantState

from .enums import ProjectStatus
from .models import Project


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=pgettext_lazy("search field", "Search"), method="filter_query", max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = StateFilter(
        field_name="states", label=_("Country"),
        queryset=ParticipantState.objects.order_by("name"), to_field_name="iso3",
        empty_label=_("All countries"),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", label=_("Theme"), to_field_name="slug",
        queryset=Theme.objects.all(), empty_label=_("All themes"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, method="filter_status",
        empty_label=_("Any status"),
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_query(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(name_ru__icontains=word) | Q(name_en__icontains=word)
                | Q(acronym_ru__icontains=word) | Q(acronym_en__icontains=word)
                | Q(goal_ru__icontains=word) | Q(goal_en__icontains=word)
            )
        return queryset

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.with_status(value) if value else queryset
