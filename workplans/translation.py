from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Activity, WorkPlan


@register(WorkPlan)
class WorkPlanTranslationOptions(TranslationOptions):
    fields = ("introduction",)


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ru": ("title",), "en": ("title",)}


# History after modeltranslation has added the language columns, so the
# historical tables record every language (see archive/translation.py).
register_history(WorkPlan)
register_history(Activity, m2m_fields=["objectives", "meetings", "documents"])
