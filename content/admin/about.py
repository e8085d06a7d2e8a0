from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ..models import AboutSection, HistoryEntry
from ..services import about_section_save, history_entry_save


@admin.register(AboutSection)
class AboutSectionAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "slug", "position", "is_shown", "updated_at"]
    list_editable = ["position", "is_shown"]
    list_filter = ["is_shown"]
    search_fields = ["title_ru", "title_en", "slug"]
    ordering = ["position", "pk"]
    prepopulated_fields = {"slug": ("title_en",)}
    history_list_display = ["is_shown"]
    fieldsets = (
        (None, {"fields": ("title", "body")}),
        (_("On the page"), {"fields": ("slug", "position", "is_shown")}),
    )

    def save_model(self, request, obj, form, change):
        about_section_save(section=obj)


@admin.register(HistoryEntry)
class HistoryEntryAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "date", "year_only", "is_shown"]
    list_editable = ["is_shown"]
    list_filter = ["is_shown"]
    search_fields = ["title_ru", "title_en", "description_ru", "description_en"]
    date_hierarchy = "date"
    ordering = ["date", "pk"]
    history_list_display = ["is_shown"]
    fieldsets = ((None, {"fields": ("date", "year_only", "title", "description", "is_shown")}),)

    def save_model(self, request, obj, form, change):
        history_entry_save(entry=obj)
