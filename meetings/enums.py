from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingKind(models.TextChoices):
    """The meeting formats of the Operational Mechanism (section v).

    National consultations (held in one state, with its coordinator) and the
    regional meetings of national coordinators that follow them are two
    kinds, so the cadence can count consultations per state."""

    MINISTERIAL = "ministerial", pgettext_lazy("meeting kind", "Ministerial Conference")
    SENIOR_OFFICIALS = "som", pgettext_lazy("meeting kind", "Senior Officials' Meeting")
    COORDINATORS = "coordinators", pgettext_lazy(
        "meeting kind", "Meeting of national coordinators"
    )
    NATIONAL_CONSULTATION = "national_consultation", pgettext_lazy(
        "meeting kind", "National consultation"
    )
    THEMATIC = "thematic", pgettext_lazy(
        "meeting kind", "Thematic seminar, workshop or training"
    )
    OTHER = "other", pgettext_lazy("meeting kind", "Other meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("meeting status", "Planned")
    REGISTRATION_OPEN = "registration_open", pgettext_lazy("meeting status", "Registration open")
    REGISTRATION_CLOSED = "registration_closed", pgettext_lazy(
        "meeting status", "Registration closed"
    )
    HELD = "held", pgettext_lazy("meeting status", "Held")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("meeting status", "Postponed")


# Statuses of a meeting that did not or will not take place on its dates:
# they count for nothing in the cadence.
NOT_TAKING_PLACE = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


class WorkingLanguage(models.TextChoices):
    """Languages a meeting may work in: the process's two (Russian and
    English) and those of the participant states."""

    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    AZERBAIJANI = "az", _("Azerbaijani")
    DARI = "prs", _("Dari")
    KAZAKH = "kk", _("Kazakh")
    KYRGYZ = "ky", pgettext_lazy("language", "Kyrgyz")
    PASHTO = "ps", _("Pashto")
    PERSIAN = "fa", _("Persian")
    TAJIK = "tg", _("Tajik")
    TURKISH = "tr", _("Turkish")
    TURKMEN = "tk", _("Turkmen")
    URDU = "ur", _("Urdu")

    @classmethod
    def in_text(cls, codes: list[str]) -> str:
        """The languages as a list inside a sentence ("Рабочие языки: русский,
        английский"; "Working languages: Russian, English"). Russian writes
        language names in lower case in running text, so these are their own
        strings, not the capitalised labels of a choice list."""
        return ", ".join(str(IN_TEXT.get(code, code)) for code in codes)


IN_TEXT = {
    WorkingLanguage.RUSSIAN: pgettext_lazy("language in running text", "Russian"),
    WorkingLanguage.ENGLISH: pgettext_lazy("language in running text", "English"),
    WorkingLanguage.AZERBAIJANI: pgettext_lazy("language in running text", "Azerbaijani"),
    WorkingLanguage.DARI: pgettext_lazy("language in running text", "Dari"),
    WorkingLanguage.KAZAKH: pgettext_lazy("language in running text", "Kazakh"),
    WorkingLanguage.KYRGYZ: pgettext_lazy("language in running text", "Kyrgyz"),
    WorkingLanguage.PASHTO: pgettext_lazy("language in running text", "Pashto"),
    WorkingLanguage.PERSIAN: pgettext_lazy("language in running text", "Persian"),
    WorkingLanguage.TAJIK: pgettext_lazy("language in running text", "Tajik"),
    WorkingLanguage.TURKISH: pgettext_lazy("language in running text", "Turkish"),
    WorkingLanguage.TURKMEN: pgettext_lazy("language in running text", "Turkmen"),
    WorkingLanguage.URDU: pgettext_lazy("language in running text", "Urdu"),
}


class Interpretation(models.TextChoices):
    NONE = "none", pgettext_lazy("interpretation", "None")
    SIMULTANEOUS = "simultaneous", pgettext_lazy("interpretation", "Simultaneous")
    CONSECUTIVE = "consecutive", pgettext_lazy("interpretation", "Consecutive")


class OutcomeKind(models.TextChoices):
    DECISION = "decision", pgettext_lazy("meeting outcome", "Decision")
    CONCLUSIONS = "conclusions", pgettext_lazy("meeting outcome", "Conclusions")
    RECOMMENDATION = "recommendation", pgettext_lazy("meeting outcome", "Recommendation")
    AMENDMENT = "amendment", pgettext_lazy(
        "meeting outcome", "Amendment of the Operational Mechanism"
    )


class MeetingDocumentRole(models.TextChoices):
    AGENDA = "agenda", pgettext_lazy("meeting document", "Agenda")
    CONCEPT_NOTE = "concept_note", pgettext_lazy("meeting document", "Concept note")
    PRESENTATION = "presentation", pgettext_lazy("meeting document", "Presentation")
    OUTCOME = "outcome", pgettext_lazy("meeting document", "Outcome document")
    OTHER = "other", pgettext_lazy("meeting document", "Other document")


class DelegationStatus(models.TextChoices):
    """A delegation is drafted (delegates added one by one, the head of
    delegation possibly not known yet), then submitted by the coordinator
    (exactly one head required), or withdrawn."""

    DRAFT = "draft", pgettext_lazy("delegation status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("delegation status", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("delegation status", "Withdrawn")


class DelegateRole(models.TextChoices):
    HEAD = "head", pgettext_lazy("delegate role", "Head of delegation")
    DELEGATE = "delegate", pgettext_lazy("delegate role", "Delegate")
    ADVISER = "adviser", pgettext_lazy("delegate role", "Adviser")


# Protocol order of the members of a delegation.
ROLE_ORDER = {DelegateRole.HEAD: 0, DelegateRole.DELEGATE: 1, DelegateRole.ADVISER: 2}


class Accreditation(models.TextChoices):
    PENDING = "pending", pgettext_lazy("accreditation", "Pending")
    APPROVED = "approved", pgettext_lazy("accreditation", "Approved")
    DECLINED = "declined", pgettext_lazy("accreditation", "Declined")


class DelegationGroup(models.IntegerChoices):
    """The three parts of a list of participants, in protocol order."""

    PARTICIPANT_STATES = 1, pgettext_lazy("delegation group", "Participant states")
    OBSERVER_STATES = 2, pgettext_lazy("delegation group", "Observer states")
    ORGANISATIONS = 3, pgettext_lazy("delegation group", "Organisations")


class Consent(models.TextChoices):
    """The participant states' consent to a civil-society organisation
    taking part in one meeting (it is not an observer; states and
    international or regional organisations observe without it)."""

    NOT_NEEDED = "not_needed", pgettext_lazy("observer consent", "Not needed")
    AWAITED = "awaited", pgettext_lazy("observer consent", "Awaited")
    GIVEN = "given", pgettext_lazy("observer consent", "Given")
    OBJECTED = "objected", pgettext_lazy("observer consent", "Objection raised")
