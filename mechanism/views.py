"""Public pages of the Operational Mechanism: the text in force (today, or
on a date asked), the list of its versions, and the comparison of two.
Reads in mechanism.selectors; bad input is answered 400 with the form and
its error (as meetings' registration does)."""

from __future__ import annotations

from django.utils import timezone
from django.views.generic import TemplateView

from . import selectors
from .forms import CompareForm, OnDateForm


class MechanismPage(TemplateView):
    status = 200

    def render_to_response(self, context, **response_kwargs):
        response_kwargs.setdefault("status", self.status)
        return super().render_to_response(context, **response_kwargs)


class TextView(MechanismPage):
    template_name = "mechanism/text.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form = OnDateForm(self.request.GET if "on" in self.request.GET else None)
        on, asked = today, False
        if form.is_bound:
            if form.is_valid() and form.cleaned_data["on"]:
                on, asked = form.cleaned_data["on"], True
            elif not form.is_valid():
                self.status = 400
        page = selectors.text_on(on=on)
        selectors.show_to(versions=[page.version] if page.version else [],
                          user=self.request.user)
        context.update(
            form=form, page=page, version=page.version, on=on, asked=asked, today=today,
            invalid=self.status == 400,
        )
        return context


class VersionListView(MechanismPage):
    template_name = "mechanism/versions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = selectors.versions_in_order()
        selectors.show_to(versions=versions, user=self.request.user)
        context.update(versions=versions)
        return context


class CompareView(MechanismPage):
    template_name = "mechanism/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = selectors.versions_in_order()
        data = self.request.GET if {"from", "to"} & set(self.request.GET) else None
        if data is None and len(versions) >= 2:
            # By default, the last amendment against the text it amended.
            data = {"from": f"{versions[-2].in_force_from:%Y-%m-%d}",
                    "to": f"{versions[-1].in_force_from:%Y-%m-%d}"}
        form = CompareForm(data, versions=versions)
        result = None
        if form.is_bound and form.is_valid():
            selectors.show_to(versions=versions, user=self.request.user)
            result = selectors.comparison(
                older=selectors.version_by_date(versions, form.cleaned_data["from"]),
                newer=selectors.version_by_date(versions, form.cleaned_data["to"]),
            )
        elif form.is_bound:
            self.status = 400
        context.update(versions=versions, form=form, comparison=result)
        return context
