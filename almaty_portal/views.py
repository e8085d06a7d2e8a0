"""Site-wide pages: home, about, the health check, and the account pages
that need a limit (the login lockout, the password-reset cap)."""

import datetime
import html

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from content import selectors as content_selectors
from core.links import absolute_url
from core.tasking import outbox_size
from core.throttling import client_ip
from membership.forms import PasswordResetForm
from membership.throttle import ThrottleUnavailable, throttle_hit

from . import search
from .health import storage_problems

HOUR = 3600
SITEMAP_URL_NAME = "django.contrib.sitemaps.views.sitemap"


class HomeView(TemplateView):
    template_name = "home.html"


class AboutView(TemplateView):
    """The texts the secretariat keeps in the admin (content.AboutSection,
    content.HistoryEntry) and the thematic areas of the archive. The body is
    the same for every visitor: it is kept per language, day and content
    generation ({% fragment %}), and its rows read only when it is not."""

    template_name = "about.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        return super().get_context_data(
            sections=SimpleLazyObject(
                lambda: content_selectors.about_sections(language=language)),
            history=SimpleLazyObject(
                lambda: content_selectors.history_entries(language=language)),
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
        if context["kind"] in search.PAGED_KINDS:
            matching = search.search_matching(kind=kind, query=query)
            page = Paginator(matching, self.paginate_by).get_page(self.request.GET.get("page"))
            page.object_list = search.page_prepare(
                kind=kind, items=list(page.object_list), language=get_language())
            context.update(
                page_obj=page, results=page.object_list, kind_label=search.KINDS[kind].label,
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


def _check_broker() -> str:
    """Celery's broker (Redis too in production, perhaps another server);
    while it is down, tasks wait in the database's outbox (core/tasking.py)."""
    from .celery import app

    if app.conf.broker_url.startswith("memory://"):
        return "not configured"
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """Reports the database, (when configured) Redis and Celery's broker;
    503 if any fails, with a JSON body naming it.

    Used by docker-compose healthchecks and load balancers: no language
    prefix, no session, no HTML.
    """
    report = {}
    healthy = True
    for name, check in (
        ("database", _check_database), ("redis", _check_redis), ("broker", _check_broker),
    ):
        try:
            report[name] = check()
        except Exception as exc:
            report[name] = f"error: {exc.__class__.__name__}"
            healthy = False
    # Storage directories and the newest stored files: names and problems
    # only, never paths (almaty_portal/health.py).
    storage = storage_problems(files=report["database"] == "ok")
    report["storage"] = [f"{p.storage}: {p.problem}" for p in storage] or "ok"
    healthy = healthy and not storage
    if report["database"] == "ok":
        # Tasks recorded while the broker was down and not yet sent
        # (core/tasking.py): information, not a failure.
        report["outbox"] = outbox_size()
    report["status"] = "ok" if healthy else "error"
    return JsonResponse(report, status=200 if healthy else 503)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))


@never_cache
@require_GET
def language_choose(request, code: str):
    """/language/<code>/?next=<page>: the language switcher's links. Remembers
    the visitor's choice in Django's language cookie (``LANGUAGE_COOKIE_*``
    settings), which LocaleMiddleware reads when it sends "/" to /ru/ or
    /en/, and goes on to the page in that language (``next``, one of our own
    addresses; else that language's home page).

    A plain link (no form, no JavaScript, no CSRF token: it changes nothing
    but the visitor's own preference). The pages themselves never set the
    cookie, so the page cache keeps storing them; this redirect is never
    stored (not a public view, not a 200)."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure(),
    ):
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code,
        max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /ru/admin/",
        "Disallow: /en/admin/",
        "Disallow: /ru/accounts/",
        "Disallow: /en/accounts/",
        # The language switcher's redirects (each page's languages are in
        # its hreflang links and the sitemap).
        "Disallow: /language/",
        f"Sitemap: {absolute_url('/sitemap.xml', request=request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def sitemap_index(request, sitemaps):
    """/sitemap.xml: the address of every page of every section's sitemap
    (/sitemap-archive.xml, /sitemap-archive.xml?p=2...), on the public
    address. One COUNT per section; no item is read."""
    entries = []
    for section, sitemap_class in sitemaps.items():
        location = absolute_url(reverse(SITEMAP_URL_NAME, kwargs={"section": section}),
                                request=request)
        entries.append(SitemapIndexItem(location))
        pages = sitemap_class().paginator.num_pages
        entries.extend(SitemapIndexItem(f"{location}?p={page}") for page in range(2, pages + 1))
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
    'schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _sitemap_xml(urls: list[dict]) -> str:
    """Django's sitemap.xml template written directly (with the standard
    library's escape): 5,000 entries with their alternates took about 1.5 s
    through the template engine."""
    escape = html.escape
    parts = [URLSET_START]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        lastmod = url["lastmod"]
        if lastmod:
            if isinstance(lastmod, datetime.datetime):
                lastmod = timezone.localtime(lastmod) if timezone.is_aware(lastmod) else lastmod
                lastmod = lastmod.date()
            parts.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
            f'href="{escape(alternate["location"])}"/>'
            for alternate in url["alternates"]
        )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


@require_GET
def sitemap_section(request, sitemaps, section):
    """/sitemap-<section>.xml?p=N: one page of a section (Django's view,
    its XML written without the template engine)."""
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}")
    sitemap = sitemaps[section]()
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1), site=get_current_site(request),
                                protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404("No such sitemap page") from exc
    response = HttpResponse(_sitemap_xml(urls), content_type="application/xml")
    lastmod = getattr(sitemap, "latest_lastmod", None)
    if lastmod is not None:
        if not isinstance(lastmod, datetime.datetime):
            lastmod = datetime.datetime.combine(lastmod, datetime.time.min, datetime.UTC)
        response.headers["Last-Modified"] = http_date(lastmod.timestamp())
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


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
        # Both caps fail closed while the cache cannot count (Redis down):
        # no reset email goes out uncounted (membership/throttle.py).
        try:
            if not throttle_hit(
                scope="password-reset-client", key=client_ip(self.request),
                limit=settings.PASSWORD_RESET_LIMIT_PER_CLIENT, period=HOUR,
                when_unavailable="closed",
            ):
                response = render(self.request, "429.html", status=429)
                response["Retry-After"] = str(HOUR)
                return response
            if not throttle_hit(
                scope="password-reset-address", key=form.cleaned_data["email"],
                limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, period=HOUR,
                when_unavailable="closed",
            ):
                return HttpResponseRedirect(self.get_success_url())
        except ThrottleUnavailable:
            form.add_error(None, gettext(
                "Password reset is unavailable for a few minutes. Please try again later."
            ))
            response = self.render_to_response(self.get_context_data(form=form), status=503)
            response["Retry-After"] = "60"
            return response
        return super().form_valid(form)


@never_cache
def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form came back without a valid token (an expired
    session, cookies blocked, a page open for too long). The portal's own
    page in the page's language, status 403, saying what to do and nothing
    about settings; the reason is already logged by Django
    (django.security.csrf). It links back to the page holding the form when
    the browser said which one it was and it is one of ours."""
    referer = request.headers.get("referer", "")
    back = referer if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure(),
    ) else ""
    return render(request, "403_csrf.html", {"back": back}, status=403)
