"""Secretariat admin of the register: each outcome (recorded with its
meeting, in the meeting's admin) with its follow-up items inline, and the
follow-up items on their own (by status, state, due date) with their audit
history. Every write goes through decisions.services."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .enums import OPEN_STATUSES
from .models import FollowUpItem, RegisterOutcome

_ITEM_FIELDS = [
    ("position", "responsible", "state"), "action", ("due_on", "status"), "note", "evidence",
    "illustrative",
]


class FollowUpItemInline(TranslationStackedInline):
    model = FollowUpItem
    extra = 0
    fields = _ITEM_FIELDS
    autocomplete_fields = ["evidence"]


@admin.register(RegisterOutcome)
class RegisterOutcomeAdmin(admin.ModelAdmin):
    """The outcome itself is edited with its meeting (a link says where);
    here its follow-up items."""

    inlines = [FollowUpItemInline]
    list_display = ["short_text", "kind", "meeting", "adopted_on", "access", "published_at",
                    "open_items"]
    list_filter = ["kind", "access", "meeting__kind"]
    list_select_related = ["meeting"]
    search_fields = ["text_ru", "text_en", "meeting__title_ru", "meeting__title_en"]
    date_hierarchy = "adopted_on"
    ordering = ["-adopted_on", "-pk"]
    fields = ["meeting_link", "kind", "adopted_on", "text", "access", "published_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            open_count=Count("follow_up_items",
                             filter=Q(follow_up_items__status__in=OPEN_STATUSES)),
        )

    def has_add_permission(self, request):
        return False  # an outcome is recorded with its meeting

    def has_delete_permission(self, request, obj=None):
        return False  # likewise removed there (refused while follow-up items exist)

    @admin.display(description=_("text"))
    def short_text(self, obj) -> str:
        return Truncator(obj.text or "").words(16)

    @admin.display(description=_("open follow-up items"), ordering="open_count")
    def open_items(self, obj) -> int:
        return obj.open_count

    @admin.display(description=_("meeting"))
    def meeting_link(self, obj) -> str:
        url = reverse("admin:meetings_meeting_change", args=[obj.meeting_id])
        return format_html('<a href="{}">{}</a> ({})', url, obj.meeting,
                           _("edit the outcome there"))

    def save_formset(self, request, form, formset, change):
        items = formset.save(commit=False)
        for item in formset.deleted_objects:
            item.delete()
        for item in items:
            services.follow_up_save(item=item, user=request.user)
        formset.save_m2m()


@admin.register(FollowUpItem)
class FollowUpItemAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["short_action", "outcome", "responsible", "state", "due_on", "status",
                    "illustrative"]
    list_filter = ["status", "responsible", "state", "illustrative"]
    list_select_related = ["outcome__meeting", "state"]
    search_fields = ["action_ru", "action_en", "note", "outcome__text_ru", "outcome__text_en"]
    date_hierarchy = "due_on"
    ordering = ["due_on", "pk"]
    autocomplete_fields = ["evidence"]
    readonly_fields = ["created_at", "updated_at", "updated_by"]
    history_list_display = ["status"]
    fieldsets = (
        (None, {"fields": ["outcome", *_ITEM_FIELDS]}),
        (_("Record"), {"classes": ("collapse",), "fields": (
            "created_at", "updated_at", "updated_by",
        )}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("outcome__meeting", "state")

    def get_readonly_fields(self, request, obj=None):
        # An item stays with the outcome it follows up.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "outcome"] if obj is not None else fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outcome":
            kwargs["queryset"] = RegisterOutcome.objects.select_related("meeting").order_by(
                "-adopted_on", "-pk")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "outcome":
            field.label_from_instance = lambda outcome: f"{outcome.meeting.title} · {outcome}"
        return field

    @admin.display(description=pgettext_lazy("follow-up", "what is to be done"))
    def short_action(self, obj) -> str:
        return Truncator(obj.action or "").words(16)

    def save_model(self, request, obj, form, change):
        services.follow_up_save(item=obj, user=request.user)
