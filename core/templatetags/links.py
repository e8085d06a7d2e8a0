"""Links every app's templates build: an absolute URL (from the one base
URL, core.links) and the current query string with some parameters changed
(pagination keeps the filters). The site's layout tags (canonical and
alternate URLs, navigation, language switcher) stay in almaty_portal's
``portal`` library."""

from django import template
from django.utils.http import urlencode

from core.links import absolute_url as _absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """``path`` as an absolute URL (PORTAL_BASE_URL, or the request's host:
    core.links)."""
    return _absolute_url(path, request=context.get("request"))


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
