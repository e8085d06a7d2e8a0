import datetime

import factory

from membership.enums import MembershipStatus, OrganisationKind
from membership.models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
    User,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class StaffUserFactory(UserFactory):
    is_staff = True


class ParticipantStateFactory(factory.django.DjangoModelFactory):
    """A state that has been a participant since ``participant_since``
    (pass ``participant_since=None`` for a state with no history)."""

    class Meta:
        model = ParticipantState
        django_get_or_create = ("iso3",)
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"State {n:03d}")
    name_ru = factory.Sequence(lambda n: f"Государство {n:03d}")
    name = factory.SelfAttribute("name_ru")
    rotation_key = factory.SelfAttribute("name_en")
    official_name_en = factory.LazyAttribute(lambda o: f"Republic of {o.name_en}")
    official_name_ru = factory.LazyAttribute(lambda o: f"Республика {o.name_ru}")
    official_name = factory.SelfAttribute("official_name_ru")
    iso2 = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    iso3 = factory.Sequence(lambda n: f"Q{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")

    @factory.post_generation
    def participant_since(obj, create, extracted, **kwargs):  # noqa: N805
        """A date, or False for a state with no membership history."""
        if not create or extracted is False:
            return
        start = extracted or datetime.date(2013, 1, 1)
        MembershipPeriod.objects.get_or_create(
            state=obj, end=None, defaults={"status": MembershipStatus.PARTICIPANT, "start": start}
        )


class MembershipPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipPeriod

    state = factory.SubFactory(ParticipantStateFactory, participant_since=False)
    status = MembershipStatus.PARTICIPANT
    start = datetime.date(2013, 1, 1)
    end = None
    deadline = None


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.INTERNATIONAL
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    name = factory.SelfAttribute("name_ru")
    acronym_en = factory.Sequence(lambda n: f"ORG{n}")
    acronym_ru = factory.Sequence(lambda n: f"ОРГ{n}")
    acronym = factory.SelfAttribute("acronym_ru")
    slug = factory.Sequence(lambda n: f"org-{n}")


class NationalCoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalCoordinator

    state = factory.SubFactory(ParticipantStateFactory)
    full_name_en = factory.Sequence(lambda n: f"Coordinator {n}")
    full_name_ru = factory.Sequence(lambda n: f"Координатор {n}")
    full_name = factory.SelfAttribute("full_name_ru")
    position = "Head of division"
    agency = "Ministry of Labour"
    email = factory.Sequence(lambda n: f"coordinator{n}@example.org")
    phone = "+7 727 000 00 00"
    start = datetime.date(2020, 1, 1)
    end = None
    user = None


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    organisation = factory.SubFactory(OrganisationFactory)
    full_name = factory.Sequence(lambda n: f"Focal Point {n}")
    email = factory.Sequence(lambda n: f"focal{n}@example.org")
    start = datetime.date(2020, 1, 1)
    end = None
    user = None
