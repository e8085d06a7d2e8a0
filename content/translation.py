from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import NewsItem, Partner


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    # Either language may be missing (the model requires one title); the
    # page falls back to the other one and says so.
    fields = ("title", "lead", "body", "image_alt")


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = {"default": ("name",)}


# Audit history (who, when, what changed), registered after modeltranslation
# has added the _ru/_en fields so the historical tables keep both languages
# (as in archive/translation.py).
register_history(NewsItem)
register_history(Partner)
