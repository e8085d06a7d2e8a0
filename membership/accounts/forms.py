"""Forms of the account pages: a code (authenticator or recovery), and the
password that confirms a change to the account's security."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MSG_CODE_INVALID = _(
    "This code is not valid. Check the time on your phone, or use a recovery code."
)


class CodeForm(forms.Form):
    """The code of the second sign-in step: six digits from the authenticator
    app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none",
                   "spellcheck": "false", "autofocus": True}
        ),
    )


class EnrolmentForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=16,
        help_text=_("After adding the account to the app, type the six digits it shows."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class PasswordConfirmForm(forms.Form):
    """The account's current password, asked before a change to its security."""

    password = forms.CharField(
        label=_("Your password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Your password was entered incorrectly."), code="password_incorrect"
            )
        return password
