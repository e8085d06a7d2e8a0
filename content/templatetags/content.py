"""Sections the content app adds to other pages: the latest news on the
home page (``{% load content %}{% latest_news_section %}`` in
templates/_home_sections.html)."""

from django import template
from django.utils.translation import get_language

from .. import selectors

register = template.Library()


@register.inclusion_tag("content/_latest_news.html", takes_context=True)
def latest_news_section(context, limit: int = 3) -> dict:
    """The newest public news items (one query), each marked with the
    language its title is shown in."""
    items = selectors.with_languages(selectors.latest_news(limit=limit), language=get_language())
    return {"news": items, "LANGUAGE_CODE": context.get("LANGUAGE_CODE", get_language())}
