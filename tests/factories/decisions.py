import datetime

import factory

from decisions.enums import FollowUpStatus, Responsible
from decisions.models import FollowUpItem

from .meetings import MeetingOutcomeFactory
from .membership import ParticipantStateFactory


class FollowUpItemFactory(factory.django.DjangoModelFactory):
    """A state's follow-up item of a new outcome, due a year after it."""

    class Meta:
        model = FollowUpItem

    outcome = factory.SubFactory(MeetingOutcomeFactory)
    position = factory.Sequence(lambda n: n + 1)
    action_ru = "Провести национальные консультации по трудовой миграции."
    action_en = "Hold national consultations on labour migration."
    action = factory.SelfAttribute("action_ru")
    responsible = Responsible.STATE
    state = factory.SubFactory(ParticipantStateFactory)
    due_on = factory.LazyAttribute(lambda o: o.outcome.adopted_on + datetime.timedelta(days=365))
    status = FollowUpStatus.NOT_STARTED
