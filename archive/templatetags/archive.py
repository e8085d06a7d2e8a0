"""Archive pieces for other pages: the "Latest documents" home section."""

from django import template

from ..selectors import latest_documents

register = template.Library()


@register.inclusion_tag("archive/_latest_documents.html", takes_context=True)
def latest_documents_section(context, limit: int = 5) -> dict:
    """The newest documents the visitor may see (one query, or three for a
    signed-in user whose roles are not yet known)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"documents": latest_documents(user=user, limit=limit)}
