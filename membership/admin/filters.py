"""The membership admin's list filters: a state's status today and its
no-objection deadline, a term in office, an account's role."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..enums import MembershipStatus
from ..models import FocalPoint, MembershipPeriod, NationalCoordinator


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
