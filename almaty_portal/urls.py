"""Root URLconf: public pages live under /ru/ and /en/ (i18n_patterns);
machine endpoints (health check) have no language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from actionplan.sitemaps import PlanSitemap
from archive.sitemaps import DocumentSitemap
from content.sitemaps import NewsSitemap, ProjectSitemap
from core.fragments import kept_response
from decisions.sitemaps import OutcomeSitemap
from mechanism.sitemaps import MechanismSitemap
from workplans.sitemaps import WorkPlanSitemap

from . import views
from .sitemaps import MeetingSitemap, StateSitemap, StaticPageSitemap, on_public_address

admin.site.site_header = _("Almaty Process: Support Unit")
admin.site.site_title = _("Almaty Process administration")
admin.site.index_title = _("Secretariat")

# One sitemap for both languages: each entry lists its /ru/ and /en/ pages.
# Sections in this order in the index (/sitemap-<name>.xml).
SITEMAPS = {
    "pages": StaticPageSitemap,
    "meetings": MeetingSitemap,
    "states": StateSitemap,
    "archive": DocumentSitemap,
    "news": NewsSitemap,
    "projects": ProjectSitemap,
    "actionplan": PlanSitemap,
    "decisions": OutcomeSitemap,
    "mechanism": MechanismSitemap,
    "workplans": WorkPlanSitemap,
}

SITEMAP_URL_NAME = "django.contrib.sitemaps.views.sitemap"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt),
    # The language switcher: remembers the choice, then the page (views.py).
    path("language/<str:code>/", views.language_choose, name="language_choose"),
    # An index of the sections' pages; each page lists at most
    # sitemaps.SITEMAP_PAGE_SIZE addresses (?p=2... for the next). Both
    # under the name of Django's sitemap view, which the page cache stores
    # (reversed without arguments: the index; with a section: its page).
    # Each kept whole for the content generation (core.fragments).
    path("sitemap.xml", kept_response("sitemap:index")(views.sitemap_index),
         {"sitemaps": on_public_address(SITEMAPS)}, name=SITEMAP_URL_NAME),
    path("sitemap-<section>.xml",
         kept_response("sitemap:section", frozenset({"p"}))(views.sitemap_section),
         {"sitemaps": on_public_address(SITEMAPS)}, name=SITEMAP_URL_NAME),
    # The archive's open metadata: OAI-PMH (/oai/) and JSON (/api/documents/).
    path("", include("archive.oai.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Sign-in (two steps), the account page, two-factor pages and the admin's
    # sign-in (membership/accounts/urls.py).
    path("", include("membership.accounts.urls")),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "accounts/password-change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    path("", include("membership.urls")),
    path("", include("chairmanship.urls")),
    path("", include("meetings.urls")),
    path("", include("archive.urls")),
    path("", include("content.urls")),
    path("", include("briefings.urls")),
    path("", include("actionplan.urls")),
    path("", include("decisions.urls")),
    path("", include("mechanism.urls")),
    path("", include("workplans.urls")),
    path("", include("contributions.urls")),
    path("", include("alerts.urls")),
)
