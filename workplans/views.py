"""The work plans' public pages: the list of years and a year's plan.
Reads and the rule on drafts in workplans.selectors."""

from __future__ import annotations

from django.http import Http404
from django.views.generic import TemplateView

from . import selectors


class WorkPlanIndexView(TemplateView):
    template_name = "workplans/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = list(selectors.plans_visible_to(user=self.request.user))
        return context


class WorkPlanYearView(TemplateView):
    template_name = "workplans/year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        plan = selectors.plan_for_year(year=self.kwargs["year"], user=user)
        if plan is None:
            raise Http404
        by = self.request.GET.get("by")
        if by not in selectors.GROUPINGS:
            by = selectors.GROUP_BY_THEME
        context.update(
            plan=plan, by=by,
            groups=selectors.activities_grouped(plan=plan, user=user, by=by),
            counts=selectors.status_counts(plan=plan),
        )
        return context
