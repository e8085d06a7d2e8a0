"""A national coordinator's follow-up page: the items their state carries
out, each with a small form (status, note, evidence among the documents
they may see). The state is the one the user coordinates today, never one
named in the URL or the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import selectors, services
from ..forms import FollowUpReportForm


class FollowUpView(LoginRequiredMixin, TemplateView):
    template_name = "decisions/follow_up.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.state = selectors.follow_up_state(user=request.user)
        if self.state is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _forms(self, *, bound=None):
        items = selectors.follow_up_of_state(state=self.state, user=self.request.user)
        evidence = selectors.evidence_choices(user=self.request.user)
        rows = []
        for item in items:
            if bound is not None and bound.instance.pk == item.pk:
                rows.append((item, bound))
            else:
                rows.append((item, FollowUpReportForm(
                    instance=item, evidence=evidence, prefix=f"item-{item.pk}")))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(state=self.state, rows=kwargs.get("rows") or self._forms(),
                       today=timezone.localdate())
        return context

    def post(self, request, *args, **kwargs):
        try:
            pk = int(request.POST.get("item", ""))
        except ValueError:
            raise Http404 from None
        item = selectors.follow_up_item_for(pk=pk, state=self.state, user=request.user)
        if item is None:
            raise Http404
        form = FollowUpReportForm(
            request.POST, instance=item, prefix=f"item-{item.pk}",
            evidence=selectors.evidence_choices(user=request.user),
        )
        if form.is_valid():
            try:
                services.follow_up_report(
                    item=item, user=request.user, status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    evidence=form.cleaned_data["evidence_link"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The follow-up item has been updated."))
                return redirect(f"{request.path}#item-{item.pk}")
        return self.render_to_response(
            self.get_context_data(rows=self._forms(bound=form)), status=200,
        )
