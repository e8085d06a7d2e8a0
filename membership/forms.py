"""Forms of membership: accounts, the coordinator's own contact page and
the secretariat's admin forms. Rules that need other rows come from the
services, so the admin shows them as form errors before anything is saved."""

import unicodedata

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import CheckConstraint
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import permissions, services
from .models import MembershipPeriod, NationalCoordinator, ParticipantState, User

validate_phone = RegexValidator(
    r"^\+?[0-9 ()\-]{5,40}$",
    _("Enter a phone number with digits, spaces, brackets or dashes, e.g. +7 727 258 00 00."),
    code="phone",
)


class UserCreationForm(auth_forms.BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "preferred_language")


class UserChangeForm(auth_forms.UserChangeForm):
    """The admin's account form. ``actor`` is the signed-in user (the admin
    sets it): the groups they may give or take away are those
    ``permissions.groups_assignable_by`` allows, and the account keeps the
    groups beyond them whatever is posted. Without an actor the groups are
    not editable at all."""

    actor = None

    class Meta:
        model = User
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = self.fields.get("groups")
        if groups is None:
            return
        if self.actor is None:
            groups.disabled = True
        elif not permissions.can_manage_superusers(self.actor):
            groups.queryset = permissions.groups_assignable_by(self.actor)
            groups.help_text = _(
                "Only the groups whose permissions you hold yourself are listed. The account "
                "keeps its other groups (such as Secretariat administrators): only a superuser "
                "can change those."
            )

    def clean_groups(self):
        chosen = list(self.cleaned_data["groups"])
        if self.actor is None or permissions.can_manage_superusers(self.actor):
            return chosen
        if self.instance.pk is None:
            return chosen
        assignable = self.fields["groups"].queryset
        kept = self.instance.groups.exclude(pk__in=assignable.values("pk"))
        return chosen + list(kept)


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


# --- The coordinator's own page -------------------------------------------------

class CoordinatorContactsForm(forms.ModelForm):
    """What a coordinator keeps up to date themselves."""

    class Meta:
        model = NationalCoordinator
        fields = services.CONTACT_FIELDS
        labels = {
            "position_ru": _("Position (in Russian)"),
            "position_en": _("Position (in English)"),
            "agency_ru": _("Agency (in Russian)"),
            "agency_en": _("Agency (in English)"),
            "email": _("Contact email"),
            "phone": _("Phone"),
        }
        help_texts = {
            "email": _("Shown to other coordinators and the secretariat. "
                       "It does not change the address you sign in with."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(validate_phone)


# --- Admin: national coordinators -------------------------------------------------

class NationalCoordinatorAdminForm(forms.ModelForm):
    """Adding or correcting a term: the rules that need other rows (a second
    active coordinator, overlapping terms, a state that is not a participant)
    come back as form errors instead of a database error."""

    class Meta:
        model = NationalCoordinator
        fields = (
            "state", "full_name", "position", "agency", "email", "phone", "start", "end",
            "end_reason", "user",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phone" in self.fields:
            self.fields["phone"].validators.append(validate_phone)

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.instance.state_id is None:
            return
        try:
            services.coordinator_check_term(coordinator=self.instance)
        except ValidationError as exc:
            self._update_errors(exc)


class CoordinatorReplaceForm(forms.ModelForm):
    """The new coordinator who takes over from the active one on ``start``
    (the active term ends the day before)."""

    class Meta:
        model = NationalCoordinator
        fields = (
            "full_name_ru", "full_name_en", "position_ru", "position_en", "agency_ru",
            "agency_en", "email", "phone", "start",
        )
        labels = {
            "full_name_ru": _("Full name (in Russian)"),
            "full_name_en": _("Full name (in English)"),
            "position_ru": _("Position (in Russian)"),
            "position_en": _("Position (in English)"),
            "agency_ru": _("Agency (in Russian)"),
            "agency_en": _("Agency (in English)"),
            "start": _("Takes office on"),
        }
        help_texts = {
            "start": _("The current coordinator's term ends the day before."),
        }

    def __init__(self, *args, state: ParticipantState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)
        self.fields["full_name_ru"].required = True
        self.fields["phone"].validators.append(validate_phone)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start"):
            try:
                services.coordinator_check_new(
                    state=self.state, start=cleaned["start"], replacing=True
                )
            except ValidationError as exc:
                self.add_error("start", exc)
        return cleaned

    def service_fields(self) -> dict:
        """The new coordinator's fields as ``coordinator_replace`` takes them."""
        return {
            name: self.cleaned_data[name] or "" for name in self._meta.fields if name != "start"
        }


# --- Admin: states ------------------------------------------------------------------

class ParticipantStateAdminForm(forms.ModelForm):
    """A state's names and codes, and its rotation key: on a new state the
    key defaults to the English short name (the model's ``clean``); on an
    existing state changing it needs a ticked confirmation, since it moves
    the state in the rotation of the chairmanship. The display names never
    change it."""

    confirm_rotation_key_change = forms.BooleanField(
        label=_("I understand that this moves the state in the rotation"), required=False,
        help_text=_("Needed only when you change the rotation key of a recorded state."),
    )

    class Meta:
        model = ParticipantState
        fields = ("name", "official_name", "iso2", "iso3", "rotation_key")
        help_texts = {
            "rotation_key": _(
                "Usually the state's English short name. Leave empty on a new state to use "
                "the English short name."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk is not None
            and "rotation_key" in self.changed_data
            and not cleaned.get("confirm_rotation_key_change")
        ):
            self.add_error("confirm_rotation_key_change", ValidationError(
                _("Changing the rotation key moves the state in the rotation of the "
                  "chairmanship: tick this box to confirm."),
                code="confirm_rotation_key_change",
            ))
        return cleaned


# --- Admin: a state's membership history -------------------------------------------

class MembershipPeriodInlineForm(forms.ModelForm):
    """One period of the history. Only its own rules (dates in order, a
    deadline for pending) are checked here: overlaps and open periods are
    rules of the whole history, which the formset checks."""

    class Meta:
        model = MembershipPeriod
        fields = ("status", "start", "end", "deadline", "objection", "note", "illustrative")
        widgets = {"note": forms.Textarea(attrs={"rows": 1, "cols": 40})}

    def validate_constraints(self):
        exclude = self._get_validation_exclusions()
        errors = []
        for constraint in MembershipPeriod._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                try:
                    constraint.validate(MembershipPeriod, self.instance, exclude=exclude)
                except ValidationError as exc:
                    errors.append(exc)
        if errors:
            self._update_errors(ValidationError(errors))


class MembershipPeriodFormSet(forms.BaseInlineFormSet):
    """Checks the history that would result from the whole submission
    (``services.membership_periods_check``): overlapping periods or two open
    ones are refused with nothing saved."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        periods = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            periods.append(form.instance)
        try:
            services.membership_periods_check(periods)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
