"""Pages of the action plan: the plan (current or an older version), the
progress matrix of an endorsed round and its CSV, the coordinator's report
form and the PDF progress report. Reads and access rules in
actionplan.selectors; writes in actionplan.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from core import fragments
from core.csvsafe import csv_response
from membership.permissions import roles_of

from . import charts, selectors, services
from .enums import STATUS_SYMBOLS, ProgressStatus, ReportLanguage
from .forms import ProgressForm


class PlanView(TemplateView):
    template_name = "actionplan/plan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.kwargs.get("version")
        # The version shown (or None: no such version), the same for every
        # reader: kept with the page's pieces, so a reader whose body is
        # kept asks the database for nothing.
        page = fragments.kept("actionplan:plan-page", lambda: selectors.plan_for_page(
            version=version), vary=[version], request=self.request)
        if page is None:
            raise Http404
        plan = page.plan
        # Read only when the page's body is rendered: it is kept per
        # language and content generation ({% fragment %}, core.fragments),
        # so a signed-in reader, or any reader after the page cache's entry
        # expired, gets it without these queries.
        context.update(
            plan=plan,
            is_current=page.is_current,
            areas=SimpleLazyObject(lambda: selectors.plan_areas(plan=plan) if plan else []),
            sections=SimpleLazyObject(
                lambda: selectors.plan_sections(plan=plan) if plan else []),
            versions=SimpleLazyObject(lambda: list(selectors.plan_versions())),
        )
        return context


class RoundMixin:
    """The round whose matrix is shown: ``?round=<id>`` among the rounds the
    visitor may see, by default the latest; any other value is a 404. The
    rounds are read once, for the choice and for the page's <select>
    (written by the template: Django's widget would read them twice more)."""

    def get_round(self):
        # Who sees which rounds is one rule (staff or not): kept with the
        # page's pieces for each answer.
        staff = roles_of(self.request.user).is_staff
        self.rounds = fragments.kept(
            "actionplan:rounds", lambda: list(selectors.rounds_visible_to(user=self.request.user)),
            vary=[staff], request=self.request)
        asked = self.request.GET.get("round", "")
        if asked == "":
            return self.rounds[0] if self.rounds else None
        for reporting_round in self.rounds:
            if str(reporting_round.pk) == asked:
                return reporting_round
        raise Http404


class ProgressMatrixView(RoundMixin, TemplateView):
    template_name = "actionplan/progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reporting_round = self.get_round()
        context.update(
            reporting_round=reporting_round, rounds=self.rounds,
            statuses=[(value, label, STATUS_SYMBOLS[value])
                      for value, label in ProgressStatus.choices],
        )
        if reporting_round is not None:
            # The matrix and its charts are the same for everyone who may
            # see the round: read only when their {% fragment %} (kept per
            # round, language and content generation) is rendered.
            matrix = SimpleLazyObject(
                lambda: selectors.progress_matrix(reporting_round=reporting_round))
            context.update(
                matrix=matrix, chart=SimpleLazyObject(lambda: charts.progress_chart(matrix=matrix)),
                # Kept per round and access circle (the template's fragment).
                notes=SimpleLazyObject(lambda: selectors.progress_notes_for_page(
                    reporting_round=reporting_round, user=self.request.user,
                )),
                reports=fragments.kept(
                    "actionplan:round-reports",
                    lambda: selectors.round_reports(reporting_round=reporting_round),
                    vary=[reporting_round.pk], request=self.request),
            )
        return context


class ProgressCsvView(RoundMixin, View):
    def get(self, request, *args, **kwargs):
        reporting_round = self.get_round()
        if reporting_round is None:
            raise Http404
        header, rows = selectors.progress_table(
            matrix=selectors.progress_matrix(reporting_round=reporting_round))
        return csv_response(filename=f"action-plan-progress-{reporting_round.pk}.csv",
                            header=header, rows=rows)


class ProgressReportView(LoginRequiredMixin, FormView):
    """A national coordinator reports their state's progress for the open
    round. The state is the one the user coordinates today, never one
    named in the URL or the form."""

    template_name = "actionplan/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.state = selectors.reporting_state(user=request.user)
        if self.state is None:
            raise PermissionDenied
        if request.method in ("GET", "HEAD"):
            # To show: the open round kept with the pages' pieces (the same
            # for every coordinator); to write: read afresh.
            self.round = fragments.kept("actionplan:open-round", selectors.open_round,
                                        request=request)
        else:
            self.round = selectors.open_round()
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        if self.round is None:
            return None
        previous = selectors.previous_round(reporting_round=self.round)
        return ProgressForm(
            **self.get_form_kwargs(),
            actions=selectors.round_actions(reporting_round=self.round),
            current=selectors.answers_of(reporting_round=self.round, state=self.state,
                                         user=self.request.user),
            previous=selectors.answers_of(reporting_round=previous, state=self.state,
                                          user=self.request.user),
            user=self.request.user,
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is None:
            raise Http404
        if not form.is_valid():
            return self.form_invalid(form)
        try:
            services.progress_record(
                reporting_round=self.round, state=self.state, user=request.user,
                entries=form.entries(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(request, _("Your state's progress has been saved."))
        return redirect("actionplan:report")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(state=self.state, reporting_round=self.round)
        return context


class ProgressReportDownloadView(View):
    """The PDF progress report of a round: everyone once the round is
    endorsed (the report prints public notes only), the secretariat always."""

    def get(self, request, pk, language):
        if language not in ReportLanguage.values:
            raise Http404
        report = selectors.progress_report_for_download(
            round_id=pk, language=language, user=request.user)
        if report is None:
            raise Http404
        return FileResponse(
            report.file.open("rb"), as_attachment=True,
            filename=f"action-plan-progress-{pk}-{language}.pdf",
            content_type="application/pdf",
        )
