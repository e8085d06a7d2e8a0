from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from .selectors import chairmanship_terms_with_confirmations, rotation_data, turn_declinations
from .services import PROJECTED_TERMS, chairmanship_history, chairmanship_project


class ChairmanshipOverviewView(TemplateView):
    """The current Chair, every term since 2013, the declined turns and the
    rotation projected for the next terms. A fixed number of queries,
    however long the history."""

    template_name = "chairmanship/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The page's body is the same for every visitor on a day: it is kept
        # per language, Almaty date and content generation ({% fragment %},
        # core.fragments), and its values are read only when it is rendered.
        context["overview"] = SimpleLazyObject(self.overview)
        return context

    @staticmethod
    def overview() -> dict:
        today = timezone.localdate()
        terms = list(chairmanship_terms_with_confirmations())
        data = rotation_data()
        try:
            projection, projection_errors = chairmanship_project(
                count=PROJECTED_TERMS, today=today, terms=terms, data=data,
            ), []
        except ValidationError as exc:  # nobody eligible: say so, do not fail the page
            projection, projection_errors = [], exc.messages
        return {
            "today": today,
            "terms": terms,
            "history": chairmanship_history(terms=terms, data=data),
            "current": next((term for term in terms if term.covers(today)), None),
            "declinations": list(turn_declinations()),
            "projection": projection,
            "projection_errors": projection_errors,
        }
