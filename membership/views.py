"""Public pages of membership (states, observers) and the invitation page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from . import permissions, selectors


class StateListView(ListView):
    template_name = "membership/state_list.html"
    context_object_name = "states"
    paginate_by = 25

    def get_queryset(self):
        return selectors.states_for_public_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_contacts"] = permissions.can_see_coordinator_contacts(self.request.user)
        return context


class StateDetailView(DetailView):
    template_name = "membership/state_detail.html"
    context_object_name = "state"

    def get(self, request, *args, **kwargs):
        code = kwargs["code"]
        if code != code.lower():
            return HttpResponsePermanentRedirect(request.path.replace(code, code.lower(), 1))
        return super().get(request, *args, **kwargs)

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
        return context


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
