"""Forms of the content app: the secretariat's news form and the public
contact form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.utils.translation import gettext_lazy as _

from .models import NewsItem


class NewsItemAdminForm(forms.ModelForm):
    """Either title may be given alone (modeltranslation would make the
    Russian one required); the model's clean() asks for one of them. The
    slug may be left empty: the service makes one."""

    class Meta:
        model = NewsItem
        fields = ("slug",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_ru", "title_en", "slug"):
            if name in self.fields:
                self.fields[name].required = False


class ContactForm(forms.Form):
    """The public contact form. Spam is kept out without third-party
    services: a honeypot field people never see (bots fill every field),
    and a signed time stamp of when the form was shown, refused when it
    comes back sooner than a person can write (or after a day)."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your email"), max_length=254)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False,
        help_text=_("Optional: a ministry, an organisation or a university."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
    )
    # The honeypot: hidden from people by CSS (content.css) and from screen
    # readers (aria-hidden on its wrapper); its name invites bots.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    MIN_SECONDS = 3
    MAX_AGE = 24 * 3600
    SALT = "content.contact-form"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every rendering carries a fresh stamp: after an error the person
        # keeps what they typed and sends it again normally.
        self.fresh_started = TimestampSigner(salt=self.SALT).sign("contact")

    def clean_started(self):
        token = self.cleaned_data.get("started") or ""
        signer = TimestampSigner(salt=self.SALT)
        try:
            signer.unsign(token, max_age=self.MAX_AGE)
        except SignatureExpired as exc:
            raise ValidationError(
                _("The form was open for more than a day. Please send it again."),
                code="expired",
            ) from exc
        except BadSignature as exc:
            raise ValidationError(
                _("The form could not be checked. Please send it again."), code="tampered",
            ) from exc
        try:
            signer.unsign(token, max_age=self.MIN_SECONDS)
        except SignatureExpired:
            return token  # older than the minimum: a person's pace
        raise ValidationError(
            _("The form was sent too quickly to be checked. Please wait a few seconds and "
              "send it again."),
            code="too_fast",
        )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(
                _("This message looks automated and was not sent. If you are a person, "
                  "empty the field “Leave this field empty” and send it again."),
                code="honeypot",
            )
        return ""

    def clean(self):
        cleaned = super().clean()
        # The stamp's and the honeypot's errors concern the whole form.
        for name in ("started", "website"):
            if name in self.errors:
                for error in self.errors.pop(name):
                    self.add_error(None, error)
        return cleaned
