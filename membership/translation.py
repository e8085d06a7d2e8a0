from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
)


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


# The audit history (who, when, what changed) of everything the secretariat
# edits, registered after modeltranslation has added the per-language
# fields, so the historical tables record both languages (as in archive).
for _model in (ParticipantState, MembershipPeriod, Organisation, NationalCoordinator, FocalPoint):
    register_history(_model)
