"""The public pages of alerts. Anyone subscribes without an account; the
signed links of the emails confirm, list, delete and unsubscribe (a link
altered, expired or malformed gets a translated page, status 400).

Unsubscribing follows RFC 8058: a mail client's one-click POST needs no
CSRF token and no cookie (``csrf_exempt``: the signed link is the proof),
while a GET (a person's click, or a scanner following links) only shows a
page asking to confirm: it never unsubscribes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView

from core.links import base_url
from core.throttling import client_ip
from membership.throttle import ThrottleUnavailable, throttle_hit

from . import selectors, services, tokens
from .forms import ManageLinkForm, SubscribeForm

HOUR = 3600


def _throttled(view, form, *, scope: str):
    """None when the request may go on; else the response refusing it. Per
    client address: too many gets a 429 with the form as typed. Per email
    address: too many is answered as success and nothing is sent (so the
    answer never tells whether the address is known). The counters fail
    closed when the cache is down (503, the form kept): an anonymous form
    that mails any address must not be left uncounted."""
    try:
        if not throttle_hit(scope=f"{scope}-client", key=client_ip(view.request),
                            limit=settings.ALERTS_LIMIT_PER_CLIENT, period=HOUR,
                            when_unavailable="closed"):
            form.add_error(None, _("Too many requests have come from your address in the last "
                                   "hour. What you typed is kept below: please try again "
                                   "later."))
            return view.render_to_response(view.get_context_data(form=form), status=429)
        if not throttle_hit(scope=f"{scope}-address", key=form.cleaned_data["email"],
                            limit=settings.ALERTS_LIMIT_PER_ADDRESS, period=HOUR,
                            when_unavailable="closed"):
            return HttpResponseRedirect(reverse("alerts:sent"))
    except ThrottleUnavailable:
        form.add_error(None, _("Subscriptions are unavailable for a few minutes. What you "
                               "typed is kept below: please try again later."))
        response = view.render_to_response(view.get_context_data(form=form), status=503)
        response["Retry-After"] = "60"
        return response
    return None


class SubscribeView(FormView):
    """``/<language>/alerts/``; ``?search=<the archive list's query string>``
    offers that search (the archive's "save this search" link)."""

    template_name = "alerts/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        initial = {"search": self.request.GET.get("search", "")[:4000]}
        if initial["search"]:
            initial["follow_search"] = True
        user = self.request.user
        if user.is_authenticated:
            initial["email"] = user.email
        return initial

    def form_valid(self, form):
        refused = _throttled(self, form, scope="alerts-subscribe")
        if refused is not None:
            return refused
        data = form.cleaned_data
        services.subscription_request(
            email=data["email"], language=data["language"], frequency=data["frequency"],
            topics=form.topics(), base_url=base_url(self.request))
        return HttpResponseRedirect(reverse("alerts:sent"))


class SentView(TemplateView):
    template_name = "alerts/sent.html"


class ManageLinkView(FormView):
    """Asking for the link to one's subscriptions by email."""

    template_name = "alerts/manage_request.html"
    form_class = ManageLinkForm

    def form_valid(self, form):
        refused = _throttled(self, form, scope="alerts-manage")
        if refused is not None:
            return refused
        services.manage_link_send(email=form.cleaned_data["email"], language=get_language(),
                                  base_url=base_url(self.request))
        return HttpResponseRedirect(reverse("alerts:sent"))


def _bad_link(request):
    return render(request, "alerts/bad_link.html", status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET: what the link confirms, and a button; POST: confirmed."""
    link = tokens.read("confirm", token)
    if link is None:
        return _bad_link(request)
    if request.method == "POST":
        rows = services.subscriptions_confirm(email=link.email, ids=link.ids)
        if not rows:
            return _bad_link(request)
        return render(request, "alerts/confirmed.html", {
            "topics": [r.description for r in selectors.described(rows)],
            "manage_url": reverse("alerts:manage", kwargs={
                "token": tokens.make("manage", email=link.email)}),
        })
    rows = [row for row in selectors.subscriptions_of(email=link.email) if row.pk in link.ids]
    if not rows:
        return _bad_link(request)
    return render(request, "alerts/confirm.html", {
        "email": link.email,
        "topics": [r.description for r in selectors.described(rows)],
    })


@never_cache
def manage(request, token: str):
    """An address's subscriptions, each with a link to delete it."""
    link = tokens.read("manage", token)
    if link is None:
        return _bad_link(request)
    rows = selectors.described(selectors.subscriptions_of(email=link.email))
    return render(request, "alerts/manage.html", {
        "email": link.email, "subscriptions": rows, "token": token,
        "unsubscribe_all_url": reverse("alerts:unsubscribe", kwargs={
            "token": tokens.make("unsubscribe", email=link.email,
                                 ids=[row.pk for row in rows])}) if rows else "",
    })


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, token: str, pk: int):
    """GET: asks first; POST: deletes the one subscription."""
    link = tokens.read("manage", token)
    if link is None:
        return _bad_link(request)
    row = next((r for r in selectors.subscriptions_of(email=link.email) if r.pk == pk), None)
    if row is None:
        raise Http404
    if request.method == "POST":
        services.subscriptions_delete(email=link.email, ids=[pk])
        messages.success(request, _("The subscription has been deleted."))
        return HttpResponseRedirect(reverse("alerts:manage", kwargs={"token": token}))
    return render(request, "alerts/delete.html", {
        "description": selectors.describe(topic=row.topic, value=row.value),
        "token": token, "subscription": row,
    })


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """RFC 8058: POST unsubscribes at once (no token, no cookie needed);
    GET asks first."""
    link = tokens.read("unsubscribe", token)
    if link is None:
        return _bad_link(request)
    if request.method == "POST":
        services.subscriptions_delete(email=link.email, ids=link.ids)
        return render(request, "alerts/unsubscribed.html")
    rows = [row for row in selectors.subscriptions_of(email=link.email) if row.pk in link.ids]
    return render(request, "alerts/unsubscribe.html", {
        "topics": [r.description for r in selectors.described(rows)],
        "email": link.email,
    })


