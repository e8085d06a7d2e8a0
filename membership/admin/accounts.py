"""Accounts and groups, bounded so that nobody lifts an account or a
group above their own powers (the rules are in membership.permissions)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..forms import UserChangeForm, UserCreationForm
from ..models import User
from .filters import RoleFilter


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts. Nobody lifts an account above their own powers (the rules
    are in membership.permissions): to anyone but a superuser, "superuser"
    and the account's own permissions are read-only (a posted value is
    ignored), the groups offered are those whose permissions they hold
    (never "Secretariat administrators"; other groups stay as they are), and
    a superuser's account, another administrator's, or one with powers they
    lack can be seen but not changed, given a new password or deleted (403,
    actions included)."""

    SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")

    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = [
        "email", "full_name", "preferred_language", "is_staff", "is_active", "last_login",
    ]
    list_filter = [
        RoleFilter, "is_staff", "is_superuser", "is_active", "preferred_language", "groups",
    ]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined", "invited_at", "invited_by"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "preferred_language")}),
        (_("Access"), {"fields": (
            "is_active", "is_staff", "is_superuser", "groups", "user_permissions",
        )}),
        (_("Dates"), {"fields": ("last_login", "date_joined", "invited_at", "invited_by")}),
    )
    add_fieldsets = (
        (None, {
            "classes": ("wide",),
            "fields": ("email", "full_name", "preferred_language", "password1", "password2"),
        }),
    )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not permissions.can_manage_superusers(request.user):
            fields += self.SUPERUSER_ONLY_FIELDS
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or permissions.can_manage_account(request.user, obj):
            return fieldsets
        # Seen, not managed: no password summary with its button to a
        # password page that would refuse them.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "password"]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:  # the add form sets no groups or permissions
            return form
        return type(form.__name__, (form,), {"actor": request.user})

    def has_change_permission(self, request, obj=None):
        # Also guards the password page (DjangoUserAdmin.user_change_password).
        return super().has_change_permission(request, obj) and (
            obj is None or permissions.can_manage_account(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        # Per account, also in the "delete selected" action.
        return super().has_delete_permission(request, obj) and (
            obj is None or permissions.can_manage_account(request.user, obj)
        )


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """Django's group admin, bounded like the accounts: anyone but a
    superuser may change or delete only a group whose permissions they hold
    (never "Secretariat administrators"), and give a group only permissions
    they hold themselves. The secretariat's groups grant nobody but
    superusers more than viewing groups (membership.permissions)."""

    list_display = ["name"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or permissions.can_assign_group(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or permissions.can_assign_group(request.user, obj)
        )

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions":
            kwargs["queryset"] = permissions.permissions_grantable_by(request.user)
        return super().formfield_for_manytomany(db_field, request=request, **kwargs)
