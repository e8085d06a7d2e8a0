"""Secretariat admin of the ledger: pledges, payments (receipts from the
archive, secretariat-only documents), the Support Unit's yearly costs, and
the yearly statement (its page requests the PDFs in both languages, shows
their progress or failure, and hands out the PDFs and the CSV). Only the
administrators' group and superusers hold this app's permissions
(``secretariat_editors = False`` on its AppConfig). Every write goes
through contributions.services; a rule a service refuses comes back on the
form with the user's input kept."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.csvsafe import csv_response

from . import selectors, services
from .models import AdministrativeCosts, Payment, Pledge, Statement

_SERVICE_ERROR = "_contributions_service_error"


class ServiceErrorMixin:
    """A rule the service refuses at save time rolls the save back; the
    form is shown again with the service's error and the user's input."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            if request.method != "POST" or hasattr(request, _SERVICE_ERROR):
                raise
            setattr(request, _SERVICE_ERROR, exc)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        error = getattr(request, _SERVICE_ERROR, None)
        if error is None:
            return form_class

        class WithServiceError(form_class):
            def clean(self):
                cleaned = super().clean()
                if hasattr(error, "error_dict"):
                    for name, errors in error.error_dict.items():
                        self.add_error(name if name in self.fields else None, errors)
                else:
                    self.add_error(None, error)
                return cleaned

        return WithServiceError


class MoneyForm(forms.ModelForm):
    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").strip().upper()


@admin.display(description=_("illustrative"), boolean=False)
def illustrative_mark(obj) -> str:
    return gettext("illustrative") if obj.illustrative else ""


@admin.register(Pledge)
class PledgeAdmin(ServiceErrorMixin, SimpleHistoryAdmin):
    form = MoneyForm
    list_display = ("state", "year", "amount_in_currency", "amount_usd", "pledged_on",
                    illustrative_mark)
    list_filter = ("year", "illustrative", "currency", "state")
    search_fields = ("state__name_ru", "state__name_en", "notes")
    list_select_related = ("state",)
    autocomplete_fields = ("state",)
    readonly_fields = ("amount_usd", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("state", "year", "pledged_on")}),
        (_("Amount"), {"fields": ("amount", "currency", "usd_rate", "amount_usd")}),
        (_("Notes"), {"fields": ("notes", "illustrative", "created_at", "updated_at")}),
    )

    @admin.display(description=_("amount"), ordering="amount")
    def amount_in_currency(self, obj):
        return f"{obj.amount} {obj.currency}"

    def save_model(self, request, obj, form, change):
        services.pledge_save(pledge=obj)


class PaymentForm(MoneyForm):
    class Meta:
        model = Payment
        fields = ("state", "year", "pledge", "received_on", "covers_from", "covers_until",
                  "amount", "currency", "usd_rate", "receipts", "non_participant_reason",
                  "notes", "illustrative")


@admin.register(Payment)
class PaymentAdmin(ServiceErrorMixin, SimpleHistoryAdmin):
    form = PaymentForm
    list_display = ("received_on", "state", "year", "amount_in_currency", "amount_usd",
                    "covers", "pledge", illustrative_mark)
    list_filter = ("year", "illustrative", "currency", "state")
    search_fields = ("state__name_ru", "state__name_en", "notes")
    list_select_related = ("state", "pledge__state")
    autocomplete_fields = ("state", "pledge", "receipts")
    readonly_fields = ("amount_usd", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("state", "year", "pledge", "received_on",
                           ("covers_from", "covers_until"))}),
        (_("Amount"), {"fields": ("amount", "currency", "usd_rate", "amount_usd")}),
        (_("Receipts and notes"), {"fields": ("receipts", "non_participant_reason", "notes",
                                              "illustrative", "created_at", "updated_at")}),
    )

    @admin.display(description=_("amount"), ordering="amount")
    def amount_in_currency(self, obj):
        return f"{obj.amount} {obj.currency}"

    @admin.display(description=_("period covered"), ordering="covers_from")
    def covers(self, obj):
        return f"{obj.covers_from:%d.%m.%Y} – {obj.covers_until:%d.%m.%Y}"

    def save_model(self, request, obj, form, change):
        services.payment_save(payment=obj, receipts=form.cleaned_data.get("receipts"))


@admin.register(AdministrativeCosts)
class AdministrativeCostsAdmin(ServiceErrorMixin, SimpleHistoryAdmin):
    list_display = ("year", "amount_usd", illustrative_mark)
    list_filter = ("illustrative",)
    search_fields = ("=year", "notes")
    readonly_fields = ("created_at", "updated_at")
    fields = ("year", "amount_usd", "notes", "illustrative", "created_at", "updated_at")

    def save_model(self, request, obj, form, change):
        services.costs_save(costs=obj)


class StatementRequestForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2199)


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ("year", "language", "status", "progress", "error", "built_at", "download")
    list_filter = ("status", "language", "year")
    search_fields = ("=year",)
    list_select_related = ("requested_by",)
    readonly_fields = ("year", "language", "status", "progress", "step", "error", "file",
                       "requested_by", "requested_at", "built_at")
    fields = readonly_fields
    change_list_template = "admin/contributions/statement/change_list.html"

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("PDF"))
    def download(self, obj):
        from django.utils.html import format_html

        if obj.status != "done" or not obj.file:
            return ""
        return format_html('<a href="{}">{}</a>', reverse(
            "admin:contributions_statement_download", args=[obj.pk]), gettext("Download"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("yearly/", view(self.request_view), name="contributions_statement_request"),
            path("<int:pk>/pdf/", view(self.download_view),
                 name="contributions_statement_download"),
            path("csv/<int:year>/", view(self.csv_view), name="contributions_statement_csv"),
            *super().get_urls(),
        ]

    def request_view(self, request):
        """The yearly statement: each year's figures, its PDFs' state (with
        the reason of a failure), and a form to build them (again)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = StatementRequestForm(request.POST or None)
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            if form.is_valid():
                year = form.cleaned_data["year"]
                try:
                    services.statement_request(year=year, user=request.user)
                except ValidationError as exc:
                    form.add_error("year", exc)
                else:
                    self.message_user(request, gettext(
                        "The statement for %(year)s is being built in Russian and English: "
                        "refresh this page to see when it is ready.") % {"year": year},
                        messages.SUCCESS)
                    return redirect(reverse("admin:contributions_statement_request"))
        built: dict[int, list[Statement]] = {}
        for statement in selectors.statements():
            built.setdefault(statement.year, []).append(statement)
        years = sorted(set(selectors.years_recorded()) | set(built), reverse=True)
        context = {
            **self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
            "title": gettext("Yearly statement of contributions"),
            "years": [{"year": year, "statement": selectors.statement_for_year(year=year),
                       "pdfs": built.get(year, [])} for year in years],
            "may_request": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/contributions/statement/request.html", context)

    def download_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        statement = selectors.statement_ready(pk=pk)
        if statement is None:
            raise Http404
        return FileResponse(statement.file.open("rb"), as_attachment=True,
                            filename=f"contributions-{statement.year}-{statement.language}.pdf",
                            content_type="application/pdf")

    def csv_view(self, request, year):
        if not self.has_view_permission(request):
            raise PermissionDenied
        statement = selectors.statement_for_year(year=year)
        rows = [[line.state.name, line.pledged, line.received, line.outstanding,
                 gettext("illustrative") if line.illustrative else ""]
                for line in statement.lines]
        rows.append([gettext("Total"), statement.pledged, statement.received,
                     statement.outstanding, ""])
        if statement.costs is not None:
            rows.append([gettext("Administrative costs recorded for the year"),
                         statement.costs.amount_usd, "", "",
                         gettext("illustrative") if statement.costs.illustrative else ""])
        return csv_response(
            filename=f"contributions-{year}.csv",
            header=[gettext("State"), gettext("Pledged (USD)"), gettext("Received (USD)"),
                    gettext("Outstanding (USD)"), gettext("Illustrative")],
            rows=rows,
        )
