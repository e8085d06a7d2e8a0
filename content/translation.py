from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import AboutSection, ContactDetails, HistoryEntry, NewsItem, Partner, Project


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    # Either language may be missing (the model requires one title); the
    # page falls back to the other one and says so.
    fields = ("title", "lead", "body", "image_alt")


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = {"default": ("name",)}


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    # Either name may be missing (the model requires one); pages fall back.
    fields = (
        "name", "acronym", "goal", "implementing_partners", "thematic_partners", "donor",
        "other_countries", "contact",
    )


@register(ContactDetails)
class ContactDetailsTranslationOptions(TranslationOptions):
    fields = ("address",)


@register(AboutSection)
class AboutSectionTranslationOptions(TranslationOptions):
    fields = ("title", "body")


@register(HistoryEntry)
class HistoryEntryTranslationOptions(TranslationOptions):
    fields = ("title", "description")


# Audit history (who, when, what changed), registered after modeltranslation
# has added the _ru/_en fields so the historical tables keep both languages
# (as in archive/translation.py).
register_history(NewsItem)
register_history(Partner)
register_history(ContactDetails)
register_history(Project, m2m_fields=["partners", "states", "themes", "documents"])
register_history(AboutSection)
register_history(HistoryEntry)
