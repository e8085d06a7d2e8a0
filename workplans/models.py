"""Annual work plans: each Senior Officials' Meeting agrees the work plan
for the next year (Operational Mechanism, section v); its activities name
who carries them out (a participant state, the Chair or the Support Unit),
when, the thematic area and the Regional Action Plan objectives they serve,
how far they have got, and once they happen the meetings or archive
documents that carried them out.

Writes go through ``workplans.services``; reads (and who may see a draft)
through ``workplans.selectors``. The rules live in ``clean()`` here, so the
admin's forms and the services refuse the same things."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actionplan.models import Objective
from archive.models import Document, Theme
from meetings.enums import MeetingKind
from meetings.models import Meeting
from membership.models import ILLUSTRATIVE_HELP, ParticipantState

from .enums import ActivityStatus, Responsible, WorkPlanStatus

# The process was launched in 2013; its first work plan is for 2014.
FIRST_YEAR = 2013


class WorkPlan(models.Model):
    """The work plan of one year: a draft until a Senior Officials' Meeting
    agrees it (``agreed_at``), closed by the secretariat once the year is
    over."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        error_messages={"unique": _("There is already a work plan for this year.")},
    )
    status = models.CharField(
        _("status"), max_length=20, choices=WorkPlanStatus.choices,
        default=WorkPlanStatus.DRAFT,
    )
    agreed_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="work_plans",
        verbose_name=_("agreed at"),
        help_text=_("The Senior Officials' Meeting that agreed the plan; empty while the plan "
                    "is a draft."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=WorkPlanStatus.DRAFT, agreed_at__isnull=True)
                    | (~models.Q(status=WorkPlanStatus.DRAFT) & models.Q(agreed_at__isnull=False))
                ),
                name="workplans_plan_agreed_at_meeting",
                violation_error_message=_(
                    "A plan is a draft until a Senior Officials' Meeting agrees it: an agreed or "
                    "closed plan names that meeting, a draft names none."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Work plan for %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("workplans:year", kwargs={"year": self.year})

    @property
    def is_draft(self) -> bool:
        return self.status == WorkPlanStatus.DRAFT

    def clean(self) -> None:
        super().clean()
        meeting = self.agreed_at if self.agreed_at_id else None
        if meeting is not None and meeting.kind != MeetingKind.SENIOR_OFFICIALS:
            raise ValidationError({"agreed_at": _(
                "A work plan is agreed by a Senior Officials' Meeting; “%(meeting)s” is a "
                "meeting of another kind (%(kind)s).") % {
                    "meeting": meeting.title, "kind": meeting.get_kind_display()}})
        if meeting is not None and self.year and meeting.start.year not in (
                self.year - 1, self.year):
            raise ValidationError({"agreed_at": _(
                "The work plan for %(year)s is agreed by the Senior Officials' Meeting of "
                "%(before)s (or, late, of %(year)s); this meeting was held in %(held)s.") % {
                    "year": self.year, "before": self.year - 1, "held": meeting.start.year}})
        if meeting is None and self.status != WorkPlanStatus.DRAFT:
            raise ValidationError({"agreed_at": _(
                "Choose the Senior Officials' Meeting that agreed the plan (a plan no meeting "
                "has agreed is a draft).")})
        if meeting is not None and self.status == WorkPlanStatus.DRAFT:
            raise ValidationError({"status": _(
                "A plan agreed by a Senior Officials' Meeting is no longer a draft: choose "
                "“agreed” (or “closed” once its year is over).")})


class Activity(models.Model):
    """One activity of a year's work plan."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="activities",
                             verbose_name=_("work plan"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible = models.CharField(
        _("responsible"), max_length=20, choices=Responsible.choices, default=Responsible.STATE,
    )
    responsible_state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, null=True, blank=True,
        related_name="work_plan_activities", verbose_name=_("responsible state"),
    )
    starts_on = models.DateField(pgettext_lazy("period", "from"))
    ends_on = models.DateField(pgettext_lazy("period", "until"))
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True,
        related_name="work_plan_activities", verbose_name=_("thematic area"),
    )
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="work_plan_activities",
        verbose_name=_("Regional Action Plan objectives"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
    )
    meetings = models.ManyToManyField(
        Meeting, blank=True, related_name="work_plan_activities",
        verbose_name=_("carried out at"),
        help_text=_("The meetings at which the activity took place."),
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="work_plan_activities",
        verbose_name=_("documents"),
        help_text=_("Archive documents that record the activity (reports, conclusions)."),
    )
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = _("work plan activity")
        verbose_name_plural = _("work plan activities")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(responsible=Responsible.STATE, responsible_state__isnull=False)
                    | (~models.Q(responsible=Responsible.STATE)
                       & models.Q(responsible_state__isnull=True))
                ),
                name="workplans_activity_state_when_state_responsible",
                violation_error_message=_(
                    "Name the responsible state when a state is responsible, and only then."),
            ),
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="workplans_activity_period_in_order",
                violation_error_message=_("An activity cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.responsible == Responsible.STATE and self.responsible_state_id is None:
            errors.setdefault("responsible_state", []).append(
                _("Choose the participant state responsible for the activity."))
        if self.responsible != Responsible.STATE and self.responsible_state_id is not None:
            errors.setdefault("responsible_state", []).append(
                _("A state is named only when a state is responsible; leave it empty when the "
                  "Chair or the Support Unit is."))
        plan = _plan_of(self)
        if plan is not None:
            self._check_period(plan, errors)
            self._check_open(plan, errors)
        if errors:
            raise ValidationError(errors)

    def _check_period(self, plan: WorkPlan, errors: dict) -> None:
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            errors.setdefault("ends_on", []).append(
                _("An activity cannot end before it starts."))
        for field in ("starts_on", "ends_on"):
            value = getattr(self, field)
            if value and plan.year and value.year != plan.year:
                errors.setdefault(field, []).append(_(
                    "The planned period lies within the plan's year, %(year)s.")
                    % {"year": plan.year})

    def _check_open(self, plan: WorkPlan, errors: dict) -> None:
        """No activity is added to (or moved into) a year already closed."""
        if plan.status != WorkPlanStatus.CLOSED:
            return
        moved = self.pk is not None and not Activity.objects.filter(
            pk=self.pk, plan_id=plan.pk).exists()
        if self.pk is None or moved:
            errors.setdefault("__all__", []).append(_(
                "The work plan for %(year)s is closed: no activity can be added to it.")
                % {"year": plan.year})


def _plan_of(activity: Activity) -> WorkPlan | None:
    """The activity's plan (an inline form's may not be saved yet), or None."""
    try:
        return activity.plan
    except WorkPlan.DoesNotExist:
        return None
