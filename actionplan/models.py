"""The Regional Action Plan: versions of the plan (each adopted at a meeting
and superseding the previous one), their framework text, the four areas of
common understanding with objectives, actions, expected results and good
practices, and the states' progress reported round by round before each
Senior Officials' Meeting.

Writes go through ``actionplan.services``; reads through
``actionplan.selectors`` (which also hold the access rules)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document, archive_storage
from meetings.models import Meeting
from membership.models import Organisation, ParticipantState

from .enums import (
    STATUS_SYMBOLS,
    ActionLevel,
    NoteVisibility,
    ParagraphKind,
    PlanStatus,
    ProgressStatus,
    ReportLanguage,
    ReportStatus,
    RoundStatus,
)


class Plan(models.Model):
    """One version of the Regional Action Plan. A new version supersedes the
    previous one; superseded versions are kept (and stay readable)."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    framework_title = models.CharField(
        _("title of the framework"), max_length=400, blank=True,
        help_text=_("The Regional Cooperation Framework this plan is annexed to, if any."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT,
    )
    adopted_on = models.DateField(
        _("date"), null=True, blank=True,
        help_text=_("When the plan was adopted (or, for a draft, put forward)."),
    )
    adopted_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans",
        verbose_name=_("adopted at"),
    )
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("action plan version")
        verbose_name_plural = _("action plan versions")
        ordering = ["-version"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=PlanStatus.ADOPTED) | models.Q(adopted_on__isnull=False),
                name="actionplan_plan_adopted_has_date",
                violation_error_message=_("An adopted plan needs the date of its adoption."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("actionplan:plan_version", kwargs={"version": self.version})


class DeclarationParagraph(models.Model):
    """A paragraph of the Almaty Declaration (15–16 March 2011) that areas
    of the plan refer to."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("paragraph of the Almaty Declaration")
        verbose_name_plural = _("paragraphs of the Almaty Declaration")
        ordering = ["number"]

    def __str__(self) -> str:
        return str(self.number)


class Area(models.Model):
    """An area of common understanding (four in 2012)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas",
                             verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    declaration_paragraphs = models.ManyToManyField(
        DeclarationParagraph, blank=True, related_name="areas",
        verbose_name=_("paragraphs of the Almaty Declaration"),
    )

    class Meta:
        verbose_name = _("area of common understanding")
        verbose_name_plural = _("areas of common understanding")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="actionplan_area_number_unique",
                violation_error_message=_("The plan already has an area with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roman}. {self.title}"

    @property
    def roman(self) -> str:
        numerals = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        return numerals[self.number] if self.number < len(numerals) else str(self.number)


class FrameworkSection(models.Model):
    """A section of the framework text the plan comes with (its numbered
    chapters; a section may introduce an area)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections",
                             verbose_name=_("plan"))
    order = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(_("number"), max_length=20, blank=True)
    heading = models.CharField(_("heading"), max_length=300)
    area = models.ForeignKey(Area, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="framework_sections", verbose_name=_("area"))

    class Meta:
        verbose_name = _("framework section")
        verbose_name_plural = _("framework sections")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number} {self.heading}".strip()


class FrameworkParagraph(models.Model):
    section = models.ForeignKey(FrameworkSection, on_delete=models.CASCADE,
                                related_name="paragraphs", verbose_name=_("section"))
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=10, choices=ParagraphKind.choices,
                            default=ParagraphKind.PARAGRAPH)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("framework paragraph")
        verbose_name_plural = _("framework paragraphs")
        ordering = ["section", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class AreaItem(models.Model):
    """Shared fields of the ordered texts of an area."""

    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))

    class Meta:
        abstract = True
        ordering = ["area", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class Objective(AreaItem):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="objectives",
                             verbose_name=_("area"))

    class Meta(AreaItem.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")


class Action(AreaItem):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="actions",
                             verbose_name=_("area"))
    heading = models.CharField(
        _("heading"), max_length=300, blank=True,
        help_text=_("The heading the action is listed under in the plan."),
    )
    level = models.CharField(_("level"), max_length=30, choices=ActionLevel.choices, blank=True)
    note = models.TextField(_("footnote"), blank=True)

    class Meta(AreaItem.Meta):
        verbose_name = pgettext_lazy("action plan", "action")
        verbose_name_plural = pgettext_lazy("action plan", "actions")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "order"], name="actionplan_action_order_unique",
            ),
        ]

    @property
    def code(self) -> str:
        """``II.4``: the area's numeral and the action's place in it."""
        return f"{self.area.roman}.{self.order}"


class ExpectedResult(AreaItem):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="expected_results",
                             verbose_name=_("area"))

    class Meta(AreaItem.Meta):
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")


class GoodPractice(AreaItem):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="good_practices",
                             verbose_name=_("area"))
    heading = models.CharField(_("heading"), max_length=300, blank=True)

    class Meta(AreaItem.Meta):
        verbose_name = _("example of good practice")
        verbose_name_plural = _("examples of good practice")


class ReportingRound(models.Model):
    """The states report their progress on a plan before a Senior Officials'
    Meeting: the secretariat opens the round, the coordinators report, the
    secretariat closes it; once the meeting has endorsed it the public sees
    its progress matrix."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="rounds",
                             verbose_name=_("plan"))
    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="action_plan_round",
        verbose_name=_("Senior Officials' Meeting"),
    )
    status = models.CharField(_("status"), max_length=10, choices=RoundStatus.choices,
                              default=RoundStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    endorsed = models.BooleanField(
        _("endorsed"), default=False,
        help_text=_("The Senior Officials' Meeting has endorsed the round: the public sees "
                    "its progress matrix."),
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(status=RoundStatus.OPEN),
                name="actionplan_one_open_round_per_plan",
                violation_error_message=_("Another reporting round of this plan is open."),
            ),
            models.CheckConstraint(
                condition=models.Q(endorsed=False)
                | models.Q(endorsed_on__isnull=False, status=RoundStatus.CLOSED),
                name="actionplan_round_endorsed_when_closed",
                violation_error_message=_("Only a closed round can be endorsed, on a date."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.meeting)


class ActionProgress(models.Model):
    """A state's answer for one action in one round."""

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="progress",
                              verbose_name=_("reporting round"))
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress",
                               verbose_name=pgettext_lazy("action plan", "action"))
    state = models.ForeignKey(ParticipantState, on_delete=models.PROTECT,
                              related_name="action_progress", verbose_name=_("state"))
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices,
                              default=ProgressStatus.NOT_STARTED)
    timeline = models.CharField(_("indicative timeline"), max_length=200, blank=True)
    responsible_body = models.CharField(_("responsible national body"), max_length=300,
                                        blank=True)
    supporting_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("supporting organisations"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("updated by"))

    class Meta:
        verbose_name = _("progress on an action")
        verbose_name_plural = _("progress on actions")
        ordering = ["round", "state", "action__area__number", "action__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "action", "state"], name="actionplan_progress_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} · {self.action.code} · {self.get_status_display()}"

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self.status]


class ProgressNote(models.Model):
    """A dated note on a state's progress, with supporting archive documents."""

    progress = models.ForeignKey(ActionProgress, on_delete=models.CASCADE, related_name="notes",
                                 verbose_name=_("progress"))
    date = models.DateField(_("date"))
    text = models.TextField(_("note"))
    visibility = models.CharField(_("visibility"), max_length=20,
                                  choices=NoteVisibility.choices,
                                  default=NoteVisibility.PARTICIPANTS)
    documents = models.ManyToManyField(Document, blank=True, related_name="+",
                                       verbose_name=_("supporting documents"))

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


def report_file_path(instance: ProgressReport, filename: str) -> str:
    return f"actionplan/{instance.round_id}/{filename}"


class ProgressReport(models.Model):
    """The PDF progress report of a round in one language, built by the
    ``actionplan.build_progress_report`` task; status on its own row."""

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="reports",
                              verbose_name=_("reporting round"))
    language = models.CharField(_("language"), max_length=2, choices=ReportLanguage.choices)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), upload_to=report_file_path, storage=archive_storage,
                            max_length=200, blank=True)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["round", "language"],
                                    name="actionplan_report_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round} ({self.language})"
