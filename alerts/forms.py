"""The public forms of alerts: subscribing (topics, frequency, language)
and asking for the link to manage one's subscriptions."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from membership.enums import Language

from . import selectors
from .enums import Frequency, Topic


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    search = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    follow_search = forms.BooleanField(label=_("This archive search"), required=False)
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False,
                                       widget=forms.CheckboxSelectMultiple)
    states = forms.MultipleChoiceField(label=_("States concerned"), required=False,
                                       widget=forms.CheckboxSelectMultiple)
    meeting_kinds = forms.MultipleChoiceField(label=_("Documents of meetings of these kinds"),
                                              required=False,
                                              widget=forms.CheckboxSelectMultiple)
    decisions = forms.BooleanField(label=_("The register of decisions"), required=False)
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices,
                                  initial=Frequency.WEEKLY, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language of the emails"), choices=Language.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes, states = selectors.themes_and_states()
        self.fields["themes"].choices = themes
        self.fields["states"].choices = states
        self.fields["meeting_kinds"].choices = selectors.meeting_kind_choices()
        self.fields["language"].initial = get_language()
        if not selectors.decisions_available():
            del self.fields["decisions"]
        raw = self.data.get("search") if self.is_bound else self.initial.get("search")
        self.saved_search = selectors.search_parameters(raw or "")
        if self.saved_search is None:
            del self.fields["follow_search"]
        else:
            self.search_description = selectors.describe(
                topic=Topic.SEARCH, value=self.saved_search.urlencode())

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not self.topics():
            raise forms.ValidationError(
                _("Choose at least one thing to follow: a search, a theme, a state, a kind "
                  "of meeting or the register of decisions."), code="no_topic")
        return cleaned

    def topics(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        topics = []
        if data.get("follow_search") and self.saved_search is not None:
            topics.append((Topic.SEARCH, self.saved_search.urlencode()))
        topics += [(Topic.THEME, slug) for slug in data.get("themes", ())]
        topics += [(Topic.STATE, code.lower()) for code in data.get("states", ())]
        topics += [(Topic.MEETING_KIND, kind) for kind in data.get("meeting_kinds", ())]
        if data.get("decisions"):
            topics.append((Topic.DECISIONS, ""))
        return topics


class ManageLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
