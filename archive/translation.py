from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Document, DocumentFile, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru", "en")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    # A document may exist in one language only: neither title is required
    # by the model; the service requires at least one.
    fields = ("title", "summary")


# History is registered here, after modeltranslation has added title_ru,
# title_en, ..., so the historical tables record every language
# (django-simple-history's documented way to work with modeltranslation).
register_history(
    Document,
    m2m_fields=["themes", "states"],
    excluded_fields=["search_ru", "search_en", "search_plain"],
)
register_history(DocumentFile, excluded_fields=["extracted_text"])
