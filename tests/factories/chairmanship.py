"""Factories that write rows directly, bypassing the services: for arranging
history and for testing the database constraints themselves. Tests of the
rules go through ``chairmanship.services``."""

import datetime

import factory

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship, TurnDeclination
from chairmanship.validators import term_end_for

from .membership import ParticipantStateFactory


class ChairmanshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairmanship

    state = factory.SubFactory(ParticipantStateFactory)
    start = datetime.date(2013, 6, 5)
    end = factory.LazyAttribute(lambda o: term_end_for(o.start))
    basis = ChairmanshipBasis.ROTATION
    representative_name_ru = factory.Sequence(lambda n: f"Представитель {n}")
    representative_name_en = factory.Sequence(lambda n: f"Representative {n}")
    representative_title_ru = "Заместитель министра"
    representative_title_en = "Deputy Minister"


class TurnDeclinationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TurnDeclination

    state = factory.SubFactory(ParticipantStateFactory)
    turn_start = datetime.date(2015, 6, 5)
    declined_on = factory.LazyAttribute(lambda o: o.turn_start - datetime.timedelta(days=30))
    note_ru = "Отказ по внутренним причинам."
    note_en = "Declined for internal reasons."
