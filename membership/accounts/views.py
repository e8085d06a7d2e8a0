"""The account pages: the two-step sign-in, the account page, enrolling an
authenticator, recovery codes, turning the second factor off and signing
out everywhere. Thin: the rules are in ``services`` and ``selectors``."""

from __future__ import annotations

import time

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.signals import user_login_failed
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from . import selectors, services
from .forms import MSG_CODE_INVALID, CodeForm, EnrolmentForm, PasswordConfirmForm

# The sign-in between its two steps: who passed the password, when, with
# which backend, where to go next, and how many wrong codes so far.
PENDING_SESSION_KEY = "_login_second_step"
# Wrong codes on one second step before the password is asked again (each
# also counts as a failed login for axes' lockout).
SECOND_STEP_MAX_TRIES = 3


def safe_next(request) -> str:
    """The ``next`` parameter if it points into this site, else ''."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


class PortalLoginView(auth_views.LoginView):
    """Django's sign-in form (email and password, as axes counts them);
    an account with an authenticator then goes to the second step instead
    of being signed in. Also the admin's sign-in (``next_page``)."""

    def form_valid(self, form):
        user = form.get_user()
        if not selectors.has_second_factor(user=user):
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
            "next": self.get_success_url(),
            "tries": 0,
        }
        return redirect("login_verify")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class SecondStepView(FormView):
    """The code after the password: from the authenticator app, or a
    recovery code (used up). Wrong codes count as failed logins for axes."""

    template_name = "registration/login_verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.pending = request.session.get(PENDING_SESSION_KEY)
        self.user = self._pending_user()
        if self.user is None:
            request.session.pop(PENDING_SESSION_KEY, None)
            messages.info(request, _("Please sign in again: your sign-in took too long."))
            return redirect("login")
        return super().dispatch(request, *args, **kwargs)

    def _pending_user(self):
        pending = self.pending
        if not isinstance(pending, dict) or not isinstance(pending.get("at"), int):
            return None
        if time.time() - pending["at"] > settings.LOGIN_SECOND_STEP_SECONDS:
            return None
        user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
        if user is None or not selectors.has_second_factor(user=user):
            return None
        return user

    def form_valid(self, form):
        device = services.second_factor_verify(user=self.user, code=form.cleaned_data["code"])
        if device is None:
            return self._wrong_code(form)
        next_url = self.pending.get("next") or ""
        self.request.session.pop(PENDING_SESSION_KEY, None)
        self.user.otp_device = device  # django-otp marks the session verified on login
        auth_login(self.request, self.user, backend=self.pending["backend"])
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            next_url = resolve_url(settings.LOGIN_REDIRECT_URL)
        return redirect(next_url)

    def _wrong_code(self, form):
        user_login_failed.send(
            sender=__name__,
            credentials={settings.AXES_USERNAME_FORM_FIELD: self.user.get_username()},
            request=self.request,
        )
        self.pending["tries"] = self.pending.get("tries", 0) + 1
        if self.pending["tries"] >= SECOND_STEP_MAX_TRIES:
            self.request.session.pop(PENDING_SESSION_KEY, None)
            messages.error(self.request, _("Too many wrong codes. Please sign in again."))
            return redirect("login")
        self.request.session[PENDING_SESSION_KEY] = self.pending
        form.add_error("code", MSG_CODE_INVALID)
        return self.form_invalid(form)


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    """The signed-in person's account: who, the second factor, password,
    sign out everywhere."""

    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        has_2fa = selectors.has_second_factor(user=user)
        return super().get_context_data(
            has_second_factor=has_2fa,
            recovery_codes_left=selectors.recovery_codes_left(user=user) if has_2fa else 0,
            second_factor_required=selectors.second_factor_required(user=user),
            **kwargs,
        )


class _VerifiedSecondFactorMixin(LoginRequiredMixin):
    """Pages that change an enrolled second factor: only from a session
    that passed it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not selectors.has_second_factor(user=request.user):
            messages.info(request, _("Two-factor authentication is not turned on."))
            return redirect("account")
        if not request.user.is_verified():
            messages.error(
                request, _("Sign in again with your code to change two-factor authentication.")
            )
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class TwoFactorSetupView(LoginRequiredMixin, FormView):
    """Enrol an authenticator app: scan the QR code (or type the key), then
    confirm with a code it shows."""

    template_name = "accounts/two_factor_setup.html"
    form_class = EnrolmentForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and selectors.has_second_factor(user=request.user):
            messages.info(request, _("Two-factor authentication is already on."))
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = services.totp_enrolment_start(user=self.request.user)
        secret = services.totp_secret(device=device)
        return super().get_context_data(
            secret=secret,
            secret_grouped=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
            second_factor_required=selectors.second_factor_required(user=self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        device = services.totp_enrolment_start(user=user)
        codes = services.totp_enrolment_confirm(
            user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is None:
            form.add_error("code", MSG_CODE_INVALID)
            return self.form_invalid(form)
        device.refresh_from_db()
        self.request.session.cycle_key()
        django_otp.login(self.request, device)
        messages.success(
            self.request,
            _("Two-factor authentication is on. Keep these recovery codes somewhere safe."),
        )
        url = reverse("two_factor_recovery_codes")
        next_url = safe_next(self.request)
        return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)


@method_decorator(never_cache, name="dispatch")
class TwoFactorQRView(LoginRequiredMixin, View):
    """The QR code of the enrolment in progress, as an SVG image (the page's
    CSP allows images from the site; the SVG has no inline style)."""

    def get(self, request):
        device = selectors.totp_enrolment_pending(user=request.user)
        if device is None:
            raise Http404
        image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
        response = HttpResponse(content_type="image/svg+xml")
        image.save(response)
        return response


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(_VerifiedSecondFactorMixin, TemplateView):
    """The unused recovery codes; POST replaces them with a new set."""

    template_name = "accounts/recovery_codes.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            codes=selectors.recovery_codes(user=self.request.user),
            next_url=safe_next(self.request),
            **kwargs,
        )

    def post(self, request):
        services.recovery_codes_regenerate(user=request.user)
        messages.success(request, _("New recovery codes made. The previous ones no longer work."))
        return redirect("two_factor_recovery_codes")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class TwoFactorDisableView(_VerifiedSecondFactorMixin, FormView):
    """Turn the second factor off, after the password; refused to staff
    while it is required of them."""

    template_name = "accounts/two_factor_disable.html"
    form_class = PasswordConfirmForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and selectors.second_factor_required(user=request.user):
            messages.error(request, _("Staff accounts must keep two-factor authentication."))
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        services.second_factor_disable(user=self.request.user)
        self.request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
        messages.success(self.request, _("Two-factor authentication is off."))
        return redirect("account")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class SignOutEverywhereView(LoginRequiredMixin, FormView):
    """End every other session of the account (other browsers, devices);
    this one stays signed in. Confirmed with the password."""

    template_name = "accounts/sign_out_everywhere.html"
    form_class = PasswordConfirmForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        services.user_sessions_end_everywhere(user=user, password=form.cleaned_data["password"])
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("You have been signed out everywhere else."))
        return redirect("account")
