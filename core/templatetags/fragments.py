"""``{% load fragments %}``: a piece of a page kept per language, day and
content generation (core.fragments).

    {% fragment "archive:list" kept_key circle %}...{% endfragment %}
    {% fragment "home:sections" circle %}...{% endfragment %}

The first argument names the piece; the others are what else it varies on.
"""

from django import template

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
