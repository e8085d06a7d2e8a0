from modeltranslation.translator import TranslationOptions, register

from .models import FocalPoint, NationalCoordinator, Organisation, ParticipantState


@register(ParticipantState)
class ParticipantStateTranslationOptions(TranslationOptions):
    fields = ("name", "official_name")
    required_languages = ("ru", "en")


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym")
    required_languages = {"default": ("name",)}


@register(NationalCoordinator)
class NationalCoordinatorTranslationOptions(TranslationOptions):
    fields = ("full_name", "position", "agency")


@register(FocalPoint)
class FocalPointTranslationOptions(TranslationOptions):
    fields = ("full_name", "position")
