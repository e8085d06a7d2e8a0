"""Public pages of membership (states, observers) and the invitation page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from core import fragments

from . import permissions, selectors, services
from .forms import CoordinatorContactsForm


def _lower_case_code_redirect(request, code: str) -> HttpResponsePermanentRedirect | None:
    """/states/KAZ/… leads to /states/kaz/…, the one address of a state.
    Only a code that can be one (three ASCII letters) is redirected: any
    other falls through to a 404 (a non-ASCII code such as "%ff" used to
    redirect to itself forever)."""
    if code == code.lower() or not selectors.is_state_code(code):
        return None
    match = request.resolver_match
    return HttpResponsePermanentRedirect(
        reverse(match.view_name, kwargs={**match.kwargs, "code": code.lower()})
    )


class StateListView(ListView):
    """The table is the same for every visitor of a page on a day, but for
    the coordinators' contacts, shown to some: it is kept per page, language,
    Almaty date, contacts shown or not and content generation, and read only
    when it is rendered (core.fragments)."""

    template_name = "membership/state_list.html"
    context_object_name = "states"
    paginate_by = 25
    kept_parameters = frozenset({"page"})

    def get(self, request, *args, **kwargs):
        # The queryset is built only when the table is read (not when kept).
        return self.render_to_response(self.get_context_data())

    def get_template_names(self) -> list[str]:
        return [self.template_name]  # ListView's would read the queryset

    def get_queryset(self):
        return selectors.states_for_public_list()

    def table(self, **kwargs) -> dict:
        self.object_list = self.get_queryset()
        return super().get_context_data(**kwargs)

    def get_context_data(self, **kwargs):
        key = fragments.query_key(self.request.GET, self.kept_parameters)
        if key is None:
            table = self.table(**kwargs)
        else:
            table = SimpleLazyObject(lambda: self.table(**kwargs))
        return {
            "view": self,
            "kept_key": key,
            "table": table,
            "show_contacts": permissions.can_see_coordinator_contacts(self.request.user),
        }


class StateDetailView(DetailView):
    template_name = "membership/state_detail.html"
    context_object_name = "state"

    def get(self, request, *args, **kwargs):
        return _lower_case_code_redirect(request, kwargs["code"]) or super().get(
            request, *args, **kwargs
        )

    def get_object(self, queryset=None):
        state = selectors.state_for_public_page(code=self.kwargs["code"])
        if state is None:
            raise Http404(_("There is no state with this code."))
        return state

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.object
        context["periods"] = list(state.membership_periods.all())
        context["coordinators"] = state.coordinator_history
        context["chairmanships"] = list(state.chairmanships.all())
        context["show_contacts"] = permissions.can_see_coordinator_contacts(self.request.user)
        active = next((c for c in state.coordinator_history if c.in_office), None)
        context["can_edit_contacts"] = active is not None and (
            permissions.can_edit_coordinator_contacts(self.request.user, active)
        )
        return context


class CoordinatorContactsView(LoginRequiredMixin, FormView):
    """/states/<code>/coordinator/: the coordinator in office updates their
    own contact details (the secretariat may too). Another state's
    coordinator is refused (403)."""

    template_name = "membership/coordinator_contacts.html"
    form_class = CoordinatorContactsForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        redirect_to_lower = _lower_case_code_redirect(request, kwargs["code"])
        if redirect_to_lower is not None:
            return redirect_to_lower
        self.state = selectors.state_by_code(code=kwargs["code"])
        if self.state is None:
            raise Http404(_("There is no state with this code."))
        self.coordinator = selectors.active_coordinator(state=self.state)
        if self.coordinator is None:
            raise Http404(_("This state has no national coordinator in office."))
        if not permissions.can_edit_coordinator_contacts(request.user, self.coordinator):
            raise PermissionDenied(_("You may only change your own contact details."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.coordinator}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "state": self.state, "coordinator": self.coordinator,
        }

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        if fields:
            try:
                services.coordinator_update_contacts(
                    coordinator=self.coordinator, by=self.request.user, **fields
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                return self.form_invalid(form)
            messages.success(self.request, _("Your contact details are saved."))
        else:
            messages.info(self.request, _("Nothing was changed."))
        return redirect(self.state)


class ObserverListView(ListView):
    template_name = "membership/observer_list.html"
    context_object_name = "organisations"
    paginate_by = 50

    def get_queryset(self):
        return selectors.observers_for_public_list()


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The link in an invitation: the invitee chooses a password and is
    signed in. Same single-use, expiring token as a password reset."""

    template_name = "membership/invitation_accept.html"
    post_reset_login = True
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, _("Welcome! Your password is saved and you are signed in.")
        )
        return response
