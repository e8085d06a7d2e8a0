from django.db import models
from django.utils.translation import pgettext_lazy


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("action plan", "Draft")
    ADOPTED = "adopted", pgettext_lazy("action plan", "Adopted")


class ActionLevel(models.TextChoices):
    """The three levels at which the annex of 2012 groups actions (area I
    uses all three; the other areas group actions by theme, so the level
    may be left empty)."""

    OPERATIONAL = "operational", pgettext_lazy("action level", "Operational level")
    CAPACITY_BUILDING = "capacity_building", pgettext_lazy("action level", "Capacity building")
    COOPERATION = "cooperation", pgettext_lazy("action level", "Cooperation and coordination")


class ParagraphKind(models.TextChoices):
    PARAGRAPH = "p", pgettext_lazy("text block", "Paragraph")
    HEADING = "h", pgettext_lazy("text block", "Sub-heading")
    LIST_ITEM = "li", pgettext_lazy("text block", "List item")
    NOTE = "note", pgettext_lazy("text block", "Footnote")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("action progress", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("action progress", "In progress")
    DONE = "done", pgettext_lazy("action progress", "Done")
    NOT_APPLICABLE = "not_applicable", pgettext_lazy("action progress", "Not applicable")


# A symbol for each status, so the matrix reads without colour.
STATUS_SYMBOLS = {
    ProgressStatus.NOT_STARTED: "○",
    ProgressStatus.IN_PROGRESS: "◐",
    ProgressStatus.DONE: "●",
    ProgressStatus.NOT_APPLICABLE: "–",
}


class RoundStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("reporting round", "Open")
    CLOSED = "closed", pgettext_lazy("reporting round", "Closed")


class NoteVisibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("note visibility", "Public")
    PARTICIPANTS = "participants", pgettext_lazy("note visibility", "Participant states only")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("report build", "Queued")
    RUNNING = "running", pgettext_lazy("report build", "Running")
    DONE = "done", pgettext_lazy("report build", "Done")
    FAILED = "failed", pgettext_lazy("report build", "Failed")


class ReportLanguage(models.TextChoices):
    RUSSIAN = "ru", pgettext_lazy("language", "Russian")
    ENGLISH = "en", pgettext_lazy("language", "English")
