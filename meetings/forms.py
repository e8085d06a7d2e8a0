"""Forms of the registration pages. They only shape the input: every rule
(window, limits, head of delegation, duplicates, who may act) is the
service's, whose errors the views put back on the form with the input."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.transliteration import to_latin

from .credentials import credentials_words
from .models import Delegate
from .services.registration import DELEGATE_FIELDS


class DelegateForm(forms.ModelForm):
    """A delegate's details. The Latin names, when left empty, are proposed
    from the Cyrillic ones (ICAO Doc 9303) and can be corrected."""

    class Meta:
        model = Delegate
        fields = DELEGATE_FIELDS
        widgets = {
            "role": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("surname_latin", "given_names_latin"):
            self.fields[name].required = False
            self.fields[name].help_text = _(
                "Leave empty to use the passport transliteration of the Cyrillic name."
            )

    def clean(self):
        cleaned = super().clean()
        for script_name, latin in (("surname_cyrillic", "surname_latin"),
                                   ("given_names_cyrillic", "given_names_latin")):
            if not cleaned.get(latin) and cleaned.get(script_name):
                cleaned[latin] = to_latin(cleaned[script_name])
            if not cleaned.get(latin) and latin not in self.errors:
                self.add_error(latin, ValidationError(
                    _("Give the name in Latin script, or in Cyrillic to have it proposed."),
                    code="required",
                ))
        return cleaned

    def _post_clean(self):
        # The service validates the model (with the delegation it belongs to).
        pass

    @property
    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in DELEGATE_FIELDS}


class CredentialsForm(forms.Form):
    """The PDF that nominates the delegation: a state's note verbale, an
    organisation's nomination letter (``party`` decides the words)."""

    credentials = forms.FileField(
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, party=None, **kwargs):
        super().__init__(*args, **kwargs)
        words = credentials_words(party)
        self.fields["credentials"].label = words.name
        self.fields["credentials"].help_text = words.help_text


class ConfirmForm(forms.Form):
    """An empty form for the POST-only actions (submit, withdraw)."""


