"""The observer organisations' admin and their focal points (invited to
the portal like the coordinators)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .. import services
from ..models import FocalPoint, Organisation
from .common import HistoryAdmin, InviteActionsMixin
from .filters import InOfficeFilter


class FocalPointInline(TranslationTabularInline):
    model = FocalPoint
    fields = ["full_name", "position", "email", "phone", "start", "end", "user"]
    autocomplete_fields = ["user"]
    extra = 0
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "acronym", "kind", "is_active", "website"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_ru", "name_en", "acronym_ru", "acronym_en", "slug"]
    ordering = ["name_ru"]
    prepopulated_fields = {"slug": ("name_en",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {
            "fields": ("kind", "name", "acronym", "slug"),
            "description": _(
                "A civil-society organisation is not an observer: it is invited to a meeting "
                "case by case with the participant states' consent, and nominates its "
                "delegation by a nomination letter (only states send a note verbale). The "
                "records with the slugs “unhcr” and “iom” are shown on the public pages as "
                "partners of the process."
            ),
        }),
        (_("Details"), {"fields": ("website", "is_active")}),
    )
    inlines = [FocalPointInline]

    def save_model(self, request, obj, form, change):
        """Through the service, which tells the apps that depend on the kind
        (a civil-society organisation's invitations await consent)."""
        for message in services.organisation_save(organisation=obj, user=request.user):
            self.message_user(request, message, level=messages.WARNING)


@admin.register(FocalPoint)
class FocalPointAdmin(InviteActionsMixin, HistoryAdmin, TabbedTranslationAdmin):
    list_display = ["full_name", "organisation", "position", "start", "end", "in_office", "user"]
    list_filter = [InOfficeFilter, "organisation"]
    list_select_related = ["organisation", "user"]
    search_fields = [
        "full_name_ru", "full_name_en", "email", "organisation__name_ru",
        "organisation__name_en", "organisation__acronym_ru", "organisation__acronym_en",
    ]
    ordering = ["organisation__name_ru", "-start"]
    autocomplete_fields = ["organisation", "user"]
    actions = ["invite_in_russian", "invite_in_english"]
    fieldsets = (
        (None, {"fields": ("organisation", "full_name", "position")}),
        (_("Contacts"), {"fields": ("email", "phone")}),
        (_("Term"), {"fields": ("start", "end")}),
        (_("Portal account"), {"fields": ("user",)}),
    )
    invite_service = staticmethod(services.focal_point_invite)
    invite_argument = "focal_point"

    @admin.display(description=_("in office"), boolean=True)
    def in_office(self, focal_point: FocalPoint) -> bool:
        return focal_point.in_office
