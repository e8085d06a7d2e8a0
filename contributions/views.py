"""The one public page of the ledger: yearly totals, no state named, shown
only when the setting ``CONTRIBUTIONS_PUBLIC_AGGREGATE`` is on (off by
default: the page does not exist, 404). A state's own figures are on its
coordinator's dashboard (contributions.dashboard); the secretariat's, in
the admin."""

from __future__ import annotations

from django.http import Http404
from django.views.generic import TemplateView

from . import selectors


class TotalsView(TemplateView):
    template_name = "contributions/totals.html"

    def get(self, request, *args, **kwargs):
        if not selectors.public_aggregate_enabled():
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = selectors.yearly_totals()
        return context
