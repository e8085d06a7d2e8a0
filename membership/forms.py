import unicodedata

from django.contrib.auth import forms as auth_forms
from django.utils import translation

from .models import User


class UserCreationForm(auth_forms.BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "preferred_language")


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Password reset by email, written in the account's preferred language
    (the link too: it opens the page in that language).

    Unlike Django's form it also serves active accounts whose password was
    never set: an invited person whose link expired can help themselves
    instead of waiting for a new invitation. Every account here is a local
    one (no external sign-in), so an unusable password only means "not set
    yet"; deactivation is ``is_active``.
    """

    def get_users(self, email):
        users = User._default_manager.filter(email__iexact=email, is_active=True)
        return (u for u in users if _same_email(email, u.email))

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        with translation.override(context["user"].preferred_language):
            super().send_mail(
                subject_template_name, email_template_name, context, from_email, to_email,
                html_email_template_name=html_email_template_name,
            )


def _same_email(typed: str, stored: str) -> bool:
    """Compared as Django's own form does (NFKC, case-folded)."""
    return (
        unicodedata.normalize("NFKC", typed).casefold()
        == unicodedata.normalize("NFKC", stored).casefold()
    )
