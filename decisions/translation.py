from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import FollowUpItem


@register(FollowUpItem)
class FollowUpItemTranslationOptions(TranslationOptions):
    # Either language may be missing; modeltranslation falls back to the other.
    fields = ("action",)


# Audit history (who, when, what changed), registered after modeltranslation
# has added the _ru/_en fields (as in meetings/translation.py).
register_history(FollowUpItem, m2m_fields=["evidence"])
