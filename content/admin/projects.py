from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from membership.models import ParticipantState

from ..enums import ProjectStatus
from ..models import Project
from ..services import project_save


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ProjectStatus.choices

    def queryset(self, request, queryset):
        return queryset.with_status(self.value()) if self.value() else queryset


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "acronym", "start", "end", "status_display", "is_shown"]
    list_filter = [StatusFilter, "is_shown", "themes", "states"]
    list_select_related = False  # nothing related is shown
    search_fields = ["name_ru", "name_en", "acronym_ru", "acronym_en", "slug"]
    date_hierarchy = "start"
    ordering = ["-start", "slug"]
    autocomplete_fields = ["themes", "documents", "partners"]
    filter_horizontal = ["states"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at"]
    history_list_display = ["is_shown"]
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "goal", "is_shown")}),
        (_("Dates"), {"fields": (("start", "end"),)}),
        (_("Partners and donor"), {"fields": (
            "implementing_partners", "thematic_partners", "partners", "donor",
        )}),
        (_("Countries and themes"), {"fields": ("states", "other_countries", "themes")}),
        (_("Contact"), {"fields": ("website", "contact_email", "contact")}),
        (_("Related documents"), {"fields": ("documents",)}),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        state_admin = self.admin_site._registry.get(ParticipantState)
        if state_admin is not None and state_admin.search_fields:
            fields.append("states")
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "slug" in form.base_fields:
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = _(
                "Leave empty: made from the acronym or the name. Never change it once shown."
            )
        for name in ("name_ru", "name_en"):
            if name in form.base_fields:
                form.base_fields[name].required = False
        return form

    @admin.display(description=_("status"))
    def status_display(self, obj: Project) -> str:
        return ProjectStatus(obj.status_on(timezone.localdate())).label

    def save_model(self, request, obj, form, change):
        # The many-to-many fields follow from the form (save_related).
        project_save(project=obj)
