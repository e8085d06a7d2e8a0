"""``{% load fragments %}``: a piece of a page kept per language, day and
content generation (core.fragments).

    {% fragment "archive:list" kept_key circle %}...{% endfragment %}
    {% fragment "home:sections" circle %}...{% endfragment %}

The first argument names the piece; the others are what else it varies on.
"""

from django import template
from django.conf import settings
from django.utils import translation

from core import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name, vary: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context) -> str:
        return fragments.cached(
            str(self.name.resolve(context)),
            lambda: self.nodelist.render(context),
            vary=[value.resolve(context) for value in self.vary],
            request=context.get("request"),
        )


@register.tag("fragment")
def do_fragment(parser, token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs the piece's name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]),
                        [parser.compile_filter(bit) for bit in bits[2:]])


class OnceNode(template.Node):
    """``{% once %}...{% endonce %}``: a piece of the layout that depends on
    nothing but the language (static files' addresses, fixed labels),
    rendered once per language and process; each time with DEBUG, so that
    an edited template shows at once."""

    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.rendered: dict[str, str] = {}

    def render(self, context) -> str:
        if settings.DEBUG:
            return self.nodelist.render(context)
        language = translation.get_language() or settings.LANGUAGE_CODE
        html = self.rendered.get(language)
        if html is None:
            html = self.rendered[language] = self.nodelist.render(context)
        return html


@register.tag("once")
def do_once(parser, token) -> OnceNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% once %} takes no argument.")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist)
