"""A SOM's briefing pack shows the draft plan for the coming year and the
report on the current one (workplans.panels): when a plan or an activity
changes, the packs of the Senior Officials' Meetings that show it are
told (meetings.hooks.pack_contents_changed), whatever wrote the change
(services, the admin, the demo)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from meetings.enums import MeetingKind
from meetings.hooks import pack_contents_changed
from meetings.models import Meeting

from .models import Activity, WorkPlan


def soms_showing(*, years: set[int], extra: set[int] = frozenset()) -> list[int]:
    """The Senior Officials' Meetings whose packs show the plans of
    ``years``: a SOM of year Y shows the plan for Y+1 (the draft it
    discusses) and the plan for Y (the report); plus the meetings that
    agreed them (``extra``)."""
    shown_in = {year - 1 for year in years} | set(years)
    ids = set(Meeting.objects.filter(
        kind=MeetingKind.SENIOR_OFFICIALS, start__year__in=sorted(shown_in),
    ).values_list("pk", flat=True))
    return sorted(ids | {pk for pk in extra if pk is not None})


def _tell(years: set[int], extra: set[int] = frozenset()) -> None:
    meeting_ids = soms_showing(years=years, extra=extra)
    if meeting_ids:
        pack_contents_changed.send(sender=WorkPlan, meeting_ids=meeting_ids)


def remember_plan(sender, instance, raw=False, **kwargs):
    # A plan moved to another year or meeting leaves the earlier packs too.
    instance._workplans_before = (
        WorkPlan.objects.filter(pk=instance.pk).values_list("year", "agreed_at_id").first()
        if instance.pk and not raw else None
    )


def plan_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    years, extra = {instance.year}, {instance.agreed_at_id}
    before = getattr(instance, "_workplans_before", None)
    if before:
        years.add(before[0])
        extra.add(before[1])
    _tell(years, extra)


def activity_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    plan = WorkPlan.objects.filter(pk=instance.plan_id).values_list(
        "year", "agreed_at_id").first()
    if plan is not None:
        _tell({plan[0]}, {plan[1]})


def activity_links_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Activity):
        activity_changed(Activity, instance)


pre_save.connect(remember_plan, sender=WorkPlan, dispatch_uid="workplans_remember_plan")
post_save.connect(plan_changed, sender=WorkPlan, dispatch_uid="workplans_plan_saved")
post_delete.connect(plan_changed, sender=WorkPlan, dispatch_uid="workplans_plan_deleted")
post_save.connect(activity_changed, sender=Activity, dispatch_uid="workplans_activity_saved")
post_delete.connect(activity_changed, sender=Activity, dispatch_uid="workplans_activity_deleted")
for _field in ("objectives", "meetings", "documents"):
    m2m_changed.connect(activity_links_changed, sender=getattr(Activity, _field).through,
                        dispatch_uid=f"workplans_activity_{_field}")
