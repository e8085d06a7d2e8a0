"""The secretariat's admin for states, their membership history, national
coordinators, observer organisations and their focal points, and accounts.

Every write that has rules beyond one row goes through the services: the
forms run the same checks first, so a second active coordinator, overlapping
terms or periods, or dates in the wrong order come back as translated form
errors and nothing is saved."""

from __future__ import annotations

import io

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.csvsafe import csv_bytes

from . import permissions, selectors, services
from .enums import Language, MembershipStatus
from .formatting import date_label
from .forms import (
    CoordinatorReplaceForm,
    MembershipPeriodFormSet,
    MembershipPeriodInlineForm,
    NationalCoordinatorAdminForm,
    ParticipantStateAdminForm,
    UserChangeForm,
    UserCreationForm,
)
from .models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
    SecurityEvent,
    User,
)

# --- List filters ------------------------------------------------------------------

class CurrentStatusFilter(admin.SimpleListFilter):
    """A state's status today (the period covering today's date)."""

    title = _("current status")
    parameter_name = "status"
    NONE = "none"

    def lookups(self, request, model_admin):
        return [*MembershipStatus.choices, (self.NONE, _("No current status"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() in MembershipStatus.values:
            matching = selectors.states_with_status_on(on=today, status=self.value())
            return queryset.filter(pk__in=matching.values("pk"))
        if self.value() == self.NONE:
            covered = MembershipPeriod.objects.filter(start__lte=today).filter(
                Q(end__isnull=True) | Q(end__gte=today)
            )
            return queryset.exclude(pk__in=covered.values("state_id"))
        return queryset


class DeadlinePassedFilter(admin.SimpleListFilter):
    """Pending states whose no-objection deadline passed with no outcome
    recorded: the secretariat records it with the actions below."""

    title = _("no-objection procedure")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("passed", _("Deadline passed without outcome"))]

    def queryset(self, request, queryset):
        if self.value() == "passed":
            return queryset.filter(pk__in=selectors.states_pending_past_deadline().values("pk"))
        return queryset


class InOfficeFilter(admin.SimpleListFilter):
    """In office today (a date range holding today), former (ended before
    today) or appointed from a later date."""

    title = _("in office")
    parameter_name = "active"

    def lookups(self, request, model_admin):
        return [("yes", _("In office")), ("no", _("Former")), ("future", _("Not yet in office"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "yes":
                return queryset.in_office(on=today)
            case "no":
                return queryset.filter(end__lt=today)
            case "future":
                return queryset.filter(start__gt=today)
        return queryset


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [
            ("staff", _("Secretariat staff")),
            ("coordinator", _("National coordinator")),
            ("focal_point", _("Observer focal point")),
            ("none", _("No role")),
        ]

    def queryset(self, request, queryset):
        coordinator = Exists(NationalCoordinator.objects.in_office().filter(user=OuterRef("pk")))
        focal_point = Exists(FocalPoint.objects.in_office().filter(user=OuterRef("pk")))
        match self.value():
            case "staff":
                return queryset.filter(is_staff=True)
            case "coordinator":
                return queryset.filter(coordinator)
            case "focal_point":
                return queryset.filter(focal_point)
            case "none":
                return queryset.filter(is_staff=False).exclude(coordinator).exclude(focal_point)
        return queryset


# --- Audit history ------------------------------------------------------------------

class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's history pages (who, when, what changed), read only:
    reverting to an old version would write around the services' rules
    (overlapping terms and periods, the state's lock, the signals). The
    history list is templates/simple_history/object_history_list.html, which
    drops simple_history's inline style (the CSP forbids inline styles). It
    comes before modeltranslation's admin in the MRO, as in the archive;
    both call super()."""

    def revert_disabled(self, request, obj=None) -> bool:
        return True


# --- Invitations (an action shared by coordinators and focal points) -----------------

class InviteActionsMixin:
    """Two actions: invite in Russian or in English. The language only
    applies to a person without an account yet; an existing account gets the
    email in its own preferred language."""

    invite_service = None  # services.coordinator_invite or services.focal_point_invite
    invite_argument = ""

    def has_invite_permission(self, request: HttpRequest) -> bool:
        return permissions.can_invite_people(request.user)

    def _invite(self, request: HttpRequest, queryset, language: str) -> None:
        base_url = request.build_absolute_uri("/")
        sent = 0
        for person in queryset.select_related("user"):
            try:
                self.invite_service(
                    **{self.invite_argument: person}, invited_by=request.user,
                    language=language, base_url=base_url,
                )
            except ValidationError as exc:
                for message in exc.messages:
                    self.message_user(request, message, messages.ERROR)
            else:
                sent += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "Sent %(count)d invitation to the portal.",
                    "Sent %(count)d invitations to the portal.",
                    sent,
                ) % {"count": sent},
                messages.SUCCESS,
            )

    @admin.action(
        permissions=["invite"],
        description=_("Invite to the portal (new accounts: emails in Russian)"),
    )
    def invite_in_russian(self, request, queryset):
        self._invite(request, queryset, Language.RUSSIAN)

    @admin.action(
        permissions=["invite"],
        description=_("Invite to the portal (new accounts: emails in English)"),
    )
    def invite_in_english(self, request, queryset):
        self._invite(request, queryset, Language.ENGLISH)


# --- States --------------------------------------------------------------------------

class MembershipPeriodInline(admin.TabularInline):
    model = MembershipPeriod
    form = MembershipPeriodInlineForm
    formset = MembershipPeriodFormSet
    extra = 0
    ordering = ["start"]
    verbose_name_plural = _("membership history")


class NationalCoordinatorHistoryInline(admin.TabularInline):
    """Read-only: terms are added, replaced and ended on the coordinator pages."""

    model = NationalCoordinator
    fields = ["full_name", "agency", "start", "end", "end_reason"]
    readonly_fields = fields
    ordering = ["-start"]
    extra = 0
    show_change_link = True
    can_delete = False
    verbose_name_plural = _("national coordinators over time")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ParticipantState)
class ParticipantStateAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = [
        "name_ru", "name_en", "iso2", "iso3", "current_status", "joined", "active_coordinator",
    ]
    list_filter = [CurrentStatusFilter, DeadlinePassedFilter]
    search_fields = ["name_ru", "name_en", "official_name_ru", "official_name_en", "iso2", "iso3"]
    actions = ["record_no_objection", "record_objection"]
    ordering = ["name_ru"]
    form = ParticipantStateAdminForm
    fieldsets = (
        (None, {"fields": ("name", "official_name", "iso2", "iso3")}),
        (_("Place in the chairmanship rotation"), {
            "fields": ("rotation_key", "confirm_rotation_key_change"),
            "description": _(
                "The rotation of the chairmanship follows the English alphabetical order of "
                "these keys. Changing this state's key moves it in the rotation: every "
                "projected term and the turns of the states around it change."
            ),
        }),
    )
    inlines = [MembershipPeriodInline, NationalCoordinatorHistoryInline]
    object_history_template = "admin/membership/participantstate/object_history.html"

    def get_queryset(self, request):
        return selectors.states_for_listing()

    def history_view(self, request, object_id, extra_context=None):
        """The state's history, and below it that of its membership
        periods (which are edited on the state's page)."""
        records = MembershipPeriod.history.filter(state_id=unquote(object_id)).select_related(
            "history_user"
        )
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}), "period_records": records},
        )

    @admin.display(description=_("current status"))
    def current_status(self, state: ParticipantState) -> str:
        period = state.current_period
        if period is None:
            return "—"
        if period.objection:
            return _("Objection raised: did not join")
        if period.status == MembershipStatus.PENDING:
            return _("%(status)s (deadline %(date)s)") % {
                "status": period.get_status_display(), "date": date_label(period.deadline),
            }
        return period.get_status_display()

    @admin.display(description=_("participant since"))
    def joined(self, state: ParticipantState) -> str:
        return date_label(state.joined_on)

    @admin.display(description=_("national coordinator"))
    def active_coordinator(self, state: ParticipantState) -> str:
        active = state.active_coordinators
        if not active:
            return "—"
        url = reverse("admin:membership_nationalcoordinator_change", args=[active[0].pk])
        return format_html('<a href="{}">{}</a>', url, active[0].full_name)

    # --- The outcome of a no-objection procedure ------------------------------------

    def _record_outcome(self, request, queryset, *, objection: bool) -> None:
        for state in queryset:
            try:
                period = services.membership_record_pending_outcome(
                    state=state, objection=objection
                )
            except ValidationError as exc:
                for message in exc.messages:
                    self.message_user(request, message, messages.ERROR)
                continue
            if objection:
                message = _("%(state)s: the objection is recorded; the pending period ended on "
                            "%(date)s.") % {"state": state, "date": date_label(period.end)}
            else:
                message = _("%(state)s is a participant from %(date)s.") % {
                    "state": state, "date": date_label(period.start),
                }
            self.log_change(request, state, message)
            self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        permissions=["change"],
        description=_("No-objection deadline passed: no objection, participant from the next "
                      "day"),
    )
    def record_no_objection(self, request, queryset):
        self._record_outcome(request, queryset, objection=False)

    @admin.action(
        permissions=["change"],
        description=_("No-objection deadline passed: an objection was raised"),
    )
    def record_objection(self, request, queryset):
        self._record_outcome(request, queryset, objection=True)

    def save_model(self, request, obj, form, change):
        if change:
            self._warnings(request).extend(services.state_save(state=obj))
        else:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not MembershipPeriod:
            super().save_formset(request, form, formset, change)
            return
        changed = formset.save(commit=False)
        if changed or formset.deleted_objects:
            self._warnings(request).extend(services.membership_periods_save(
                state=form.instance, changed=changed, deleted=formset.deleted_objects
            ))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # What changed elsewhere because of this save (coordinators' terms
        # ended, chair terms that became inconsistent), once each.
        for warning in dict.fromkeys(self._warnings(request)):
            self.message_user(request, warning, messages.WARNING)

    @staticmethod
    def _warnings(request: HttpRequest) -> list[str]:
        if not hasattr(request, "_membership_warnings"):
            request._membership_warnings = []
        return request._membership_warnings


# --- National coordinators --------------------------------------------------------------

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


# --- Observers ------------------------------------------------------------------------

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
        (None, {"fields": ("kind", "name", "acronym", "slug")}),
        (_("Details"), {"fields": ("website", "is_active")}),
    )
    inlines = [FocalPointInline]


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


# --- Accounts ---------------------------------------------------------------------------

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


# --- Groups ------------------------------------------------------------------------------

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


# --- Security: the log of refusals, and login lockouts ----------------------------------


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
        return FileResponse(
            io.BytesIO(csv_bytes([header, *rows])),
            as_attachment=True,
            filename=f"security-log-{timezone.now().date().isoformat()}.csv",
            content_type="text/csv; charset=utf-8",
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
