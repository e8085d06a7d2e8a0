"""Briefing packs: the pre-reading of a meeting (and its proceedings once
held) as one PDF per meeting, language and kind, built by a Celery task.

briefings depends on meetings and the archive, never the reverse: the
pack's own document selection lives here, and meetings' pages show packs
through a template tag of this app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document, archive_storage
from meetings.models import Meeting

from .enums import PackKind, PackLanguage, PackStatus

# The download link's parameter that asks for an out-of-date pack's file
# rather than the page saying it is out of date.
OUTDATED_PARAM = "outdated"


def pack_file_path(instance: BriefingPack, filename: str) -> str:
    """Private (the archive's storage, outside MEDIA_ROOT), under a name
    that changes with every build: a new build never overwrites the file
    the row points at."""
    return f"briefings/{instance.meeting_id}/{filename}"


class PackDocument(models.Model):
    """A document the secretariat selected for a meeting's packs, in order."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="pack_documents",
        verbose_name=_("meeting"),
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="pack_selections",
        verbose_name=_("document"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("document in the briefing pack")
        verbose_name_plural = _("documents in the briefing pack")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "document"], name="briefings_document_once_per_meeting",
                violation_error_message=_("This document is already in the pack."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.document)


class BriefingPack(models.Model):
    """One pack of one meeting in one language, with the state of its
    latest build (the row survives a lost result backend and is what the
    admin's progress bar polls)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="briefing_packs",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(
        pgettext_lazy("pack", "kind"), max_length=20, choices=PackKind.choices,
        default=PackKind.BRIEFING,
    )
    language = models.CharField(_("language"), max_length=2, choices=PackLanguage.choices)
    restricted = models.BooleanField(
        _("restricted"), default=True,
        help_text=_("Only the secretariat and the delegations registered for the meeting may "
                    "download a restricted pack; it lists the heads of delegation."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PackStatus.choices, default=PackStatus.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("current step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(
        _("file"), upload_to=pack_file_path, storage=archive_storage, max_length=200, blank=True,
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts the builds that finished."),
    )
    contents = models.JSONField(
        _("documents included"), default=list, blank=True,
        help_text=_("Each selected document, and whether it was appended (and in which "
                    "language) or why not."),
    )
    stale = models.BooleanField(
        _("out of date"), default=False,
        help_text=_("The agenda, registrations or selected documents changed after it was "
                    "built."),
    )
    file_restricted = models.BooleanField(
        _("file built restricted"), default=True, editable=False,
        help_text=_("Whether the current file was built as a restricted pack (with the names "
                    "of the heads of delegation)."),
    )
    changed_at = models.DateTimeField(
        _("contents changed at"), null=True, blank=True, editable=False,
        help_text=_("The latest change of what the pack is built from. An out-of-date pack is "
                    "built again once its contents have not changed for a while."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("last sign of life"), null=True, blank=True, editable=False,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    worker_pid = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("briefing pack")
        verbose_name_plural = _("briefing packs")
        ordering = ["meeting", "kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "language"], name="briefings_one_pack_per_language",
                violation_error_message=_("This meeting already has this pack in this "
                                          "language."),
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="briefings_progress_percent",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=PackStatus.DONE) | ~models.Q(file=""),
                name="briefings_done_has_file",
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="briefings_running_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language}): {self.meeting}"

    def get_absolute_url(self) -> str:
        return reverse("briefings:pack_download", kwargs={"pk": self.pk})

    @property
    def offered_url(self) -> str:
        """The link beside the pack where it is offered: an out-of-date
        pack's says so there, and its link goes past the download view's
        warning page (briefings.views) to the file."""
        url = self.get_absolute_url()
        return f"{url}?{OUTDATED_PARAM}=1" if self.stale else url

    @property
    def filename(self) -> str:
        prefix = "briefing" if self.kind == PackKind.BRIEFING else "proceedings"
        return f"{self.meeting.slug}-{prefix}-{self.language}.pdf"

    @property
    def is_available(self) -> bool:
        return bool(self.file) and self.version > 0
