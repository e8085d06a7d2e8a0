"""Secretariat admin of the work plans: a year's plan (RU/EN tabs, audit
history) with its activities inline, and the activities on their own for
finding them across years (by status, state, thematic area). The rules are
the models' ``clean()``, which the forms run: a refused plan or activity
(a meeting of another kind, a period outside the year, an activity added
to a closed year) comes back with its error and the input kept."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Activity, WorkPlan

ACTIVITY_FIELDS = (
    "order", "title", "description", "responsible", "responsible_state", "starts_on", "ends_on",
    "theme", "objectives", "status", "meetings", "documents", "illustrative",
)


class ActivityInline(TranslationStackedInline):
    model = Activity
    extra = 0
    fields = ACTIVITY_FIELDS
    autocomplete_fields = ("responsible_state", "theme", "meetings", "documents")


@admin.register(WorkPlan)
class WorkPlanAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("year", "status", "agreed_at", "activity_count", "illustrative")
    list_filter = ("status", "illustrative")
    search_fields = ("=year",)
    list_select_related = ("agreed_at",)
    autocomplete_fields = ("agreed_at",)
    fieldsets = (
        (None, {"fields": ("year", "status", "agreed_at", "illustrative")}),
        (_("Introduction"), {"fields": ("introduction",)}),
    )
    inlines = (ActivityInline,)
    actions = ("close_plans",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(activity_total=Count("activities"))

    @admin.display(description=_("activities"), ordering="activity_total")
    def activity_count(self, obj):
        return obj.activity_total

    @admin.action(description=_("Close the selected plans (their year is over)"))
    def close_plans(self, request, queryset):
        for plan in queryset:
            try:
                services.workplan_close(plan=plan)
            except ValidationError as exc:
                self.message_user(request, f"{plan}: {'; '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("%(plan)s closed.") % {"plan": plan})


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("title", "plan", "responsible", "responsible_state", "starts_on", "ends_on",
                    "theme", "status", "illustrative")
    list_filter = ("status", "responsible", "plan__year", "responsible_state", "theme",
                   "illustrative")
    search_fields = ("title_ru", "title_en", "description_ru", "description_en")
    list_select_related = ("plan", "responsible_state", "theme")
    autocomplete_fields = ("plan", "responsible_state", "theme", "meetings", "documents")
    fields = ("plan", *ACTIVITY_FIELDS)
