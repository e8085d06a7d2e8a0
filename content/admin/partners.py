from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ..models import Partner
from ..services import partner_save


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "acronym", "kind", "position", "is_shown", "observer"]
    list_editable = ["position", "is_shown"]
    list_filter = ["kind", "is_shown"]
    list_select_related = ["observer"]
    search_fields = ["name_ru", "name_en", "acronym_ru", "acronym_en", "slug"]
    ordering = ["kind", "position", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ["observer"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    history_list_display = ["is_shown"]
    fieldsets = (
        (None, {"fields": ("kind", "name", "acronym", "slug", "description", "website")}),
        (_("On the portal"), {"fields": ("position", "is_shown", "observer")}),
    )

    def save_model(self, request, obj, form, change):
        partner_save(partner=obj)
