"""Reads of the work plans, and who may see what (one place):

- an agreed or closed plan is public, in both languages;
- a draft is not public: it is the text the next Senior Officials' Meeting
  negotiates, so only the Support Unit (staff) and the national
  coordinators of participant states see it (``may_see_drafts``), on the
  pages and on their dashboards; a SOM's briefing pack carries it to the
  delegations before the meeting (workplans.panels);
- an activity's documents are those the visitor may see under the
  archive's access rule (``archive.selectors.documents_visible_to``);
  in a pack (no user) the public ones only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from actionplan.models import Objective
from archive.selectors import documents_visible_to
from meetings.models import Meeting
from membership.permissions import roles_of

from .enums import ActivityStatus, WorkPlanStatus
from .models import Activity, WorkPlan

GROUP_BY_THEME = "theme"
GROUP_BY_STATUS = "status"
GROUPINGS = (GROUP_BY_THEME, GROUP_BY_STATUS)


def may_see_drafts(user) -> bool:
    """Staff and the coordinators of participant states."""
    return roles_of(user).is_participant


def plans_visible_to(*, user) -> QuerySet[WorkPlan]:
    """The plans this visitor may see, latest year first, with the number
    of their activities."""
    plans = WorkPlan.objects.select_related("agreed_at").annotate(
        activity_count=Count("activities"))
    if not may_see_drafts(user):
        plans = plans.exclude(status=WorkPlanStatus.DRAFT)
    return plans.order_by("-year")


def plan_for_year(*, year: int, user) -> WorkPlan | None:
    return plans_visible_to(user=user).filter(year=year).first()


def public_plans() -> QuerySet[WorkPlan]:
    """What the sitemap lists: the plans anyone may see."""
    return WorkPlan.objects.exclude(status=WorkPlanStatus.DRAFT).order_by("-year")


def _activities(*, user) -> QuerySet[Activity]:
    """Activities with everything a page shows, in a fixed number of
    queries however many there are."""
    return Activity.objects.select_related("theme", "responsible_state", "plan").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.select_related("area__plan").order_by(
            "area__plan__version", "area__number", "order")),
        Prefetch("meetings", queryset=Meeting.objects.order_by("start", "pk")),
        Prefetch("documents", queryset=documents_visible_to(user=user).defer(
            "search_ru", "search_en", "search_plain").order_by("-date", "pk")),
    ).order_by("order", "pk")


@dataclass
class ActivityGroup:
    key: str
    label: str
    activities: list[Activity] = field(default_factory=list)


def _theme_groups(activities: list[Activity]) -> list[ActivityGroup]:
    groups: dict[int | None, ActivityGroup] = {}
    themes = sorted({a.theme for a in activities if a.theme is not None},
                    key=lambda theme: (theme.position, theme.slug))
    for theme in themes:
        groups[theme.pk] = ActivityGroup(key=theme.slug, label=theme.name)
    for activity in activities:
        if activity.theme_id is None and None not in groups:
            groups[None] = ActivityGroup(key="none", label=str(_("No thematic area")))
        groups[activity.theme_id].activities.append(activity)
    return list(groups.values())


def _status_groups(activities: list[Activity]) -> list[ActivityGroup]:
    groups = [ActivityGroup(key=value, label=str(label))
              for value, label in ActivityStatus.choices]
    by_key = {group.key: group for group in groups}
    for activity in activities:
        by_key[activity.status].activities.append(activity)
    return [group for group in groups if group.activities]


def activities_grouped(*, plan: WorkPlan, user, by: str) -> list[ActivityGroup]:
    """The plan's activities grouped by thematic area (in the archive's
    order of themes, those without one last) or by status."""
    activities = list(_activities(user=user).filter(plan=plan))
    if by == GROUP_BY_STATUS:
        return _status_groups(activities)
    return _theme_groups(activities)


def status_counts(*, plan: WorkPlan) -> list[tuple[str, str, int]]:
    """(status, label, number of activities) for the statuses the plan has."""
    counts = dict(plan.activities.values_list("status").annotate(n=Count("pk")).order_by())
    return [(value, str(label), counts[value])
            for value, label in ActivityStatus.choices if counts.get(value)]


def dashboard_activities(*, user, today) -> list[Activity]:
    """A coordinator's dashboard: their state's activities in the plans of
    this year and the next that they may see (drafts only for participant
    states' coordinators). Empty for anyone who is no coordinator."""
    state = roles_of(user).state
    if state is None:
        return []
    activities = Activity.objects.select_related("plan").filter(
        responsible_state=state, plan__year__in=(today.year, today.year + 1))
    if not may_see_drafts(user):
        activities = activities.exclude(plan__status=WorkPlanStatus.DRAFT)
    # One query: the panel shows titles, plans, periods and statuses only.
    return list(activities.order_by("plan__year", "starts_on", "order", "pk"))


@dataclass
class PackPlans:
    """What a SOM's briefing pack shows of the work plans."""

    coming_year: int
    coming: WorkPlan | None
    coming_groups: list[ActivityGroup]
    current_year: int
    current: WorkPlan | None
    current_groups: list[ActivityGroup]
    current_counts: list[tuple[str, str, int]]


def pack_plans(*, meeting: Meeting, show_draft: bool) -> PackPlans:
    """For the pack of a Senior Officials' Meeting held in year Y: the plan
    for Y+1 (the draft it discusses, or the plan it agreed) and the report
    on the plan for Y. ``show_draft`` False leaves a draft's activities out
    (the pack may be read by the public)."""
    year = meeting.start.year
    plans = {plan.year: plan for plan in WorkPlan.objects.select_related("agreed_at").filter(
        year__in=(year, year + 1))}
    coming = plans.get(year + 1)
    if coming is not None and coming.is_draft and not show_draft:
        coming = None
    current = plans.get(year)
    if current is not None and current.is_draft:
        current = None
    return PackPlans(
        coming_year=year + 1, coming=coming,
        coming_groups=activities_grouped(plan=coming, user=None, by=GROUP_BY_THEME)
        if coming else [],
        current_year=year, current=current,
        current_groups=activities_grouped(plan=current, user=None, by=GROUP_BY_STATUS)
        if current else [],
        current_counts=status_counts(plan=current) if current else [],
    )
