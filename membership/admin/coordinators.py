"""The national coordinators' admin: terms appointed and saved through
the services, invitations to the portal, and the replacement of a
coordinator (its own page: one service call ends the term and starts the
next)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.dates import date_label

from .. import services
from ..forms import CoordinatorReplaceForm, NationalCoordinatorAdminForm
from ..models import NationalCoordinator
from .common import HistoryAdmin, InviteActionsMixin
from .filters import InOfficeFilter


@admin.register(NationalCoordinator)
class NationalCoordinatorAdmin(InviteActionsMixin, HistoryAdmin, TabbedTranslationAdmin):
    form = NationalCoordinatorAdminForm
    change_form_template = "admin/membership/nationalcoordinator/change_form.html"
    list_display = ["full_name", "state", "agency", "start", "end", "in_office", "account"]
    list_filter = [InOfficeFilter, "state"]
    list_select_related = ["state", "user"]
    search_fields = [
        "full_name_ru", "full_name_en", "email", "agency_ru", "agency_en",
        "state__name_ru", "state__name_en", "user__email",
    ]
    ordering = ["state__name_ru", "-start"]
    autocomplete_fields = ["state", "user"]
    actions = ["replace_coordinator", "invite_in_russian", "invite_in_english"]
    fieldsets = (
        (None, {"fields": ("state", "full_name")}),
        (_("Position"), {"fields": ("position", "agency")}),
        (_("Contacts"), {"fields": ("email", "phone")}),
        (_("Term"), {"fields": ("start", "end", "end_reason")}),
        (_("Portal account"), {"fields": ("user",)}),
    )
    invite_service = staticmethod(services.coordinator_invite)
    invite_argument = "coordinator"

    def get_readonly_fields(self, request, obj=None):
        # A term belongs to its state: a move would rewrite two histories.
        return ["state"] if obj is not None else []

    @admin.display(description=_("in office"), boolean=True)
    def in_office(self, coordinator: NationalCoordinator) -> bool:
        return coordinator.in_office

    @admin.display(description=_("portal account"))
    def account(self, coordinator: NationalCoordinator) -> str:
        return coordinator.user.email if coordinator.user else "—"

    def save_model(self, request, obj, form, change):
        if change:
            services.coordinator_save(coordinator=obj)
            return
        data = form.cleaned_data
        created = services.coordinator_appoint(
            state=data["state"], start=data["start"], end=data.get("end"),
            end_reason=data.get("end_reason") or "", user=data.get("user"),
            **{name: data.get(name) or "" for name in services.COORDINATOR_FIELDS},
        )
        obj.pk = created.pk

    # --- Replacing the coordinator ------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/replace/",
                self.admin_site.admin_view(self.replace_view),
                name="membership_nationalcoordinator_replace",
            ),
            *super().get_urls(),
        ]

    @admin.action(permissions=["add"], description=_("Replace the selected coordinator"))
    def replace_coordinator(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Select exactly one coordinator to replace."), messages.WARNING
            )
            return None
        url = reverse("admin:membership_nationalcoordinator_replace", args=[queryset.get().pk])
        return HttpResponseRedirect(url)

    def replace_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """A new coordinator takes over: one service call ends the current
        term the day before and starts the new one."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        current = get_object_or_404(
            NationalCoordinator.objects.select_related("state"), pk=unquote(object_id)
        )
        if current.end is not None and current.end < timezone.localdate():
            self.message_user(
                request, _("%(person)s is no longer in office: there is nobody to replace.")
                % {"person": current.full_name}, messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:membership_nationalcoordinator_change", args=[current.pk])
            )
        form = CoordinatorReplaceForm(request.POST or None, state=current.state)
        if request.method == "POST" and form.is_valid():
            try:
                new = services.coordinator_replace(
                    state=current.state, start=form.cleaned_data["start"],
                    **form.service_fields(),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                self.log_change(request, current, [{"changed": {"fields": ["end"]}}])
                self.log_addition(request, new, [{"added": {}}])
                self.message_user(
                    request,
                    _("%(new)s is the national coordinator of %(state)s from %(start)s; the "
                      "term of %(old)s ended the day before.") % {
                        "new": new.full_name, "state": current.state,
                        "start": date_label(new.start),
                        "old": current.full_name,
                    },
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:membership_nationalcoordinator_change", args=[new.pk])
                )
        admin_form = helpers.AdminForm(
            form, [(None, {"fields": list(form.fields)})], prepopulated_fields={},
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Replace the national coordinator of %(state)s")
            % {"state": current.state},
            "opts": self.opts,
            "original": current,
            "adminform": admin_form,
            "form": form,
            "errors": helpers.AdminErrorList(form, []),
        }
        return TemplateResponse(
            request, "admin/membership/nationalcoordinator/replace.html", context
        )
