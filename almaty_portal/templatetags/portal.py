"""The site's layout tags (base.html and its components): canonical and
alternate URLs, navigation, the language switcher. Links any app's template
builds (absolute URLs, the query string with changes) are core's ``links``."""

from functools import lru_cache
from types import MappingProxyType
from urllib.parse import quote

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from core.links import absolute_url as _absolute_url

register = template.Library()

# Query parameters that make a different page worth indexing on its own
# (a list's later pages); filters and searches canonicalise to the list.
CANONICAL_PARAMETERS = ("page",)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's absolute URL in the current language: the path, and the
    page number of a list past its first page."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        path = f"{path}?{urlencode({'page': page})}"
    return _absolute_url(path, request=request)


@register.simple_tag(takes_context=True)
def alternate_url(context, lang_code: str) -> str:
    """This page in ``lang_code`` (or "x-default": without a language
    prefix) as an absolute URL, for hreflang links (query string dropped but
    for the page number, as canonical_url)."""
    request = context.get("request")
    if lang_code == "x-default":
        # Without a language prefix: the portal sends the reader to their
        # language (as the sitemap's x-default entries do).
        path = switch_language_url(context, settings.LANGUAGE_CODE).partition("?")[0]
        path = "/" + path.lstrip("/").partition("/")[2]
    else:
        path = switch_language_url(context, lang_code).partition("?")[0]
    if request is not None:
        page = request.GET.get("page", "")
        if page.isdigit() and int(page) > 1:
            path = f"{path}?{urlencode({'page': page})}"
    return _absolute_url(path, request=request)


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped by the template: kept as safe.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}...{% endcapture %}``: renders its content (blocks
    included, so child templates still fill them) into ``name``, whitespace
    collapsed, to use it more than once (the <title> and og:title)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


# The layout's links (navigation, header, footer), by name: the same in
# every request of a language, so reversed once per language and process.
LAYOUT_URLS = {
    "home": "home",
    "about": "about",
    "search": "search",
    "login": "login",
    "logout": "logout",
    "admin": "admin:index",
    "states": "membership:state_list",
    "observers": "membership:observer_list",
    "chairmanship": "chairmanship:overview",
    "meetings": "meetings:meeting_list",
    "actionplan": "actionplan:plan",
    "archive": "archive:document_list",
    "news": "content:news_list",
    "partners": "content:partner_list",
    "projects": "content:project_list",
    "contact": "content:contact",
    # Apps whose pages may not exist yet: an empty URL hides the item.
    "mechanism": "mechanism:text",
    "decisions": "decisions:register",
    "workplans": "workplans:index",
    "alerts": "alerts:subscribe",
}


@lru_cache(maxsize=64)
def _layout_urls(language: str | None, script_prefix: str, urlconf: str) -> MappingProxyType:
    urls = {}
    for key, name in LAYOUT_URLS.items():
        try:
            urls[key] = reverse(name, urlconf=urlconf)
        except NoReverseMatch:
            urls[key] = ""  # as {% url ... as name %}: an app left out
    return MappingProxyType(urls)


@register.simple_tag
def layout_urls() -> MappingProxyType:
    """``{% layout_urls as urls %}``: ``urls.home``, ``urls.states``... in
    the active language (empty for a URL that does not exist)."""
    return _layout_urls(get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


# The navigation's items; the page's own is marked aria-current: the same
# page (home, About), or a page under the item's URL.
NAVIGATION = (
    "home", "about", "states", "observers", "chairmanship", "mechanism", "meetings",
    "actionplan", "archive", "decisions", "workplans", "news", "partners", "projects", "contact",
)
EXACT_MATCH = frozenset({"home", "about"})


def _current_items(urls, path: str) -> tuple[bool, ...]:
    return tuple(
        path == urls[key] if key in EXACT_MATCH
        else "/action-plan/" in path if key == "actionplan"
        else bool(urls[key]) and urls[key] in path
        for key in NAVIGATION
    )


def _render_navigation(language, script_prefix, urlconf, current) -> str:
    urls = _layout_urls(language, script_prefix, urlconf)
    html = render_to_string(
        "components/_navigation_items.html",
        {"site_urls": urls, "current": dict(zip(NAVIGATION, current, strict=True))},
    )
    return mark_safe(html.rstrip("\n"))  # noqa: S308 (rendered by the template)


_cached_navigation = lru_cache(maxsize=256)(_render_navigation)


@register.simple_tag(takes_context=True)
def navigation_items(context) -> str:
    """The main navigation's items but the signed-in visitor's own ("My
    state"): the same for every page of a section in a language, so
    rendered once per process for each (translations are compiled in;
    with DEBUG, each time, so that an edited template shows at once)."""
    request = context.get("request")
    args = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    current = _current_items(_layout_urls(*args), request.path if request else "")
    render = _render_navigation if settings.DEBUG else _cached_navigation
    return render(*args, current)


@lru_cache(maxsize=8)
def _language_names(codes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # Each language by its own name ("Русский", "English"), capitalised as
    # {{ info.name_local|capfirst }} gave.
    return tuple((code, capfirst(get_language_info(code)["name_local"])) for code in codes)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The language switcher's entries: ``code``, ``name`` (in that
    language), ``current`` and ``url``: through the view that remembers the
    choice (almaty_portal.views.language_choose) to this page in that
    language."""
    current = get_language()
    return [
        {"code": code, "name": name, "current": code == current,
         "url": "" if code == current else (
             reverse("language_choose", kwargs={"code": code})
             + "?next=" + quote(switch_language_url(context, code), safe="/"))}
        for code, name in _language_names(tuple(code for code, _name in settings.LANGUAGES))
    ]


@lru_cache(maxsize=4096)
def _translated_path(
    path: str, lang_code: str, language: str | None, script_prefix: str, urlconf: str,
) -> str:
    # translate_url resolves the path in the active language (``language``,
    # part of the key): the answer is fixed for the process's URLconf.
    return translate_url(path, lang_code)


@register.simple_tag(takes_context=True)
def switch_language_url(context, lang_code: str) -> str:
    """The current page in another language, query string kept.

    Falls back to swapping the language prefix when the path does not
    resolve (a 404 page), so the switcher never leads off the page.
    """
    request = context.get("request")
    if request is None:
        return f"/{lang_code}/"
    full_path = request.get_full_path()
    path, question, query = full_path.partition("?")
    translated = _translated_path(
        path, lang_code, get_language(), get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    if translated != path:
        return f"{translated}{question}{query}"
    codes = {code for code, _name in settings.LANGUAGES}
    parts = full_path.split("/", 2)
    if len(parts) > 1 and parts[1] in codes:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{lang_code}/{rest}"
    return f"/{lang_code}/"
