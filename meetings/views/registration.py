"""Registration pages of a national coordinator (their own state only) and
of an observer organisation's focal point (signed in, or through the
signed invitation link the secretariat emailed): the dashboard, the
delegation to one meeting, its delegates and the note verbale (a state's)
or nomination letter (an organisation's).

The party (state or organisation) never comes from the URL or a form
field: it is the signed-in user's role, or the invitation's organisation.
Another party's delegate is not found (404); a user with no party is
refused (403). Every write is a service call; a refused one shows the form
again with the translated error and the input."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View
from django.views.generic import FormView, TemplateView
from django_sendfile import sendfile

from core import fragments
from core.links import base_url
from membership.permissions import remember_roles, roles_of

from .. import selectors
from ..credentials import credentials_words
from ..dashboard_cache import DashboardCache
from ..enums import DelegationStatus
from ..forms import ConfirmForm, CredentialsForm, DelegateForm
from ..invitations import invitation_from_token
from ..models import Delegate, Meeting
from ..services import registration as services
from ..services import withdrawal


def apply_service_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names
    when the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class PartyMixin:
    """Who registers: the invitation's organisation (URLs with a token),
    else the signed-in coordinator's state or focal point's organisation."""

    invitation = None
    state = None
    organisation = None

    def dispatch(self, request, *args, **kwargs):
        token = kwargs.get("token")
        if token is not None:
            self.invitation = invitation_from_token(token)
            meeting = getattr(self, "meeting", None)
            if self.invitation is None or (
                meeting is not None and self.invitation.meeting_id != meeting.pk
            ):
                raise Http404  # a link is for one organisation and one meeting
            self.organisation = self.invitation.organisation
        else:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            roles = roles_of(request.user)
            if roles.state is not None:
                self.state = roles.state
            elif roles.organisation is not None:
                self.organisation = roles.organisation
            else:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def party(self):
        return self.state or self.organisation

    @property
    def actor(self):
        user = self.request.user
        return user if user.is_authenticated else None

    def url(self, name: str, **kwargs) -> str:
        token = self.kwargs.get("token")
        if token is not None:
            return reverse(f"meetings:invited_{name}", kwargs={"token": token, **kwargs})
        return reverse(f"meetings:{name}", kwargs=kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(party=self.party, invitation=self.invitation,
                       is_organisation=self.organisation is not None)
        return context


class MeetingPartyMixin(PartyMixin):
    """A meeting (by slug) and the party's delegation to it, if any."""

    def dispatch(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        if request.method in ("GET", "HEAD"):
            # To read: the meeting kept with the public pages' pieces (its
            # page's own entry), as current as the content generation.
            self.meeting = fragments.kept(
                "meetings:meeting", lambda: selectors.meeting_for_page(slug=slug, prefetch=False),
                vary=[slug], request=request)
        else:
            # To write: read afresh.
            self.meeting = Meeting.objects.select_related("host_state").filter(slug=slug).first()
        if self.meeting is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_delegation(self):
        return selectors.delegation_of_party(
            meeting=self.meeting, state=self.state, organisation=self.organisation,
        )

    def open_delegation(self):
        return services.delegation_open(
            meeting=self.meeting, user=self.actor, state=self.state,
            organisation=self.organisation, invitation=self.invitation,
        )

    def delegation_url(self) -> str:
        return self.url("delegation", slug=self.meeting.slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.meeting
        context["delegation_url"] = self.delegation_url()
        return context


class DashboardView(PartyMixin, TemplateView):
    """"My state" (or "My organisation"): registrations per meeting, what
    is still to do before each deadline, accreditation decisions. The
    meetings open or to come are all shown in full; the delegations to
    earlier meetings as a table, a page at a time (``?page=``), latest
    first, so the page costs the same after decades of meetings.

    The body is rendered apart from the layout and kept in the dashboard
    cache (meetings/dashboard_cache.py) with the user's roles: a hit asks
    the database for nothing but the session's user."""

    template_name = "meetings/registration/dashboard.html"
    body_template_name = "meetings/registration/_dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        self.now = timezone.now()
        self.cache = DashboardCache.for_request(request, now=self.now)
        self.cached = self.cache.lookup() if self.cache is not None else None
        if self.cached is not None:
            remember_roles(request.user, self.cached.roles)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.cached is not None:
            context["body"] = self.cached.body
            return context
        context["body"] = self.render_body(context)
        if self.cache is not None:
            self.cache.store(roles=roles_of(self.request.user), body=context["body"],
                             page_shown=self.page_shown)
        return context

    def render_body(self, context) -> str:
        """Without the request's context processors (see the body's
        template): the party, its registrations at ``self.now``, and the
        request for the pager's links and the briefing packs."""
        registrations = selectors.registrations_of_party(
            state=self.state, organisation=self.organisation, page=self.request.GET.get("page"),
            now=self.now, today=timezone.localdate(self.now),
        )
        rows, past = registrations.current, registrations.past
        self.page_shown = past.number
        for item in (*rows, *past.object_list):
            item.url = self.url("delegation", slug=item.meeting.slug)
        return render_to_string(self.body_template_name, {
            "request": DashboardCache.body_request(self.request), "party": context["party"],
            "is_organisation": context["is_organisation"], "rows": rows, "past": past,
        })


class DelegationView(MeetingPartyMixin, TemplateView):
    template_name = "meetings/registration/delegation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        delegation = self.get_delegation()
        is_open = self.meeting.registration_is_open()
        withdrawn = delegation is not None and delegation.status == DelegationStatus.WITHDRAWN
        members = delegation.members if delegation is not None else []
        for member in members:
            member.edit_url = self.url("delegate_edit", slug=self.meeting.slug, pk=member.pk)
            member.withdraw_url = self.url("delegate_withdraw", slug=self.meeting.slug,
                                           pk=member.pk)
        context.update(
            delegation=delegation, members=members, is_open=is_open,
            # A withdrawn delegation is read only until it is restored.
            can_change=is_open and not withdrawn, can_restore=is_open and withdrawn,
            restore_url=self.url("delegation_restore", slug=self.meeting.slug),
            limit=services.delegation_size_limit(delegation=delegation) if delegation else None,
            credentials_form=kwargs.get("credentials_form") or CredentialsForm(party=self.party),
            credentials_words=credentials_words(self.party),
            add_url=self.url("delegate_add", slug=self.meeting.slug),
            credentials_url=self.url("credentials", slug=self.meeting.slug),
            submit_url=self.url("delegation_submit", slug=self.meeting.slug),
            withdraw_url=self.url("delegation_withdraw", slug=self.meeting.slug),
            dashboard_url=None if self.invitation else reverse("meetings:registration_dashboard"),
        )
        return context


class DelegateCreateView(MeetingPartyMixin, FormView):
    template_name = "meetings/registration/delegate_form.html"
    form_class = DelegateForm

    def form_valid(self, form):
        try:
            delegation = self.open_delegation()
            delegate = services.delegate_register(
                delegation=delegation, user=self.actor, invitation=self.invitation,
                **form.service_data,
            )
        except ValidationError as error:
            apply_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is registered.") % {"name": delegate})
        return HttpResponseRedirect(self.delegation_url())


class DelegateMixin(MeetingPartyMixin):
    """A delegate of the party's delegation to this meeting; any other
    delegate (another state's, by URL tampering) is not found."""

    def get_delegate(self) -> Delegate:
        party = ({"delegation__state": self.state} if self.state is not None
                 else {"delegation__organisation": self.organisation})
        return get_object_or_404(
            Delegate.objects.select_related("delegation__meeting", "delegation__state",
                                            "delegation__organisation"),
            pk=self.kwargs["pk"], delegation__meeting=self.meeting, **party,
        )


class DelegateUpdateView(DelegateMixin, FormView):
    template_name = "meetings/registration/delegate_form.html"
    form_class = DelegateForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.delegate
        return kwargs

    def get(self, request, *args, **kwargs):
        self.delegate = self.get_delegate()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.delegate = self.get_delegate()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # The form changed the instance in memory; the service reads the row.
        try:
            delegate = services.delegate_update(
                delegate=self.delegate, user=self.actor, invitation=self.invitation,
                data=form.service_data,
                head_change_confirmed=self.request.POST.get("confirm_head_change") == "1",
            )
        except ValidationError as error:
            if getattr(error, "code", None) == services.HEAD_CHANGE_UNCONFIRMED:
                # Nothing saved: the same form, with what the change does
                # and a button that sends it again, confirmed.
                return self.render_to_response(self.get_context_data(
                    form=form, head_change=error.messages[0]))
            apply_service_error(form, error)
            return self.form_invalid(form)
        former = getattr(delegate, "former_head", None)
        if former is not None:
            messages.success(self.request, pgettext(
                "delegation",
                "%(new)s is now head of delegation; %(old)s is a delegate. The accreditation "
                "of both goes back to the Support Unit for review.",
            ) % {"new": delegate, "old": former})
        else:
            messages.success(self.request, _("The details of %(name)s are saved.") % {
                "name": delegate})
        return HttpResponseRedirect(self.delegation_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["delegate"] = self.delegate
        return context


class DelegateWithdrawView(DelegateMixin, FormView):
    template_name = "meetings/registration/delegate_withdraw.html"
    form_class = ConfirmForm

    def get(self, request, *args, **kwargs):
        self.delegate = self.get_delegate()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.delegate = self.get_delegate()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        name = str(self.delegate)
        try:
            services.delegate_withdraw(delegate=self.delegate, user=self.actor,
                                       invitation=self.invitation)
        except ValidationError as error:
            apply_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is withdrawn from the delegation.") % {
            "name": name})
        return HttpResponseRedirect(self.delegation_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["delegate"] = self.delegate
        return context


class CredentialsView(MeetingPartyMixin, View):
    """GET: the party's own note verbale or nomination letter (private
    file); POST: upload it."""

    def get(self, request, *args, **kwargs):
        delegation = self.get_delegation()
        if delegation is None or not delegation.credentials:
            raise Http404
        # Through the web server in production (as the archive's files).
        response = sendfile(request, delegation.credentials.path, attachment=True,
                            attachment_filename=(delegation.credentials_name
                                                 or credentials_words(self.party).filename),
                            mimetype="application/pdf")
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response

    def post(self, request, *args, **kwargs):
        form = CredentialsForm(request.POST, request.FILES, party=self.party)
        if form.is_valid():
            try:
                delegation = self.open_delegation()
                services.delegation_attach_credentials(
                    delegation=delegation, upload=form.cleaned_data["credentials"],
                    user=self.actor, invitation=self.invitation,
                )
            except ValidationError as error:
                apply_service_error(form, error)
        if form.errors:
            view = DelegationView()
            view.setup(request, *args, **kwargs)
            view.meeting, view.invitation = self.meeting, self.invitation
            view.state, view.organisation = self.state, self.organisation
            context = view.get_context_data(credentials_form=form)
            return view.render_to_response(context, status=400)
        messages.success(request, credentials_words(self.party).uploaded)
        return HttpResponseRedirect(self.delegation_url())


class _DelegationActionView(MeetingPartyMixin, View):
    """POST-only actions on the whole delegation; errors come back as
    messages on the delegation's page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        delegation = self.get_delegation()
        if delegation is None:
            raise Http404
        try:
            self.act(delegation)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return HttpResponseRedirect(self.delegation_url())


class DelegationSubmitView(_DelegationActionView):
    def act(self, delegation):
        services.delegation_submit(delegation=delegation, user=self.actor,
                                   invitation=self.invitation, base_url=base_url(self.request))
        messages.success(self.request, pgettext(
            "delegation", "The delegation is submitted. Confirmations are on their way by email.",
        ))


class _DelegationConfirmView(MeetingPartyMixin, FormView):
    """A change of the whole delegation that asks first: GET shows what it
    does (the meeting, the party, each delegate with their accreditation),
    the form's POST does it; a refusal shows the page again with the
    error. The party's own delegation only (none: 404)."""

    form_class = ConfirmForm

    def get_delegation(self):
        delegation = super().get_delegation()
        if delegation is None:
            raise Http404
        return delegation

    def get(self, request, *args, **kwargs):
        self.delegation = self.get_delegation()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.delegation = self.get_delegation()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            self.act(self.delegation)
        except ValidationError as error:
            apply_service_error(form, error)
            return self.form_invalid(form)
        return HttpResponseRedirect(self.delegation_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(delegation=self.delegation, members=self.delegation.members,
                       is_open=self.meeting.registration_is_open())
        return context


class DelegationWithdrawView(_DelegationConfirmView):
    template_name = "meetings/registration/delegation_withdraw.html"

    def act(self, delegation):
        withdrawal.delegation_withdraw(delegation=delegation, user=self.actor,
                                       invitation=self.invitation,
                                       base_url=base_url(self.request))
        messages.success(self.request, pgettext(
            "delegation", "The delegation is withdrawn. Its delegates and the Support Unit "
            "are told by email.",
        ))


class DelegationRestoreView(_DelegationConfirmView):
    template_name = "meetings/registration/delegation_restore.html"

    def act(self, delegation):
        withdrawal.delegation_restore(delegation=delegation, user=self.actor,
                                      invitation=self.invitation,
                                      base_url=base_url(self.request))
        messages.success(self.request, pgettext(
            "delegation", "The delegation is restored as it was. Its delegates and the Support "
            "Unit are told by email.",
        ))
