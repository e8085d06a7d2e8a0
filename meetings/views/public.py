"""Public pages of meetings: the list (upcoming, then past) and a meeting's
page. Reads go through meetings.selectors; which documents a visitor sees is
the archive's rule (archive.selectors.documents_visible_to)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core import fragments
from core.links import absolute_url

from .. import ics, selectors
from ..enums import MeetingKind, WorkingLanguage
from ..filters import MeetingFilter


@dataclass
class FilterField:
    """One filter of the list as the template writes it: a <select> with
    its options (value, label, selected) or a number input."""

    name: str
    id: str
    label: str
    errors: list[str]
    value: str = ""
    options: list[tuple[str, str, bool]] | None = None
    min: int | None = None
    max: int | None = None


def filter_fields(form) -> list[FilterField]:
    """The meetings filter form's fields as plain values: the template
    writes the <select>s and the <input> itself rather than through
    Django's widget templates (a few milliseconds a render), and the theme
    and state choices are two ordinary queries (ModelChoiceField iterates
    its queryset through a server-side cursor). What is selected is what
    the query string says, as Django's widgets would show it: nothing for
    a value that is not a choice (the form shows its error)."""
    fields = []
    for name in ("kind", "year", "theme", "state"):
        bound = form[name]
        raw = form.data.get(name, "") if form.is_bound else ""
        field = FilterField(name=name, id=bound.auto_id, label=str(bound.label),
                            errors=list(bound.errors))
        if name == "year":
            field.value, field.min, field.max = raw, bound.field.min_value, bound.field.max_value
        else:
            if name == "kind":
                choices = [(value, str(label)) for value, label in MeetingKind.choices]
            elif name == "theme":
                choices = [(theme.slug, theme.name) for theme in bound.field.queryset]
            else:
                raw = raw.lower()
                choices = [(state.code, state.name) for state in bound.field.queryset]
            field.options = [("", str(bound.field.empty_label), raw == "")] + [
                (value, label, value == raw) for value, label in choices
            ]
        fields.append(field)
    return fields


# The list's query parameters: a request with these alone (each once, and
# short) has its results kept ({% fragment %}, core.fragments).
KEPT_PARAMETERS = frozenset({"kind", "year", "theme", "state", "page"})


class MeetingListView(ListView):
    """The list is the same for every visitor: its results (filters,
    headings, meetings, pager) are kept per query, language, Almaty date
    and content generation, and read only when they are rendered."""

    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        key = fragments.query_key(self.request.GET, KEPT_PARAMETERS)
        if key is None:
            listing = self.results_context(**kwargs)
        else:
            listing = SimpleLazyObject(lambda: self.results_context(**kwargs))
        return {"view": self, "kept_key": key, "listing": listing}

    def get(self, request, *args, **kwargs):
        # The filters and the queryset are built only when the listing is
        # read (results_context): not at all when it is kept.
        return self.render_to_response(self.get_context_data())

    def get_template_names(self) -> list[str]:
        return [self.template_name]  # ListView's would read the queryset

    def get_queryset(self):
        self.filterset = MeetingFilter(
            self.request.GET, queryset=selectors.meetings_for_list(), request=self.request,
        )
        if not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        # An out-of-range or malformed page number shows the nearest page.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        # The page's meetings are chosen by their keys alone, then read in
        # full: PostgreSQL sorts the whole (filtered) history to find a
        # page, and sorting narrow rows rather than whole meetings with
        # their host states takes a fraction of the time (2,000 meetings:
        # 4.8 ms -> about 1 ms for the first page, 7.2 ms for the 40th).
        # Still one query.
        page.object_list = (
            list(queryset.filter(pk__in=page.object_list.values("pk")))
            if paginator.count else []
        )
        return paginator, page, page.object_list, page.has_other_pages()

    def results_context(self, **kwargs) -> dict:
        self.object_list = self.get_queryset()
        context = super().get_context_data(**kwargs)
        context.update(
            filterset=self.filterset,
            form=self.filterset.form,
            filter_fields=filter_fields(self.filterset.form),
            # Upcoming meetings, then past ones, each under its heading.
            groups=[
                (bool(is_past), list(items))
                for is_past, items in groupby(context["meetings"], key=lambda m: m.is_past)
            ],
            total=context["paginator"].count,
        )
        return context


class MeetingDetailView(DetailView):
    """A meeting's page. Its body (details, agenda, outcomes, participants,
    documents) is the same for every reader of one access circle on a day:
    kept per meeting, language, Almaty date, circle, whether registration
    has closed, and content generation ({% fragment %}, core.fragments), its
    values read only when it is rendered. The panels other apps show
    (meetings.hooks: briefing packs a user may download) are the reader's
    own and rendered for every request."""

    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        # Kept with the page's pieces: a kept page asks the database for
        # nothing but what is the reader's own.
        meeting = fragments.kept(
            "meetings:meeting", lambda: selectors.meeting_for_page(slug=slug, prefetch=False),
            vary=[slug], request=self.request)
        if meeting is None:
            raise Http404(_("There is no such meeting."))
        return meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        closed = selectors.registration_has_closed(self.object)
        context.update(
            is_past=self.object.end < timezone.localdate(),
            registration_closed=closed,
            page=SimpleLazyObject(lambda: self.body_context(closed=closed)),
        )
        return context

    def body_context(self, *, closed: bool) -> dict:
        meeting = selectors.meeting_page_prefetch(self.object)
        user = self.request.user
        agenda = list(meeting.agenda_items.all())
        return {
            "chair": selectors.meeting_chair(meeting=meeting),
            "agenda_days": [
                (day, list(items)) for day, items in groupby(agenda, key=lambda item: item.day)
            ],
            "outcomes": selectors.meeting_outcomes_for(meeting=meeting, user=user),
            "documents": selectors.meeting_documents_for(meeting=meeting, user=user),
            "themes": list(meeting.themes.all()),
            "working_languages": WorkingLanguage.in_text(meeting.working_languages),
            "participants": selectors.meeting_participants(meeting=meeting) if closed else [],
        }


def _calendar_response(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(attachment, filename)
    return response


def meeting_ics(request, slug: str) -> HttpResponse:
    """One meeting as an .ics file to add to a calendar."""
    meeting = selectors.meeting_for_page(slug=slug)
    if meeting is None:
        raise Http404(_("There is no such meeting."))
    content = ics.calendar_of(
        [meeting], url_for=lambda m: absolute_url(m.get_absolute_url(), request=request),
        name=meeting.title,
    )
    return _calendar_response(content, filename=f"{meeting.slug}.ics", attachment=True)


def meetings_ics(request) -> HttpResponse:
    """A calendar feed of meetings (the last year's and all upcoming) to
    subscribe to."""
    content = ics.calendar_of(
        selectors.meetings_for_calendar(),
        url_for=lambda m: absolute_url(m.get_absolute_url(), request=request),
        name=ics.feed_name(),
    )
    return _calendar_response(content, filename="meetings.ics", attachment=False)
