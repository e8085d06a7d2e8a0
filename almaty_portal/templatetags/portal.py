"""Template helpers shared by every app's templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.http import urlencode

register = template.Library()


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
