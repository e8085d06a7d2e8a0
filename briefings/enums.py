from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PackKind(models.TextChoices):
    """Pre-reading before a meeting, or its proceedings once it is held."""

    BRIEFING = "briefing", pgettext_lazy("pack kind", "Briefing pack")
    PROCEEDINGS = "proceedings", pgettext_lazy("pack kind", "Proceedings")


class PackLanguage(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class PackStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("pack status", "Queued")
    RUNNING = "running", pgettext_lazy("pack status", "Being built")
    DONE = "done", pgettext_lazy("pack status", "Done")
    FAILED = "failed", pgettext_lazy("pack status", "Failed")


class EntryOutcome(models.TextChoices):
    """What became of one selected document in a built pack."""

    APPENDED = "appended", pgettext_lazy("pack entry", "Appended")
    OTHER_LANGUAGE = "other_language", pgettext_lazy("pack entry", "Appended in the other language")
    LISTED = "listed", pgettext_lazy("pack entry", "Listed only (not a PDF)")
    NO_FILE = "no_file", pgettext_lazy("pack entry", "Listed only (no file)")
    FAILED = "failed", pgettext_lazy("pack entry", "Not appended (unreadable)")
    EXCLUDED = "excluded", pgettext_lazy(
        "pack entry", "Left out (not published at this access level)"
    )


# The steps of a build, as the progress bar names them.
STEP_LABELS = {
    "queued": pgettext_lazy("pack step", "Waiting for a worker"),
    "collecting": pgettext_lazy("pack step", "Collecting the contents"),
    "reading": pgettext_lazy("pack step", "Reading the documents"),
    "layout": pgettext_lazy("pack step", "Laying out the pages"),
    "contents": pgettext_lazy("pack step", "Numbering the contents"),
    "appending": pgettext_lazy("pack step", "Appending the documents"),
    "numbering": pgettext_lazy("pack step", "Numbering the pages"),
    "writing": pgettext_lazy("pack step", "Writing the file"),
    "done": pgettext_lazy("pack step", "Done"),
    "failed": pgettext_lazy("pack step", "Failed"),
}
