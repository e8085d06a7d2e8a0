"""The account pages (under the language prefix). Names without a namespace:
LOGIN_URL, templates and the access matrix use them as they are."""

from django.urls import path

from . import views

urlpatterns = [
    path("accounts/", views.AccountView.as_view(), name="account"),
    path("accounts/login/", views.PortalLoginView.as_view(), name="login"),
    path("accounts/login/code/", views.SecondStepView.as_view(), name="login_verify"),
    path(
        "accounts/two-factor/setup/",
        views.TwoFactorSetupView.as_view(),
        name="two_factor_setup",
    ),
    path(
        "accounts/two-factor/setup/qr-code.svg",
        views.TwoFactorQRView.as_view(),
        name="two_factor_qr",
    ),
    path(
        "accounts/two-factor/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="two_factor_recovery_codes",
    ),
    path(
        "accounts/two-factor/disable/",
        views.TwoFactorDisableView.as_view(),
        name="two_factor_disable",
    ),
    path(
        "accounts/sign-out-everywhere/",
        views.SignOutEverywhereView.as_view(),
        name="account_sign_out_everywhere",
    ),
    # The admin's sign-in is the portal's, with its second step: a staff
    # password alone never opens the admin. Before admin.site.urls, so that
    # this pattern answers for admin:login's address.
    path(
        "admin/login/",
        views.PortalLoginView.as_view(next_page="admin:index"),
        name="admin_login",
    ),
]
