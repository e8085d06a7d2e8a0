"""Archive pieces for other pages: the "Latest documents" home section, the
documents section of a state's page, and the thematic areas (About)."""

from django import template

from ..selectors import documents_concerning, latest_documents, themes_in_order

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


@register.simple_tag
def thematic_areas() -> list:
    """The thematic areas in the order of the Operational Mechanism's list
    (reference data kept by the secretariat; one query)."""
    return themes_in_order()
