from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import (
    Action,
    ActionProgress,
    Area,
    DeclarationParagraph,
    ExpectedResult,
    FrameworkParagraph,
    FrameworkSection,
    GoodPractice,
    Objective,
    Plan,
    ProgressNote,
    ReportingRound,
)


@register(Plan)
class PlanTranslationOptions(TranslationOptions):
    fields = ("title", "framework_title")
    required_languages = ("ru", "en")


@register(DeclarationParagraph)
class DeclarationParagraphTranslationOptions(TranslationOptions):
    fields = ("summary",)


@register(Area)
class AreaTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ru", "en")


@register(FrameworkSection)
class FrameworkSectionTranslationOptions(TranslationOptions):
    fields = ("heading",)


@register(FrameworkParagraph)
class FrameworkParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Objective)
class ObjectiveTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("ru", "en")


@register(Action)
class ActionTranslationOptions(TranslationOptions):
    fields = ("text", "heading", "note")
    required_languages = {"ru": ("text",), "en": ("text",)}


@register(ExpectedResult)
class ExpectedResultTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("ru", "en")


@register(GoodPractice)
class GoodPracticeTranslationOptions(TranslationOptions):
    fields = ("text", "heading")
    required_languages = {"ru": ("text",), "en": ("text",)}


# History after modeltranslation has added the language columns, so the
# historical tables record every language (see archive/translation.py).
register_history(Plan)
register_history(Area, m2m_fields=["declaration_paragraphs"])
register_history(Objective)
register_history(Action)
register_history(ExpectedResult)
register_history(GoodPractice)
register_history(ReportingRound)
register_history(ActionProgress, m2m_fields=["supporting_organisations"])
register_history(ProgressNote, m2m_fields=["documents"])
