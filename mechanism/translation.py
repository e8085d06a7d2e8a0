from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import MechanismParagraph, MechanismVersion


@register(MechanismVersion)
class MechanismVersionTranslationOptions(TranslationOptions):
    fields = ("adoption_note",)


@register(MechanismParagraph)
class MechanismParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)


# History after modeltranslation has added the language columns, so the
# historical tables record every language (see archive/translation.py).
register_history(MechanismVersion)
register_history(MechanismParagraph)
