from modeltranslation.translator import TranslationOptions, register

from .models import Chairmanship, TurnDeclination


@register(Chairmanship)
class ChairmanshipTranslationOptions(TranslationOptions):
    fields = ("representative_name", "representative_title", "decision_note", "decided_at", "notes")


@register(TurnDeclination)
class TurnDeclinationTranslationOptions(TranslationOptions):
    fields = ("note",)
