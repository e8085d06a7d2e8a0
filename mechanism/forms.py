"""The public pages' two small forms: the date the text is read on, and
the two versions compared. Both are GET forms: bad input is shown back with
its error, never a server error."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.dates import date_label


class DateInput(forms.DateInput):
    input_type = "date"


class OnDateForm(forms.Form):
    on = forms.DateField(
        label=_("As in force on"), required=False, input_formats=["%Y-%m-%d"],
        widget=DateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year-month-day, for example "
                                     "2013-06-05.")},
    )

    def full_clean(self):
        super().full_clean()
        if "on" in self.errors:
            # Shown back as typed: a date field cannot hold text that is not
            # a date (browsers drop it, and it is not valid HTML).
            self.fields["on"].widget = forms.TextInput(attrs={"inputmode": "numeric"})


class CompareForm(forms.Form):
    """``?from=<date>&to=<date>``: the versions by the day each came into
    force (readable, and stable as versions are added)."""

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(f"{v.in_force_from:%Y-%m-%d}",
                    _("Version %(number)s, in force from %(date)s")
                    % {"number": v.number, "date": date_label(v.in_force_from)})
                   for v in versions]
        self.fields["from"] = forms.ChoiceField(label=_("Compare the version"), choices=choices)
        self.fields["to"] = forms.ChoiceField(label=_("with the version"), choices=choices)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from") and cleaned.get("from") == cleaned.get("to"):
            raise ValidationError(
                _("Choose two different versions: a version compared with itself shows no "
                  "change."), code="same_version")
        return cleaned
