"""The register's public pages. Reads go through decisions.selectors: which
outcomes a visitor sees is meetings' rule, which documents the archive's."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from .. import selectors
from ..filters import OutcomeFilter


class RegisterView(ListView):
    template_name = "decisions/register.html"
    context_object_name = "outcomes"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = OutcomeFilter(
            self.request.GET, queryset=selectors.outcomes_for_list(user=self.request.user),
            request=self.request,
        )
        if not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        # An out-of-range or malformed page number shows the nearest page:
        # these links get shared and go stale.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        page.object_list = list(page.object_list) if paginator.count else []
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.filterset.form,
            total=context["paginator"].count,
            filtered=any(value for key, value in self.request.GET.items() if key != "page"),
        )
        return context


class OutcomeDetailView(DetailView):
    template_name = "decisions/outcome_detail.html"
    context_object_name = "outcome"

    def get_object(self, queryset=None):
        outcome = selectors.outcome_for_page(pk=self.kwargs["pk"], user=self.request.user)
        if outcome is None:
            raise Http404(_("There is no such outcome in the register."))
        return outcome

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outcome = self.object
        context.update(
            themes=list(outcome.themes.all()),
            states=list(outcome.states.all()),
            documents=outcome.visible_documents,
            follow_up=list(outcome.follow_up_items.all()),
            today=timezone.localdate(),
        )
        return context
