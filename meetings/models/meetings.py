"""Meetings of the process: ministerial conferences, senior officials'
meetings, national consultations, seminars; their agenda, their outcomes
(decisions adopted by consensus) and the archive documents that belong to
them.

meetings depends on chairmanship and archive, never the reverse: the links
to chair terms and to documents live here."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document, Theme
from core.dates import date_label
from core.models import TimeStampedModel
from membership.models import ParticipantState

from ..enums import (
    NOT_TAKING_PLACE,
    Interpretation,
    MeetingDocumentRole,
    MeetingKind,
    MeetingStatus,
    WorkingLanguage,
)
from ..validators import validate_time_zone, validate_working_languages

DEFAULT_TIME_ZONE = "Asia/Almaty"
# A confirmation of a chair term is adopted at most this long before the
# term starts (the conference before the handover), and before it ends.
CONFIRMATION_LEAD = datetime.timedelta(days=366)


def _default_languages() -> list[str]:
    return [WorkingLanguage.RUSSIAN, WorkingLanguage.ENGLISH]


def _has_text(*values) -> bool:
    return any((value or "").strip() for value in values)


class Meeting(TimeStampedModel):
    """One meeting on given dates (inclusive, in the meeting's own time zone).

    The Chair is the state chairing the process on the start date
    (``meetings.selectors.meeting_chair``), unless the secretariat records
    another state with the reason. Create and change meetings through
    ``meetings.services``."""

    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True,
        help_text=_("The meeting's address on the portal: /meetings/<slug>/. Never change it "
                    "once published: links to it would break."),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED,
    )
    start = models.DateField(pgettext_lazy("meeting", "first day"))
    end = models.DateField(pgettext_lazy("meeting", "last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the meeting takes place, e.g. Asia/Almaty or Asia/Dushanbe: the "
                    "agenda's times and the registration deadlines are read in it."),
    )
    host_state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, null=True, blank=True,
        related_name="hosted_meetings", verbose_name=_("host state"),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    chair_override = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=pgettext_lazy("meeting", "chaired instead by"),
        help_text=_("Leave empty: the state chairing the process on the first day chairs the "
                    "meeting. Choose a state only when another one chairs it, and say why."),
    )
    chair_override_reason = models.TextField(
        pgettext_lazy("meeting", "why another state chairs"), blank=True,
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True,
        help_text=_("Before the meeting's first day."),
    )
    max_delegation_size = models.PositiveSmallIntegerField(
        pgettext_lazy("delegation", "maximum delegation size"), default=5,
        help_text=_("Delegates per participant state, the head of delegation included."),
    )
    working_languages = models.JSONField(
        _("working languages"), default=_default_languages,
        validators=[validate_working_languages],
    )
    interpretation = models.CharField(
        _("interpretation"), max_length=20, choices=Interpretation.choices,
        default=Interpretation.SIMULTANEOUS,
    )
    interpretation_note = models.CharField(
        _("interpretation details"), max_length=300, blank=True,
        help_text=_("For example: Russian ↔ English; Dari and Urdu on request."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="meetings", verbose_name=_("themes"),
    )
    # Observer states and organisations take part in every meeting unless
    # the participant states decided otherwise for this one.
    observers_excluded = models.BooleanField(
        _("observers excluded from this meeting"), default=False,
    )
    observers_excluded_reason = models.TextField(
        _("why observers are excluded"), blank=True,
    )
    max_observer_delegation_size = models.PositiveSmallIntegerField(
        pgettext_lazy("delegation", "maximum observer delegation size"), default=2,
        help_text=_("Delegates per observer state or organisation, unless its invitation "
                    "says otherwise."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="meetings_dates_in_order",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(registration_opens__isnull=True, registration_closes__isnull=True)
                    | models.Q(registration_opens__isnull=False,
                               registration_closes__isnull=False)
                ),
                name="meetings_registration_window_complete",
                violation_error_message=_(
                    "Give both the opening and the closing of registration, or neither."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(registration_opens__isnull=True)
                    | models.Q(registration_closes__gt=models.F("registration_opens"))
                ),
                name="meetings_registration_window_in_order",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(status=MeetingStatus.REGISTRATION_OPEN)
                    | models.Q(registration_opens__isnull=False)
                ),
                name="meetings_open_registration_has_window",
                violation_error_message=_(
                    "A meeting open for registration needs the registration dates."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(max_delegation_size__gte=1),
                name="meetings_delegation_size_positive",
                violation_error_message=_("A delegation has at least one member."),
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(kind=MeetingKind.NATIONAL_CONSULTATION)
                    | models.Q(host_state__isnull=False)
                ),
                name="meetings_consultation_has_host_state",
                violation_error_message=_(
                    "A national consultation is held by one state: choose the host state."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "start"], name="meetings_kind_start_idx"),
            models.Index(fields=["end"], name="meetings_end_idx"),
            # The few meetings whose registration is open (dashboards, the
            # home page), found without reading the whole history.
            models.Index(
                fields=["registration_closes"], name="meetings_open_reg_idx",
                condition=models.Q(status=MeetingStatus.REGISTRATION_OPEN),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    @property
    def starts_at(self) -> datetime.datetime:
        """Midnight at the start of the first day, in the meeting's time zone."""
        return datetime.datetime.combine(self.start, datetime.time.min, tzinfo=self.zone)

    def registration_is_open(self, *, now: datetime.datetime | None = None) -> bool:
        """Open for delegations: the status says so and ``now`` (default:
        the current moment) falls within the window."""
        now = now or timezone.now()
        return (
            self.status == MeetingStatus.REGISTRATION_OPEN
            and self.registration_opens is not None
            and self.registration_opens <= now < self.registration_closes
        )

    @property
    def takes_place(self) -> bool:
        return self.status not in NOT_TAKING_PLACE

    def clean(self):
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = ValidationError(
                _("The last day cannot be before the first day."), code="dates_order",
            )
        opens, closes = self.registration_opens, self.registration_closes
        if (opens is None) != (closes is None):
            errors["registration_closes" if closes is None else "registration_opens"] = (
                ValidationError(
                    _("Give both the opening and the closing of registration, or neither."),
                    code="registration_incomplete",
                )
            )
        elif opens is not None:
            if closes <= opens:
                errors["registration_closes"] = ValidationError(
                    _("Registration must close after it opens."), code="registration_order",
                )
            elif self.start and closes > self.starts_at:
                errors["registration_closes"] = ValidationError(
                    _("Registration must close before the meeting starts (%(start)s, %(zone)s)."),
                    code="registration_after_start",
                    params={"start": date_label(self.start),
                            "zone": self.time_zone},
                )
        if self.status == MeetingStatus.REGISTRATION_OPEN and opens is None:
            errors.setdefault("registration_opens", ValidationError(
                _("A meeting open for registration needs the registration dates."),
                code="registration_missing",
            ))
        if self.kind == MeetingKind.NATIONAL_CONSULTATION and self.host_state_id is None:
            errors["host_state"] = ValidationError(
                _("A national consultation is held by one state: choose the host state."),
                code="host_state_required",
            )
        if self.chair_override_id is not None and not _has_text(
            self.chair_override_reason_ru, self.chair_override_reason_en
        ):
            errors["chair_override_reason_ru"] = ValidationError(
                _("Say why another state chairs this meeting."), code="chair_reason_required",
            )
        if self.observers_excluded and not _has_text(
            self.observers_excluded_reason_ru, self.observers_excluded_reason_en
        ):
            errors["observers_excluded_reason_ru"] = ValidationError(
                _("Say why observers are excluded from this meeting."),
                code="observers_reason_required",
            )
        if not _has_text(self.title_ru, self.title_en):
            errors["title_ru"] = ValidationError(
                _("Give the title in Russian or in English."), code="title_required",
            )
        if errors:
            raise ValidationError(errors)


class AgendaItem(models.Model):
    """One item of a meeting's agenda, in order. Times are local to the
    meeting's time zone."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items",
        verbose_name=_("meeting"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    day = models.DateField(pgettext_lazy("agenda", "day"), null=True, blank=True)
    start_time = models.TimeField(pgettext_lazy("agenda", "from"), null=True, blank=True)
    end_time = models.TimeField(pgettext_lazy("agenda", "until"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    speakers = models.TextField(
        _("speakers"), blank=True, help_text=_("One speaker per line: name, position."),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(end_time__isnull=True)
                    | models.Q(start_time__isnull=False, end_time__gt=models.F("start_time"))
                ),
                name="meetings_agenda_times_in_order",
                violation_error_message=_("An agenda item ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        errors: dict[str, ValidationError] = {}
        meeting = _meeting_of(self)
        if self.day and meeting is not None and meeting.start and meeting.end and not (
            meeting.start <= self.day <= meeting.end
        ):
            errors["day"] = ValidationError(
                _("The day must be one of the meeting's days (%(start)s – %(end)s)."),
                code="day_outside_meeting",
                params={"start": date_label(meeting.start),
                        "end": date_label(meeting.end)},
            )
        if self.end_time and not self.start_time:
            errors["start_time"] = ValidationError(
                _("Give the start time too."), code="start_time_required",
            )
        elif self.end_time and self.start_time and self.end_time <= self.start_time:
            errors["end_time"] = ValidationError(
                _("An agenda item ends after it starts."), code="times_order",
            )
        if not _has_text(self.title_ru, self.title_en):
            errors["title_ru"] = ValidationError(
                _("Give the title in Russian or in English."), code="title_required",
            )
        if errors:
            raise ValidationError(errors)

    @property
    def speaker_lines(self) -> list[str]:
        return [line.strip() for line in (self.speakers or "").splitlines() if line.strip()]


def _meeting_of(item: models.Model) -> Meeting | None:
    """The meeting an agenda item or outcome belongs to, also when the
    meeting is not saved yet (the admin validates inlines before saving)."""
    if item.meeting_id is None and not item._meta.get_field("meeting").is_cached(item):
        return None
    return item.meeting


class MeetingDocument(models.Model):
    """An archive document that belongs to a meeting (its agenda, concept
    note, presentations, outcome documents), in the meeting's order. Whether
    a visitor sees it is the archive's access rule."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="document_links",
        verbose_name=_("meeting"),
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="meeting_links",
        verbose_name=_("document"),
    )
    role = models.CharField(
        pgettext_lazy("meeting document", "role"), max_length=20,
        choices=MeetingDocumentRole.choices, default=MeetingDocumentRole.OTHER,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "document"], name="meetings_document_once_per_meeting",
                violation_error_message=_("This document is already linked to the meeting."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.document_id}"
