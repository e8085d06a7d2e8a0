"""Security: the log of refusals (read only, exported as CSV), and
django-axes' login lockouts, which the secretariat's administrators may
lift."""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.csvsafe import csv_response

from .. import services
from ..models import SecurityEvent


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """The security log, for whoever may view it (the secretariat's
    administrators and superusers; not editors). Nobody adds, changes or
    deletes an event here: only the retention purge deletes them
    (``SECURITY_LOG_RETENTION_DAYS``). The selection exports as CSV."""

    list_display = [
        "occurred_at", "kind", "username", "ip_address", "method", "path", "count",
        "last_occurred_at",
    ]
    list_filter = ["kind", ("occurred_at", admin.DateFieldListFilter)]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "occurred_at"
    list_select_related = ["user"]
    fieldsets = [
        (None, {"fields": ["kind", "occurred_at", "last_occurred_at", "count", "detail"]}),
        (_("Who"), {"fields": ["username", "user", "ip_address", "user_agent"]}),
        (_("Request"), {"fields": ["method", "path"]}),
    ]
    readonly_fields = [
        "kind", "occurred_at", "last_occurred_at", "count", "detail", "username", "user",
        "ip_address", "user_agent", "method", "path",
    ]
    actions = ["export_csv"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Export the selected events as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        header = [
            _("when (UTC)"), _("last repeated (UTC)"), _("times"), _("what was refused"),
            _("claimed account"), _("client address"), _("method"), _("path"), _("browser"),
            _("detail"),
        ]
        rows = (
            [
                event.occurred_at.isoformat(), event.last_occurred_at.isoformat(), event.count,
                event.get_kind_display(), event.username, event.ip_address or "",
                event.method, event.path, event.user_agent, event.detail,
            ]
            for event in queryset.order_by("occurred_at", "pk")
        )
        return csv_response(
            filename=f"security-log-{timezone.now().date().isoformat()}.csv",
            header=header, rows=rows,
        )


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoginLockoutAdmin(AccessAttemptAdmin):
    """django-axes' failed sign-in attempts, one row per account, address
    and browser within the cool-off: five on one row lock that account out
    from that address (fifty from one address lock the address). Lifting a
    lockout forgets the attempts (the secretariat's administrators may)."""

    actions = ["lift_lockout", "cleanup_expired_attempts"]

    @admin.action(
        description=_("Lift the lockout: forget the selected failed sign-ins"),
        permissions=["delete"],
    )
    def lift_lockout(self, request, queryset):
        count = services.login_lockouts_lift(attempts=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed sign-in record forgotten; its lockout is lifted.",
                "%(count)d failed sign-in records forgotten; their lockouts are lifted.",
                count,
            ) % {"count": count},
            messages.SUCCESS,
        )
