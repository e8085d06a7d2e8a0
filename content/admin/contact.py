from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ..models import ContactDetails, ContactMessage
from ..services import contact_message_mark_read, contact_message_mark_unread


@admin.register(ContactDetails)
class ContactDetailsAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """One row (the data migration's): edited, never added or deleted.
    (Adding is refused outright rather than "unless the row exists": the
    admin asks every page's sidebar, and a query there would cost every
    admin page one.)"""

    list_display = ["__str__", "email", "phone", "updated_at"]
    list_filter = []
    search_fields = []
    list_select_related = False
    fieldsets = ((None, {"fields": ("address", "email", "phone")}),)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages are the sender's words: read, marked read or unread, never
    edited or added here. Opening one marks it read."""

    list_display = ["subject", "name", "email", "created_at", "is_read"]
    list_filter = ["is_read", "language", "created_at"]
    search_fields = ["name", "email", "organisation", "subject", "message"]
    list_select_related = False  # read_by is not shown in the list
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-pk"]
    actions = ["mark_read", "mark_unread"]
    readonly_fields = [
        "name", "email", "organisation", "subject", "message", "language", "created_at",
        "is_read", "read_at", "read_by", "notified_at",
    ]
    fieldsets = (
        (None, {"fields": ("name", "email", "organisation", "subject", "message")}),
        (_("Record"), {"fields": (
            "language", "created_at", "notified_at", "is_read", "read_at", "read_by",
        )}),
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing only; marking read/unread goes through the actions.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        message = self.get_object(request, object_id)
        if message is not None and request.method == "GET":
            contact_message_mark_read(message=message, by=request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Mark the selected messages as read"), permissions=["view"])
    def mark_read(self, request, queryset):
        for message in queryset:
            contact_message_mark_read(message=message, by=request.user)
        self._done(request, queryset.count())

    @admin.action(description=_("Mark the selected messages as unread"), permissions=["view"])
    def mark_unread(self, request, queryset):
        for message in queryset:
            contact_message_mark_unread(message=message)
        self._done(request, queryset.count())

    def _done(self, request, count: int) -> None:
        self.message_user(request, ngettext(
            "%(count)d message updated.", "%(count)d messages updated.", count,
        ) % {"count": count}, messages.SUCCESS)
