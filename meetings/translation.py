from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import (
    AgendaItem,
    Delegate,
    Delegation,
    Meeting,
    MeetingDocument,
    MeetingOutcome,
    ObserverInvitation,
)


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    # Either language may be missing (the model requires one title);
    # modeltranslation falls back to the other one.
    fields = (
        "title", "description", "venue", "city", "chair_override_reason", "interpretation_note",
        "observers_excluded_reason",
    )


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "description", "speakers")


@register(MeetingOutcome)
class MeetingOutcomeTranslationOptions(TranslationOptions):
    fields = ("text",)


# Audit history (who, when, what changed), registered after modeltranslation
# has added the _ru/_en fields so the historical tables keep both languages
# (as in archive/translation.py).
register_history(Meeting, m2m_fields=["themes"])
register_history(AgendaItem)
register_history(MeetingOutcome, m2m_fields=["themes", "states", "documents"])
register_history(MeetingDocument)
register_history(Delegation)
register_history(Delegate)
register_history(ObserverInvitation)
