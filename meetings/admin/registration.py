"""Secretariat admin of registrations: every delegation with its delegates
inline (accreditation and its reason edited there), approve/decline
actions on delegates (declining asks for the reason), the exports of a
meeting's participants, and observer invitations with their consent and
signed link. Every write goes through meetings.services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.csvsafe import csv_response
from core.links import base_url

from .. import pdf
from ..credentials import credentials_words
from ..enums import Accreditation, DelegationStatus
from ..models import Delegate, Delegation, ObserverInvitation
from ..services import accreditation
from ..services import observers as observer_services
from ..services import registration as services
from ..services.withdrawal import delegation_restore
from .meetings import ServiceErrorsMixin, StateAutocompleteMixin

ACCREDITATION_FIELDS = ("accreditation", "accreditation_reason")


class DelegateInline(admin.TabularInline):
    model = Delegate
    extra = 0
    show_change_link = True
    fields = [
        "surname_latin", "given_names_latin", "surname_cyrillic", "given_names_cyrillic",
        "role", "position", "agency", "email", "preferred_language",
        "accreditation", "accreditation_reason", "accreditation_decided_at",
        "accreditation_decided_by",
    ]
    readonly_fields = ["accreditation_decided_at", "accreditation_decided_by"]




def _confirm_head_change_field() -> forms.BooleanField:
    return forms.BooleanField(
        required=False, label=pgettext_lazy("delegation", "Confirm the change of head"),
        help_text=pgettext_lazy(
            "delegation",
            "Naming another head of a submitted delegation makes the former head a "
            "delegate and returns both to review; tick to confirm.",
        ),
    )


class DelegationAdminForm(forms.ModelForm):
    confirm_head_change = _confirm_head_change_field()

    class Meta:
        model = Delegation
        fields = ("meeting", "state", "organisation", "credentials")

    def _post_clean(self):
        # The services validate and write; the form only collects input.
        pass


@admin.register(Delegation)
class DelegationAdmin(ServiceErrorsMixin, StateAutocompleteMixin, SimpleHistoryAdmin):
    form = DelegationAdminForm
    inlines = [DelegateInline]
    list_display = ["party_name", "meeting", "status", "delegate_count", "pending_count",
                    "submitted_at"]
    list_filter = ["status", "meeting"]
    list_select_related = ["meeting", "state", "organisation"]
    search_fields = ["state__name_ru", "state__name_en", "organisation__name_ru",
                     "organisation__name_en", "delegates__surname_latin",
                     "delegates__surname_cyrillic", "delegates__email"]
    autocomplete_fields = ["meeting", "organisation"]
    state_fields = ("state",)
    readonly_fields = ["status", "submitted_at", "credentials_name", "created_at", "created_by",
                       "updated_at", "updated_by", "personal_data_purged_at",
                       "purged_delegate_count", "withdrawn_at", "withdrawn_by"]
    actions = ["approve_pending", "restore_withdrawn", "export_csv", "export_list_pdf",
               "export_badges_pdf", "export_plates_pdf"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            delegates_total=Count("delegates", distinct=True),
            delegates_pending=Count("delegates", filter=Q(
                delegates__accreditation=Accreditation.PENDING), distinct=True),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and "credentials" in form.base_fields:
            # A state's note verbale, an organisation's nomination letter.
            words = credentials_words(obj.party)
            form.base_fields["credentials"].label = capfirst(words.name)
            form.base_fields["credentials"].help_text = words.help_text
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields += ["meeting", "state", "organisation"]
        return fields

    @admin.display(description=_("state or organisation"))
    def party_name(self, obj):
        return str(obj.party)

    @admin.display(description=_("delegates"), ordering="delegates_total")
    def delegate_count(self, obj):
        return obj.delegates_total

    @admin.display(description=_("pending accreditation"), ordering="delegates_pending")
    def pending_count(self, obj):
        return obj.delegates_pending

    # --- Saving through the services ----------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            opened = services.delegation_open(
                meeting=obj.meeting, state=obj.state, organisation=obj.organisation,
                user=request.user,
            )
            obj.pk = opened.pk
            obj._state.adding = False
            obj.refresh_from_db()
        upload = form.cleaned_data.get("credentials")
        if "credentials" in form.changed_data and upload:
            services.delegation_attach_credentials(delegation=obj, upload=upload,
                                                   user=request.user)
            obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        decisions = []  # emailed together: one email to the coordinator
        for delegate in formset.deleted_objects:
            services.delegate_withdraw(delegate=delegate, user=request.user)
        for inline in formset.forms:
            if not inline.has_changed() or inline in formset.deleted_forms:
                continue
            cleaned = inline.cleaned_data
            details = {name: cleaned[name] for name in services.DELEGATE_FIELDS
                       if name in cleaned and (inline.instance.pk is None
                                               or name in inline.changed_data)}
            if inline.instance.pk is None:
                delegate = services.delegate_register(delegation=form.instance,
                                                      user=request.user, **details)
            else:
                delegate = inline.instance
                if details:
                    delegate = services.delegate_update(
                        delegate=delegate, user=request.user, data=details,
                        head_change_confirmed=form.cleaned_data.get("confirm_head_change", False),
                    )
            decision = cleaned.get("accreditation")
            if any(name in inline.changed_data for name in ACCREDITATION_FIELDS) and (
                decision in (Accreditation.APPROVED, Accreditation.DECLINED)
            ):
                decisions.append((delegate, decision, cleaned.get("accreditation_reason", "")))
        if decisions:
            accreditation.accreditation_decide(decisions=decisions, user=request.user,
                                               base_url=base_url(request))

    # --- Actions -----------------------------------------------------------------

    @admin.action(description=_("Approve the pending delegates of the selected delegations"))
    def approve_pending(self, request, queryset):
        delegates = Delegate.objects.filter(delegation__in=queryset,
                                            accreditation=Accreditation.PENDING).exclude(
            delegation__status=DelegationStatus.WITHDRAWN)
        _approve(self, request, delegates)

    @admin.action(description=pgettext_lazy(
        "delegation", "Restore the selected withdrawn delegations as they were"))
    def restore_withdrawn(self, request, queryset):
        """The secretariat may restore after the deadline too (issue 24);
        each refusal (the size limit) is shown with its delegation."""
        restored = 0
        for delegation in queryset.filter(status=DelegationStatus.WITHDRAWN):
            try:
                delegation_restore(delegation=delegation, user=request.user,
                                   base_url=base_url(request))
                restored += 1
            except ValidationError as error:
                self.message_user(request, f"{delegation.party}: {' '.join(error.messages)}",
                                  messages.ERROR)
        if restored:
            self.message_user(request, ngettext(
                "%(count)d delegation restored.", "%(count)d delegations restored.", restored,
            ) % {"count": restored}, messages.SUCCESS)


    # --- Exports of the meeting of the selected delegations ------------------------

    def _export(self, request, queryset, respond):
        """``respond(meeting)`` for the one meeting of the selected
        delegations, or a message asking to select one meeting."""
        meetings = list({d.meeting for d in queryset.select_related("meeting")})
        if len(meetings) != 1:
            self.message_user(request, _(
                "Select delegations of one meeting (filter the list by meeting first)."
            ), messages.ERROR)
            return None
        return respond(meetings[0])

    @admin.action(description=_("Export the meeting's participants (CSV)"))
    def export_csv(self, request, queryset):
        def respond(meeting):
            header, rows = pdf.participants_table(meeting=meeting)
            return csv_response(filename=f"{meeting.slug}-participants.csv",
                                header=header, rows=rows)

        return self._export(request, queryset, respond)

    @admin.action(description=_("Print the meeting's list of participants (PDF)"))
    def export_list_pdf(self, request, queryset):
        language = get_language()
        return self._export(request, queryset, lambda m: _pdf_response(
            pdf.participants_pdf(meeting=m, language=language), f"{m.slug}-participants.pdf"))

    @admin.action(description=_("Print the meeting's name badges (PDF)"))
    def export_badges_pdf(self, request, queryset):
        language = get_language()
        return self._export(request, queryset, lambda m: _pdf_response(
            pdf.badges_pdf(meeting=m, language=language), f"{m.slug}-badges.pdf"))

    @admin.action(description=_("Print the meeting's table name plates (PDF)"))
    def export_plates_pdf(self, request, queryset):
        language = get_language()
        return self._export(request, queryset, lambda m: _pdf_response(
            pdf.plates_pdf(meeting=m, language=language), f"{m.slug}-name-plates.pdf"))


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download; Django writes the Content-Disposition."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _approve(model_admin, request, delegates) -> None:
    try:
        done = len(accreditation.delegates_decide_accreditation(
            delegates=delegates.select_related("delegation"), decision=Accreditation.APPROVED,
            user=request.user, base_url=base_url(request),
        ))
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        return
    model_admin.message_user(request, ngettext(
        "%(count)d delegate approved.", "%(count)d delegates approved.", done,
    ) % {"count": done}, messages.SUCCESS)


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason, shown to the coordinator"), widget=forms.Textarea)


class DelegateAdminForm(forms.ModelForm):
    confirm_head_change = _confirm_head_change_field()

    class Meta:
        model = Delegate
        fields = "__all__"  # noqa: DJ007 (the admin picks the fields, as without this form)


@admin.register(Delegate)
class DelegateAdmin(ServiceErrorsMixin, SimpleHistoryAdmin):
    form = DelegateAdminForm
    list_display = ["name_latin", "name_cyrillic", "delegation", "role", "email",
                    "accreditation", "accreditation_decided_at"]
    list_filter = ["accreditation", "role", "meeting", "needs_visa_letter"]
    list_select_related = ["delegation__meeting", "delegation__state",
                           "delegation__organisation"]
    search_fields = ["surname_latin", "given_names_latin", "surname_cyrillic",
                     "given_names_cyrillic", "email", "agency"]
    readonly_fields = ["delegation", "meeting", "accreditation", "accreditation_reason",
                       "accreditation_decided_at", "accreditation_decided_by", "created_at",
                       "created_by", "updated_at", "updated_by"]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False  # delegates are added to their delegation

    def save_model(self, request, obj, form, change):
        details = {name: form.cleaned_data[name] for name in form.changed_data
                   if name in services.DELEGATE_FIELDS}
        if details:
            services.delegate_update(
                delegate=obj, user=request.user, data=details,
                head_change_confirmed=form.cleaned_data.get("confirm_head_change", False),
            )

    def delete_model(self, request, obj):
        services.delegate_withdraw(delegate=obj, user=request.user)

    @admin.display(description=_("name (Latin)"), ordering="surname_latin")
    def name_latin(self, obj):
        return obj.name_latin

    @admin.display(description=_("name (Cyrillic)"), ordering="surname_cyrillic")
    def name_cyrillic(self, obj):
        return obj.name_cyrillic

    @admin.action(description=_("Approve the accreditation of the selected delegates"))
    def approve(self, request, queryset):
        _approve(self, request, queryset)

    @admin.action(description=_("Decline the accreditation of the selected delegates…"))
    def decline(self, request, queryset):
        form = DeclineForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            try:
                count = len(accreditation.delegates_decide_accreditation(
                    delegates=queryset.select_related("delegation"),
                    decision=Accreditation.DECLINED, user=request.user,
                    reason=form.cleaned_data["reason"], base_url=base_url(request),
                ))
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.message_user(request, ngettext(
                "%(count)d delegate declined.", "%(count)d delegates declined.", count,
            ) % {"count": count}, messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/meetings/delegate/decline.html", {
            **self.admin_site.each_context(request),
            "opts": self.opts, "title": _("Decline the accreditation"),
            "form": form, "delegates": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(ObserverInvitation)
class ObserverInvitationAdmin(ServiceErrorsMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "meeting", "consent", "consent_date", "email",
                    "invited_at"]
    list_filter = ["consent", "meeting", "organisation__kind"]
    list_select_related = ["meeting", "organisation"]
    search_fields = ["organisation__name_ru", "organisation__name_en", "email"]
    autocomplete_fields = ["meeting", "organisation"]
    readonly_fields = ["invited_at", "invited_by", "created_at"]
    fields = ["meeting", "organisation", "focal_point", "email", "language",
              "max_delegation_size", "consent", "consent_date", "consent_how",
              "invited_at", "invited_by", "created_at"]
    actions = ["send_link"]

    def save_model(self, request, obj, form, change):
        observer_services.observer_invitation_save(invitation=obj, user=request.user)

    @admin.action(description=pgettext_lazy(
        "observer invitation", "Email the registration link to the selected organisations"))
    def send_link(self, request, queryset):
        sent, refused = 0, []
        for invitation in queryset.select_related("meeting", "organisation"):
            try:
                observer_services.observer_invitation_send(
                    invitation=invitation, user=request.user, base_url=base_url(request))
                sent += 1
            except ValidationError as error:
                refused.append(f"{invitation.organisation}: {' '.join(error.messages)}")
        if sent:
            self.message_user(request, ngettext(
                "%(count)d link sent.", "%(count)d links sent.", sent,
            ) % {"count": sent}, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())
