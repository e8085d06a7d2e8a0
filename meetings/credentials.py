"""What nominates a delegation (its credentials, one PDF): a note verbale
from a government, a nomination letter from an organisation.

Only governments issue notes verbales: a participant state, or a state
that observes (``OrganisationKind.STATE``). An international or regional
organisation, and a civil-society organisation (not an observer: invited
case by case with the participant states' consent), nominate their
delegation by letter. One place for the rule and for its words on every
surface (the delegation's page and its to-do list, the services' errors,
the invitation email, the admin)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from membership.enums import OrganisationKind
from membership.models import Organisation


@dataclass(frozen=True)
class CredentialsWords:
    title: Promise  # a heading: "Note verbale"
    name: Promise  # in a sentence or a field label: "note verbale"
    upload: Promise  # the button
    uploaded: Promise  # the message once uploaded
    todo: Promise  # the dashboard's to-do item
    missing: Promise  # the error on submitting without it
    not_pdf: Promise
    help_text: Promise
    filename: str  # the download's name when the upload had none


NOTE_VERBALE = CredentialsWords(
    title=pgettext_lazy("delegation", "Note verbale"),
    name=pgettext_lazy("delegation", "note verbale"),
    upload=_("Upload the note verbale"),
    uploaded=pgettext_lazy("delegation", "The note verbale is uploaded."),
    todo=pgettext_lazy("delegation", "Upload the note verbale."),
    missing=pgettext_lazy(
        "delegation", "Upload the note verbale that nominates the delegation before submitting.",
    ),
    not_pdf=pgettext_lazy("delegation", "The note verbale must be a PDF file."),
    help_text=_("The note verbale that nominates the delegation (PDF)."),
    filename="note-verbale.pdf",
)

NOMINATION_LETTER = CredentialsWords(
    title=pgettext_lazy("delegation", "Nomination letter"),
    name=pgettext_lazy("delegation", "nomination letter"),
    upload=_("Upload the nomination letter"),
    uploaded=pgettext_lazy("delegation", "The nomination letter is uploaded."),
    todo=pgettext_lazy("delegation", "Upload the nomination letter."),
    missing=pgettext_lazy(
        "delegation", "Upload the organisation's nomination letter before submitting.",
    ),
    not_pdf=pgettext_lazy("delegation", "The nomination letter must be a PDF file."),
    help_text=_("The organisation's letter that nominates the delegation (PDF)."),
    filename="nomination-letter.pdf",
)


def nominated_by_note_verbale(party) -> bool:
    """Whether ``party`` (a participant state or an organisation) nominates
    its delegation by note verbale: every state does, no organisation."""
    return not isinstance(party, Organisation) or party.kind == OrganisationKind.STATE


def credentials_words(party) -> CredentialsWords:
    """The words for ``party``'s credentials (a note verbale or a
    nomination letter)."""
    return NOTE_VERBALE if nominated_by_note_verbale(party) else NOMINATION_LETTER
