import datetime

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import Language, MembershipStatus, OrganisationKind, SecurityEventKind
from .validators import validate_iso2, validate_iso3

# The flag of a record invented for the demonstration (membership periods
# here; chair terms and declined turns in chairmanship): pages that show the
# record mark it, so no invented fact is shown as a fact of the process.
ILLUSTRATIVE_HELP = _(
    "Invented for the demonstration, not a fact of the process: the public pages mark it "
    "“illustrative”."
)


def in_office_on(on: datetime.date) -> Q:
    """Terms (coordinators, focal points) that hold on ``on``: started on or
    before it and not ended before it (dates are inclusive). "In office" is
    a date range that holds the day, never "has no end date"."""
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


class TermQuerySet(models.QuerySet):
    def in_office(self, *, on: datetime.date | None = None) -> "TermQuerySet":
        """Terms in office on ``on`` (today in Asia/Almaty by default)."""
        return self.filter(in_office_on(on or timezone.localdate()))


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields.get("is_staff") is not True or extra_fields.get("is_superuser") is not True:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: secretariat staff, a national coordinator or an
    observer organisation's focal point. Users log in by email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.RUSSIAN,
        help_text=_("Emails to this user are written in this language."),
    )
    is_staff = models.BooleanField(
        _("secretariat staff"),
        default=False,
        help_text=_("Can log in to the administration site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    invited_at = models.DateTimeField(
        _("last invited"), null=True, blank=True,
        help_text=_("When the secretariat last sent this person an invitation to the portal."),
    )
    invited_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("invited by"),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="membership_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name or self.email


class ParticipantState(models.Model):
    """A state of the process. Its standing over time is its list of
    MembershipPeriods; the chairmanship rotation orders states by
    ``rotation_key`` (a fact, set once), never by the editable display name."""

    name = models.CharField(_("short name"), max_length=100)
    rotation_key = models.CharField(
        _("rotation key"), max_length=100, blank=True,
        help_text=_(
            "The state's English short name as the rotation of the chairmanship sorts it "
            "(English alphabetical order). Changing it moves the state in the rotation: "
            "every projected term and the turns of the states around it change."
        ),
    )
    official_name = models.CharField(_("official name"), max_length=200)
    iso2 = models.CharField(
        _("ISO 3166 alpha-2 code"), max_length=2, unique=True, validators=[validate_iso2]
    )
    iso3 = models.CharField(
        _("ISO 3166 alpha-3 code"), max_length=3, unique=True, validators=[validate_iso3]
    )

    class Meta:
        verbose_name = _("participant state")
        verbose_name_plural = _("participant states")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso2__regex=r"^[A-Z]{2}$"), name="membership_state_iso2_format"
            ),
            models.CheckConstraint(
                condition=models.Q(iso3__regex=r"^[A-Z]{3}$"), name="membership_state_iso3_format"
            ),
            models.CheckConstraint(
                condition=~models.Q(rotation_key=""), name="membership_state_rotation_key_set",
                violation_error_message=_("A state needs its rotation key."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("membership:state_detail", kwargs={"code": self.code})

    def clean(self):
        super().clean()
        # The rotation key defaults to the English short name when the state
        # is recorded; afterwards it changes only when someone changes it.
        if not self.rotation_key:
            self.rotation_key = (self.name_en or "").strip()

    @property
    def code(self) -> str:
        """The code in public URLs: /states/kaz/."""
        return self.iso3.lower()

    # The properties below read ``membership_periods.all()``: prefetch it
    # (ordered by start) when listing states, as the selectors do.

    def period_on(self, on: datetime.date) -> "MembershipPeriod | None":
        return next((p for p in self.membership_periods.all() if p.covers(on)), None)

    @property
    def current_period(self) -> "MembershipPeriod | None":
        """The period covering today, else the latest one (a state whose
        history starts in the future shows its first period)."""
        periods = sorted(self.membership_periods.all(), key=lambda p: p.start)
        today = timezone.localdate()
        return self.period_on(today) or (periods[-1] if periods else None)

    @property
    def joined_period(self) -> "MembershipPeriod | None":
        """The state's first period as a participant."""
        periods = [
            p for p in self.membership_periods.all() if p.status == MembershipStatus.PARTICIPANT
        ]
        return min(periods, key=lambda p: p.start, default=None)

    @property
    def joined_on(self) -> datetime.date | None:
        """The start of the state's first period as a participant."""
        period = self.joined_period
        return period.start if period is not None else None


class MembershipPeriod(models.Model):
    """One period of a state's standing: participant, pending (awaiting its
    no-objection procedure, with a deadline) or withdrawn. Dates are inclusive;
    an open period has no end. Periods of one state never overlap."""

    state = models.ForeignKey(
        ParticipantState, on_delete=models.CASCADE, related_name="membership_periods",
        verbose_name=_("state"),
    )
    status = models.CharField(_("status"), max_length=20, choices=MembershipStatus.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while current."))
    deadline = models.DateField(
        _("no-objection deadline"), null=True, blank=True,
        help_text=_("For a pending state: the deadline of its no-objection procedure."),
    )
    objection = models.BooleanField(
        _("objection raised"), default=False,
        help_text=_(
            "For a pending period: an objection was raised under the no-objection procedure. "
            "The period then ends on the deadline and no participation follows."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP,
    )

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["state", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="membership_period_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=MembershipStatus.PENDING, deadline__isnull=False)
                    | (~models.Q(status=MembershipStatus.PENDING) & models.Q(deadline__isnull=True))
                ),
                name="membership_period_deadline_iff_pending",
                violation_error_message=_(
                    "A pending period needs the deadline of its no-objection procedure; "
                    "other periods have none."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(deadline__isnull=True) | models.Q(deadline__gt=models.F("start"))
                ),
                name="membership_period_deadline_after_start",
                violation_error_message=_(
                    "The no-objection deadline must fall after the start of the period."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(objection=False) | models.Q(
                    status=MembershipStatus.PENDING, end=models.F("deadline")
                ),
                name="membership_period_objection_ends_on_deadline",
                violation_error_message=_(
                    "A period with an objection is a pending period that ends on its deadline."
                ),
            ),
            models.UniqueConstraint(
                fields=["state"], condition=models.Q(end__isnull=True),
                name="membership_period_one_open_per_state",
                violation_error_message=_("This state already has a current membership period."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.get_status_display()} ({self.start}–{self.end or '…'})"

    def covers(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


class Organisation(models.Model):
    """An observer: an international or regional organisation, a state that
    is not a participant, or a civil society organisation (invited case by
    case with the participant states' consent)."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(pgettext_lazy("organisation or project", "name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.acronym or self.name


class PersonTerm(models.Model):
    """A person in a post for a term: a national coordinator or an observer
    organisation's focal point. Dates are inclusive; "in office" is the date
    range holding the day (``objects.in_office(on=)``), never "no end date"."""

    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while active."))

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_in_office(self, on: datetime.date | None = None) -> bool:
        """Whether the term holds on ``on`` (today in Asia/Almaty by default)."""
        on = on or timezone.localdate()
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def in_office(self) -> bool:
        return self.is_in_office()


class NationalCoordinator(PersonTerm):
    """The person a participant state designates as its focal point. The
    whole history is kept; at most one coordinator per state is in office
    on any day, which the database enforces."""

    state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, related_name="coordinators",
        verbose_name=_("state"),
    )
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    end_reason = models.CharField(
        _("reason the term ended"), max_length=300, blank=True,
        help_text=_("For example: replaced, or the state withdrew from the process."),
    )
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="coordinator_terms",
        verbose_name=_("user account"),
    )

    class Meta:
        verbose_name = _("national coordinator")
        verbose_name_plural = _("national coordinators")
        ordering = ["state", "-start"]
        constraints = [
            # At most one coordinator per state on any day: an exclusion
            # constraint on the date range on PostgreSQL (migration 0006),
            # the services' check on SQLite.
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="membership_coordinator_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.state})"


class FocalPoint(PersonTerm):
    """An observer organisation's focal point: the person who represents it
    in the process and may sign in."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="focal_points",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="focal_point_terms",
        verbose_name=_("user account"),
    )

    class Meta:
        verbose_name = _("observer focal point")
        verbose_name_plural = _("observer focal points")
        ordering = ["organisation", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="membership_focal_point_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation})"


class SecurityEvent(models.Model):
    """One refusal the security log keeps: a failed sign-in, a lockout, a
    403, a CSRF failure, a refused second factor. Written only by
    ``services.security_event_record``, never changed; deleted only by the
    retention purge (``SECURITY_LOG_RETENTION_DAYS``). The same refusal
    repeated by the same client within a minute adds to ``count`` rather
    than writing a row per request (a flood cannot fill the database)."""

    kind = models.CharField(_("what was refused"), max_length=32, choices=SecurityEventKind.choices)
    occurred_at = models.DateTimeField(_("when (UTC)"), default=timezone.now, db_index=True)
    last_occurred_at = models.DateTimeField(_("last repeated (UTC)"), default=timezone.now)
    count = models.PositiveIntegerField(_("times"), default=1)
    username = models.CharField(
        _("claimed account"), max_length=254, blank=True,
        help_text=_("The account the request named or was signed in as (cut to 254 characters)."),
    )
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("signed-in account"),
    )
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    path = models.CharField(_("path"), max_length=255, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security log")
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["kind", "-occurred_at"], name="membership_secevent_kind_when"),
            models.Index(fields=["ip_address", "-occurred_at"], name="membership_secevent_ip_when"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.username or '-'} {self.ip_address or '-'}"
