"""Factories that write meetings rows directly (for arranging pages and the
cadence, and for testing the database constraints). Tests of the rules go
through ``meetings.services``."""

import datetime

import factory

from meetings.enums import (
    DelegateRole,
    DelegationStatus,
    MeetingDocumentRole,
    MeetingKind,
    MeetingStatus,
    OutcomeKind,
)
from meetings.models import (
    AgendaItem,
    Delegate,
    Delegation,
    Meeting,
    MeetingDocument,
    MeetingOutcome,
    ObserverInvitation,
)

from .archive import DocumentFactory
from .membership import OrganisationFactory, ParticipantStateFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A held Senior Officials' Meeting in Almaty on two days of 2024;
    ``themes=[...]`` sets the themes."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = MeetingKind.SENIOR_OFFICIALS
    title_ru = factory.Sequence(lambda n: f"Совещание старших должностных лиц № {n}")
    title_en = factory.Sequence(lambda n: f"Senior Officials' Meeting no. {n}")
    title = factory.SelfAttribute("title_ru")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    status = MeetingStatus.HELD
    start = datetime.date(2024, 10, 15)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(days=1))
    time_zone = "Asia/Almaty"
    city_ru = "Алматы"
    city_en = "Almaty"
    city = factory.SelfAttribute("city_ru")
    venue_ru = "Гостиница «Казахстан»"
    venue_en = "Hotel Kazakhstan"
    venue = factory.SelfAttribute("venue_ru")
    working_languages = factory.LazyFunction(lambda: ["ru", "en"])

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)


class NationalConsultationFactory(MeetingFactory):
    kind = MeetingKind.NATIONAL_CONSULTATION
    title_ru = factory.Sequence(lambda n: f"Национальная консультация № {n}")
    title_en = factory.Sequence(lambda n: f"National consultation no. {n}")
    host_state = factory.SubFactory(ParticipantStateFactory)
    start = datetime.date(2024, 4, 10)
    end = factory.SelfAttribute("start")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    day = factory.SelfAttribute("meeting.start")
    start_time = datetime.time(10, 0)
    end_time = datetime.time(11, 0)
    title_ru = factory.Sequence(lambda n: f"Пункт повестки {n}")
    title_en = factory.Sequence(lambda n: f"Agenda item {n}")
    title = factory.SelfAttribute("title_ru")


class MeetingOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingOutcome

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = OutcomeKind.CONCLUSIONS
    text_ru = "Совещание одобрило план работы на следующий год."
    text_en = "The meeting approved the work plan for the next year."
    text = factory.SelfAttribute("text_ru")
    adopted_on = factory.SelfAttribute("meeting.end")


class MeetingDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingDocument

    meeting = factory.SubFactory(MeetingFactory)
    document = factory.SubFactory(DocumentFactory)
    role = MeetingDocumentRole.OTHER
    position = factory.Sequence(lambda n: n + 1)


class DelegationFactory(factory.django.DjangoModelFactory):
    """A submitted delegation of a participant state (pass
    ``state=None, organisation=...`` for an observer's)."""

    class Meta:
        model = Delegation

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(ParticipantStateFactory)
    organisation = None
    status = DelegationStatus.SUBMITTED
    submitted_at = factory.LazyFunction(
        lambda: datetime.datetime(2024, 9, 1, 9, 0, tzinfo=datetime.UTC)
    )


class DelegateFactory(factory.django.DjangoModelFactory):
    """A delegate (role "delegate", accreditation pending) of a delegation."""

    class Meta:
        model = Delegate

    delegation = factory.SubFactory(DelegationFactory)
    meeting = factory.SelfAttribute("delegation.meeting")
    surname_cyrillic = factory.Sequence(lambda n: f"Иванов{n}")
    given_names_cyrillic = "Иван Иванович"
    surname_latin = factory.Sequence(lambda n: f"Ivanov{n}")
    given_names_latin = "Ivan Ivanovich"
    position = "Head of division"
    agency = "Ministry of Labour"
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    role = DelegateRole.DELEGATE


class ObserverInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObserverInvitation

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"observer{n}@example.org")
