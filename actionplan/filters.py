"""Filters of the admin's lists (the public plan and matrix are not lists)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .enums import ProgressStatus


class HasAnswerFilter(admin.SimpleListFilter):
    title = _("answered")
    parameter_name = "answered"

    def lookups(self, request, model_admin):
        return [("yes", _("Started or done")), ("no", _("Not started"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(
                status__in=(ProgressStatus.IN_PROGRESS, ProgressStatus.DONE)
            )
        if self.value() == "no":
            return queryset.filter(status=ProgressStatus.NOT_STARTED)
        return queryset
