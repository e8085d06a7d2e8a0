from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    DECLARATION = "declaration", _("Declaration")
    OPERATIONAL_MECHANISM = "operational_mechanism", _("Operational Mechanism or amendment")
    ACTION_PLAN = "action_plan", _("Action plan")
    AGENDA = "agenda", _("Agenda")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    REPORT = "report", _("Report")
    CONCLUSIONS = "conclusions", _("Conclusions")
    STATEMENT = "statement", _("Statement")
    PRESENTATION = "presentation", _("Presentation")
    STUDY = "study", _("Study or analytical brief")
    FACT_SHEET = "fact_sheet", _("Fact sheet")
    PRESS_RELEASE = "press_release", _("Press release")
    NEWS = "news", _("News")
    OTHER = "other", _("Other")


class AccessLevel(models.TextChoices):
    """Who may see a document, from the widest circle to the narrowest
    (membership.permissions says who is in which circle)."""

    PUBLIC = "public", _("Public")
    OBSERVERS = "observers", _("Participants and observers")
    PARTICIPANTS = "participants", _("Participant states only")
    SECRETARIAT = "secretariat", _("Secretariat only")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("document status", "Draft")
    PUBLISHED = "published", pgettext_lazy("document status", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("document status", "Withdrawn")


class FileLanguage(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other language")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Extracting")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("archive import", "Waiting")
    RUNNING = "running", pgettext_lazy("archive import", "Importing")
    DONE = "done", pgettext_lazy("archive import", "Finished")
    FAILED = "failed", pgettext_lazy("archive import", "Failed")


class ImportSource(models.TextChoices):
    UPLOAD = "upload", _("Uploaded manifest and ZIP")
    FOLDER = "folder", _("Uploaded manifest, files in a server folder")
    COMMAND = "command", _("Command line (archive_import)")


class ImportOutcome(models.TextChoices):
    """What an import did (or, in a dry run, would do) with a document."""

    CREATED = "created", pgettext_lazy("archive import", "Created")
    UPDATED = "updated", pgettext_lazy("archive import", "Updated")
    UNCHANGED = "unchanged", pgettext_lazy("archive import", "Unchanged")
    REFUSED = "refused", pgettext_lazy("archive import", "Refused")
