"""Site-wide pages: home, about, the health check, and the account pages
that need a limit (the login lockout, the password-reset cap)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.paginator import Paginator
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from content import selectors as content_selectors
from membership.forms import PasswordResetForm
from membership.throttle import throttle_hit

from . import search
from .throttling import client_ip
from .urls_absolute import absolute_url

HOUR = 3600


class HomeView(TemplateView):
    template_name = "home.html"


class AboutView(TemplateView):
    """The texts the secretariat keeps in the admin (content.AboutSection,
    content.HistoryEntry) and the thematic areas of the archive."""

    template_name = "about.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        return super().get_context_data(
            sections=content_selectors.about_sections(language=language),
            history=content_selectors.history_entries(language=language),
            **kwargs,
        )


class SearchView(TemplateView):
    """/search/?q=...: documents, meetings and news grouped by kind, with
    counts; ``&kind=meetings`` or ``&kind=news`` pages through one kind
    (documents go to the archive's own search, with its filters)."""

    template_name = "search.html"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())[: search.MAX_QUERY_LENGTH]
        kind = self.request.GET.get("kind", "")
        context.update(query=query, kind=kind if kind in search.KINDS else "")
        if not query:
            return context
        if context["kind"] in (search.MEETINGS, search.NEWS):
            matching = search.search_matching(kind=kind, query=query, user=self.request.user)
            page = Paginator(matching, self.paginate_by).get_page(self.request.GET.get("page"))
            page.object_list = list(page.object_list)
            if kind == search.NEWS:
                content_selectors.with_languages(page.object_list, language=get_language())
            context.update(
                page_obj=page, results=page.object_list, kind_label=search.KINDS[kind],
                total=page.paginator.count,
            )
        else:
            groups = search.search_everything(
                query=query, user=self.request.user, language=get_language(),
            )
            context.update(groups=groups, total=sum(group.count for group in groups))
        return context


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """Reports the database and (when configured) Redis; 503 if either fails.

    Used by docker-compose healthchecks and load balancers: no language
    prefix, no session, no HTML.
    """
    report = {}
    healthy = True
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            report[name] = check()
        except Exception as exc:
            report[name] = f"error: {exc.__class__.__name__}"
            healthy = False
    report["status"] = "ok" if healthy else "error"
    return JsonResponse(report, status=200 if healthy else 503)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /ru/admin/",
        "Disallow: /en/admin/",
        "Disallow: /ru/accounts/",
        "Disallow: /en/accounts/",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def login_lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a refused login (public and admin alike): a
    page that says how long to wait, with status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request, "registration/lockout.html", {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view with two caps per hour: emails to one address
    (silently: the answer is the same whether or not an email went out, or
    an account exists), and requests from one client address (a 429 page:
    it says nothing about any address)."""

    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        if not throttle_hit(
            scope="password-reset-client", key=client_ip(self.request),
            limit=settings.PASSWORD_RESET_LIMIT_PER_CLIENT, period=HOUR,
        ):
            response = render(self.request, "429.html", status=429)
            response["Retry-After"] = str(HOUR)
            return response
        if not throttle_hit(
            scope="password-reset-address", key=form.cleaned_data["email"],
            limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, period=HOUR,
        ):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
