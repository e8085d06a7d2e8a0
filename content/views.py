"""Public pages of the content app. Reads go through content.selectors."""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core import fragments
from core.links import base_url
from core.throttling import client_ip
from membership.throttle import ThrottleUnavailable, throttle_hit

from . import selectors
from .filters import ProjectFilter
from .forms import ContactForm
from .richtext import plain_text
from .services import contact_message_submit

IMAGE_CACHE_SECONDS = 24 * 3600


class NearestPageMixin:
    """An out-of-range or malformed page number shows the nearest page
    instead of a 404: list links get shared and go stale."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        page.object_list = list(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()


class NewsListView(NearestPageMixin, ListView):
    """The list is the same for every visitor of a page on a day: kept per
    page, language, Almaty date and content generation ({% fragment %},
    core.fragments), and read only when it is rendered."""

    template_name = "content/news_list.html"
    context_object_name = "news"
    paginate_by = 10
    kept_parameters = frozenset({"page"})

    def get(self, request, *args, **kwargs):
        key = fragments.query_key(request.GET, self.kept_parameters)
        listing = self.listing() if key is None else SimpleLazyObject(self.listing)
        return self.render_to_response({
            "view": self, "kept_key": key, "listing": listing,
            # Only a page asked for may be past the first (its number in the title).
            "paged": "page" in request.GET,
        })

    def get_template_names(self) -> list[str]:
        return [self.template_name]  # ListView's would read the queryset

    def listing(self) -> dict:
        self.object_list = self.get_queryset()
        return self.get_context_data()

    def get_queryset(self):
        return selectors.news_for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selectors.with_languages(context["news"], language=get_language())
        return context


class NewsDetailView(DetailView):
    template_name = "content/news_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        item = selectors.news_item_for_page(slug=self.kwargs["slug"])
        if item is None:
            raise Http404(_("There is no such news item."))
        return item

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        context.update(
            shown=selectors.news_fallbacks(item=item, language=get_language()),
            description=item.lead or plain_text(item.body)[:300],
        )
        return context


def news_image(request, slug: str):
    """A public item's image. News images live in MEDIA_ROOT under random
    names; this serves them at a stable address, only while the item is
    public, with the type of the format read when it was uploaded."""
    item = selectors.news_item_for_page(slug=slug)
    if item is None or not item.image:
        raise Http404(_("There is no such image."))
    try:
        handle = item.image.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("There is no such image.")) from exc
    content_type = mimetypes.guess_type(item.image.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={IMAGE_CACHE_SECONDS}"
    return response


class PartnerListView(TemplateView):
    """A short list of reference data (eight entries in production), shown
    whole in groups rather than paginated."""

    template_name = "content/partner_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = selectors.partners_by_kind()
        language = get_language()
        for group in groups:
            selectors.with_languages(
                group.partners, language=language, fields=("name", "description"),
            )
        context["groups"] = groups
        return context


class ProjectListView(NearestPageMixin, ListView):
    template_name = "content/project_list.html"
    context_object_name = "projects"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = ProjectFilter(
            self.request.GET, queryset=selectors.projects_for_list(), request=self.request,
        )
        if not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selectors.with_languages(
            context["projects"], language=get_language(), fields=("name", "goal"),
        )
        context.update(
            filterset=self.filterset,
            form=self.filterset.form,
            total=context["paginator"].count,
            filtered=any(self.request.GET.get(name) for name in self.filterset.filters),
        )
        return context


class ProjectDetailView(DetailView):
    template_name = "content/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        project = selectors.project_for_page(slug=self.kwargs["slug"])
        if project is None:
            raise Http404(_("There is no such project in the catalogue."))
        return project

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        language = get_language()
        fields = ("name", "acronym", "goal", "implementing_partners", "thematic_partners",
                  "donor", "other_countries", "contact")
        context.update(
            shown=selectors.fallbacks_of(project, language=language, fields=fields),
            states=list(project.states.all()),
            themes=list(project.themes.all()),
            partners=list(project.partners.all()),
            documents=selectors.project_documents_for(project=project, user=self.request.user),
        )
        return context


# Messages one client address may send per hour (a person writes one or
# two; a flood fills the secretariat's inbox).
CONTACT_MESSAGES_PER_HOUR = 5


class ContactView(FormView):
    """The Support Unit's address and the contact form. A refused message
    (a field, the spam checks, the hourly limit) comes back with what the
    person typed and the reason; a sent one redirects with a notice."""

    template_name = "content/contact.html"
    form_class = ContactForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["details"] = selectors.contact_details()
        return context

    def form_valid(self, form):
        # Fails closed while the cache cannot count (Redis down): an
        # anonymous form must not flood the secretariat (membership/throttle.py).
        try:
            allowed = throttle_hit(
                scope="contact-message", key=client_ip(self.request),
                limit=getattr(settings, "CONTACT_MESSAGES_PER_HOUR", CONTACT_MESSAGES_PER_HOUR),
                period=3600, when_unavailable="closed",
            )
        except ThrottleUnavailable:
            form.add_error(None, _(
                "Messages cannot be sent for a few minutes. Your text is kept below: please "
                "send it again later."
            ))
            response = self.render_to_response(self.get_context_data(form=form), status=503)
            response["Retry-After"] = "60"
            return response
        if not allowed:
            form.add_error(None, _(
                "Too many messages have been sent from your address in the last hour. Your "
                "text is kept below: please send it again later."
            ))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        data = form.cleaned_data
        contact_message_submit(
            name=data["name"], email=data["email"], organisation=data["organisation"],
            subject=data["subject"], message=data["message"], language=get_language(),
            base_url=base_url(self.request),
        )
        messages.success(self.request, _(
            "Thank you: your message has been sent to the Support Unit, which will answer "
            "by email."
        ))
        return HttpResponseRedirect(reverse("content:contact"))
