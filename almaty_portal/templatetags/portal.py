"""Template helpers shared by every app's templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from ..urls_absolute import absolute_url as _absolute_url

register = template.Library()

# Query parameters that make a different page worth indexing on its own
# (a list's later pages); filters and searches canonicalise to the list.
CANONICAL_PARAMETERS = ("page",)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """``path`` as an absolute URL (PORTAL_BASE_URL, or the request's host)."""
    return _absolute_url(context.get("request"), path)


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
    return _absolute_url(request, path)


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
    return _absolute_url(request, path)


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
    translated = translate_url(full_path, lang_code)
    if translated != full_path:
        return translated
    codes = {code for code, _name in settings.LANGUAGES}
    parts = full_path.split("/", 2)
    if len(parts) > 1 and parts[1] in codes:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{lang_code}/{rest}"
    return f"/{lang_code}/"


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination,
    sorting), so filters stay in the URL. A value of None drops the key."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"
