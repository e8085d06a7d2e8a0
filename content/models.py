"""What the Support Unit writes for the public: news items, partners and
related processes, the catalogue of regional projects, its contact details;
and what the public writes to it (contact messages).

Texts are bilingual (modeltranslation, content/translation.py); either
language may be missing and falls back to the other on the page, which says
so. Write through content.services, which sanitises the rich text."""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document, Theme
from core.models import TimeStampedModel
from membership.models import Organisation, ParticipantState

from .enums import PartnerKind, ProjectStatus
from .validators import validate_news_image


def news_image_path(instance: NewsItem, filename: str) -> str:
    """A random name under the year: the upload's name never reaches the
    disk (content.services gives it the extension of the format read)."""
    suffix = PurePath(filename).suffix.lower()
    year = instance.date.year if instance.date else timezone.localdate().year
    return f"news/{year}/{uuid.uuid4().hex}{suffix}"


class NewsItem(TimeStampedModel):
    """One news item: public once published and its publication time has
    come (a time in the future schedules it)."""

    date = models.DateField(_("date"), help_text=_("The day the news is about."))
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True,
        help_text=_("The item's address: /news/<slug>/. Leave empty to make it from the "
                    "English title and the year; never change it once published."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    lead = models.TextField(
        _("lead"), blank=True,
        help_text=_("One or two sentences of plain text: the list, the feeds and search "
                    "engines show it."),
    )
    body = models.TextField(
        _("body"), blank=True,
        help_text=_("Paragraphs, headings, lists, links, bold and italics. Anything else "
                    "(scripts, styles, embedded frames) is removed when saved."),
    )
    image = models.ImageField(
        _("image"), upload_to=news_image_path, blank=True, max_length=200,
        validators=[validate_news_image], width_field="image_width", height_field="image_height",
        help_text=_("Optional. JPEG, PNG or WebP, at most 5 MB."),
    )
    # Filled from the image when it is saved: the page writes the size into
    # <img> (no layout shift) without opening the file.
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"), max_length=300, blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an "
                    "image."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(
        _("publication time"), null=True, blank=True,
        help_text=_("Empty: now, when published. A later time schedules the publication."),
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
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_published=False) | models.Q(published_at__isnull=False),
                name="content_news_published_has_time",
                violation_error_message=_("A published news item needs its publication time."),
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "-date"], name="content_news_public_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse("content:news_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # Published without a time: published now (as ParticipantState.clean
        # defaults its rotation key), before the constraint is checked.
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        errors = {}
        if not ((self.title_ru or "").strip() or (self.title_en or "").strip()):
            errors["title_ru"] = ValidationError(
                _("Give the title in Russian or in English."), code="title_required",
            )
        if self.image and not ((self.image_alt_ru or "").strip()
                               or (self.image_alt_en or "").strip()):
            errors["image_alt_ru"] = ValidationError(
                _("Describe the image for readers who cannot see it."), code="alt_required",
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return bool(
            self.is_published and self.published_at and self.published_at <= timezone.now()
        )


class Partner(models.Model):
    """An international or regional organisation the process works with, or
    another regional consultative process, as /partners/ presents it.

    A partner is an editorial entry of the public site; whether an
    organisation is an observer of the process (and its focal points' access)
    is a membership fact, kept on ``membership.Organisation``. ``observer``
    links the two when the partner is one, so the page can say so without
    copying the status here."""

    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    name = models.CharField(pgettext_lazy("organisation or project", "name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(
        _("description"), blank=True,
        help_text=_("A few sentences of plain text: who they are and how they work with the "
                    "Almaty Process."),
    )
    website = models.URLField(_("website"), blank=True)
    observer = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="partner_entries", verbose_name=_("observer record"),
        help_text=_("The organisation's record among the observers of the process, if it is "
                    "one: the page then says that it is an observer."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_shown = models.BooleanField(_("shown on the portal"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners and related processes")
        ordering = ["kind", "position", "slug"]

    def __str__(self) -> str:
        return self.acronym or self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('content:partner_list')}#{self.slug}"

    @property
    def is_observer(self) -> bool:
        """An observer of the process today (its record is active)."""
        return self.observer is not None and self.observer.is_active


class ProjectQuerySet(models.QuerySet):
    def with_status(self, status: str, *, today: datetime.date | None = None):
        """Projects whose dates give ``status`` on ``today`` (Almaty's date)."""
        today = today or timezone.localdate()
        if status == ProjectStatus.PLANNED:
            return self.filter(start__gt=today)
        if status == ProjectStatus.ONGOING:
            return self.filter(start__lte=today).filter(
                models.Q(end__isnull=True) | models.Q(end__gte=today)
            )
        if status == ProjectStatus.COMPLETED:
            return self.filter(end__lt=today)
        return self


class Project(TimeStampedModel):
    """A migration, protection or border-management project in the region
    that the process links with. Its status (not started, ongoing,
    completed) follows from its dates and today's date; it is never stored."""

    name = models.CharField(pgettext_lazy("organisation or project", "name"), max_length=300,
                            blank=True)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True,
        help_text=_("The project's address: /projects/<slug>/. Never change it once shown."),
    )
    goal = models.TextField(_("goal"), blank=True)
    implementing_partners = models.TextField(
        _("implementing partners"), blank=True,
        help_text=_("The organisations that carry out the project, as the project names "
                    "them."),
    )
    thematic_partners = models.TextField(
        _("thematic and participating partners"), blank=True,
        help_text=_("Partners of components or themes, and participating institutions."),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="projects",
        verbose_name=_("partners listed on the portal"),
        help_text=_("Those of its partners that /partners/ presents, linked from the project."),
    )
    donor = models.CharField(_("donor"), max_length=300, blank=True)
    states = models.ManyToManyField(
        ParticipantState, blank=True, related_name="projects",
        verbose_name=_("participant states concerned"),
    )
    other_countries = models.CharField(
        _("other countries"), max_length=300, blank=True,
        help_text=_("Countries concerned that are not participant states, e.g. Uzbekistan."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="projects", verbose_name=_("themes"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty if open-ended."))
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact = models.CharField(
        _("other contact"), max_length=300, blank=True,
        help_text=_("For example a social media account of the project."),
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="projects", verbose_name=_("related documents"),
        help_text=_("Archive documents about the project; visitors see those their access "
                    "allows."),
    )
    is_shown = models.BooleanField(_("shown on the portal"), default=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("regional project")
        verbose_name_plural = _("regional projects")
        ordering = ["-start", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="content_project_ends_after_start",
                violation_error_message=_("The project cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        if self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("content:project_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not ((self.name_ru or "").strip() or (self.name_en or "").strip()):
            raise ValidationError(
                {"name_ru": ValidationError(_("Give the name in Russian or in English."),
                                            code="name_required")}
            )

    def status_on(self, today: datetime.date) -> str:
        if self.start > today:
            return ProjectStatus.PLANNED
        if self.end is not None and self.end < today:
            return ProjectStatus.COMPLETED
        return ProjectStatus.ONGOING

    @property
    def status(self) -> str:
        """Today's status, by the portal's (Almaty's) date."""
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return ProjectStatus(self.status).label


class ContactDetails(models.Model):
    """The Support Unit's address on /contact/: one row, edited in the admin."""

    address = models.TextField(_("address"), help_text=_("One line per line of the address."))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contact details of the Support Unit")
        verbose_name_plural = _("contact details of the Support Unit")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="content_contact_details_single"),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class ContactMessage(models.Model):
    """A message sent through the contact form, kept for the secretariat
    (read or unread) and announced to it by email (``notified_at``)."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=5)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    is_read = models.BooleanField(_("read"), default=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("read by"),
    )
    notified_at = models.DateTimeField(_("staff notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["is_read", "-created_at"], name="content_msg_unread_idx")]

    def __str__(self) -> str:
        return f"{self.name}: {self.subject}"


class AboutSection(models.Model):
    """One section of the About page ("Objectives", "Membership", ...): the
    secretariat edits the texts in the admin; the first ones follow the
    Operational Mechanism (data migration 0007). The body is rich text,
    sanitised when saved (content.services.about_section_save)."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True,
        help_text=_("The section's anchor on the page: /about/#<slug>."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(
        _("body"), blank=True,
        help_text=_("Paragraphs, headings, lists, links, bold and italics. Anything else "
                    "(scripts, styles, embedded frames) is removed when saved."),
    )
    is_shown = models.BooleanField(_("shown on the page"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("section of the About page")
        verbose_name_plural = _("sections of the About page")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title or self.slug

    def clean(self):
        super().clean()
        if not (self.title_ru or self.title_en):  # modeltranslation's fields
            raise ValidationError({"title_ru": _("Give the title in at least one language.")})


class HistoryEntry(models.Model):
    """One step of the process's history on the About page's timeline."""

    date = models.DateField(_("date"))
    year_only = models.BooleanField(
        _("show the year only"), default=False,
        help_text=_("For events whose exact day is not recorded."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Plain text."))
    is_shown = models.BooleanField(_("shown on the page"), default=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history of the process")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title or str(self.date)

    def clean(self):
        super().clean()
        if not (self.title_ru or self.title_en):
            raise ValidationError({"title_ru": _("Give the title in at least one language.")})
