"""The Support Unit's view of the alert subscriptions: read only (a
subscription is made by its owner's confirmed link, never typed in), with
one action, deleting every subscription of the selected rows' addresses
when their mail bounced. From a mail server's bounce list:
``manage.py alerts_bounces FILE`` (README, "Alerts")."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "topic", "value", "frequency", "language", "is_confirmed",
                    "last_sent_at")
    list_filter = ("topic", "frequency", "language", ("confirmed_at", admin.EmptyFieldListFilter))
    search_fields = ("email", "value")
    list_select_related = ()
    date_hierarchy = "created_at"
    readonly_fields = ("email", "language", "topic", "value", "frequency", "created_at",
                       "confirmed_at", "digest_covered_until", "last_sent_at")
    fieldsets = (
        (None, {"fields": ("email", "language", "topic", "value", "frequency")}),
        (_("Dates"), {"fields": ("created_at", "confirmed_at", "digest_covered_until",
                                 "last_sent_at")}),
    )
    actions = ["delete_bounced"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(boolean=True, description=_("confirmed"))
    def is_confirmed(self, obj: Subscription) -> bool:
        return obj.is_confirmed

    @admin.action(description=_("Delete every subscription of these addresses (mail bounced)"),
                  permissions=["delete"])
    def delete_bounced(self, request, queryset):
        emails = set(queryset.values_list("email", flat=True))
        deleted = services.subscriptions_delete_bounced(emails=emails)
        self.message_user(request, ngettext(
            "%(count)d subscription deleted.", "%(count)d subscriptions deleted.", deleted,
        ) % {"count": deleted}, messages.SUCCESS)
