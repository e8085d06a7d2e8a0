"""Archive pieces for other pages: the "Latest documents" home section and
the documents section of a state's page."""

from django import template

from ..selectors import documents_concerning, latest_documents

register = template.Library()


@register.inclusion_tag("archive/_latest_documents.html", takes_context=True)
def latest_documents_section(context, limit: int = 5) -> dict:
    """The newest documents the visitor may see (one query, or three for a
    signed-in user whose roles are not yet known)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"documents": latest_documents(user=user, limit=limit)}


@register.inclusion_tag("archive/_state_documents.html", takes_context=True)
def state_documents_section(context, state, limit: int = 10) -> dict:
    """The newest documents concerning ``state`` that the visitor may see,
    with a link to all of them in the archive (filtered by the state)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    documents, total = documents_concerning(state=state, user=user, limit=limit)
    return {"state": state, "documents": documents, "total": total}
