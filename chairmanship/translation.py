from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Chairmanship, TurnDeclination


@register(Chairmanship)
class ChairmanshipTranslationOptions(TranslationOptions):
    fields = ("representative_name", "representative_title", "decision_note", "notes")


@register(TurnDeclination)
class TurnDeclinationTranslationOptions(TranslationOptions):
    fields = ("note",)


# Audit history of terms and declinations (who, when, what changed),
# registered after modeltranslation's fields exist (as in archive).
register_history(Chairmanship)
register_history(TurnDeclination)
