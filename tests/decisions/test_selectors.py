"""Who sees which outcome: meetings' one rule (published, at an access
level the reader has), on the register, the alerts' selector, the feeds
and the sitemap."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from decisions import selectors
from tests.decisions.conftest import coordinator_of
from tests.factories.membership import FocalPointFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def test_anonymous_sees_public_outcomes_only(public_outcome, restricted_outcome):
    assert list(selectors.outcomes_for_list(user=None)) == [public_outcome]


def test_participant_coordinator_sees_restricted_outcome(public_outcome, restricted_outcome,
                                                         kazakhstan):
    user = coordinator_of(kazakhstan)

    assert set(selectors.outcomes_for_list(user=user)) == {public_outcome, restricted_outcome}


def test_observer_does_not_see_participants_only_outcome(public_outcome, restricted_outcome):
    user = UserFactory()
    FocalPointFactory(organisation=OrganisationFactory(), user=user)

    assert list(selectors.outcomes_for_list(user=user)) == [public_outcome]


def test_outcome_published_later_is_hidden_until_then(public_outcome):
    public_outcome.published_at = timezone.now() + datetime.timedelta(days=1)
    public_outcome.save()

    assert list(selectors.outcomes_for_list(user=None)) == []
    assert selectors.outcome_for_page(pk=public_outcome.pk, user=None) is None


def test_unpublished_outcome_is_hidden_even_from_staff(public_outcome, staff):
    public_outcome.published_at = None
    public_outcome.save()

    assert list(selectors.outcomes_for_list(user=staff)) == []


def test_outcomes_published_between_is_half_open_and_follows_access(
        public_outcome, restricted_outcome, kazakhstan):
    type(public_outcome).objects.filter(pk=public_outcome.pk).update(
        published_at=at(2024, 6, 12, 10))
    type(restricted_outcome).objects.filter(pk=restricted_outcome.pk).update(
        published_at=at(2024, 6, 13, 10))
    user = coordinator_of(kazakhstan)

    with time_machine.travel(at(2024, 7, 1), tick=False):
        anonymous = list(selectors.outcomes_published_between(
            user=None, start=at(2024, 6, 12, 10), end=at(2024, 6, 14)))
        coordinator = list(selectors.outcomes_published_between(
            user=user, start=at(2024, 6, 12, 10), end=at(2024, 6, 14)))
        before_end = list(selectors.outcomes_published_between(
            user=user, start=at(2024, 6, 1), end=at(2024, 6, 12, 10)))

    assert anonymous == [public_outcome]
    assert coordinator == [public_outcome, restricted_outcome]
    assert before_end == []
    assert anonymous[0].get_absolute_url() == f"/ru/decisions/{public_outcome.pk}/"


def test_outcomes_published_between_excludes_entries_after_end(public_outcome):
    # An entry to be published after ``end`` is not in the window even when
    # asked later (the window is the register's own publication times).
    type(public_outcome).objects.filter(pk=public_outcome.pk).update(
        published_at=at(2024, 6, 20))

    found = list(selectors.outcomes_published_between(
        user=None, start=at(2024, 6, 1), end=at(2024, 6, 20)))

    assert found == []


def test_feed_and_sitemap_list_public_outcomes_only(public_outcome, restricted_outcome):
    assert selectors.outcomes_for_feed(limit=10) == [public_outcome]
    assert list(selectors.outcomes_for_sitemap()) == [public_outcome]


def test_search_finds_every_word_form_in_either_language(public_outcome, restricted_outcome):
    base = selectors.outcomes_for_list(user=None)

    assert list(selectors.outcomes_matching(base, query="семинаре реинтеграции")) == [
        public_outcome]
    assert list(selectors.outcomes_matching(base, query="seminars")) == [public_outcome]
    assert list(selectors.outcomes_matching(base, query="пограничных")) == []


def test_proceedings_pack_outcomes_follow_the_pack_audience_levels(public_outcome,
                                                                   restricted_outcome):
    from briefings.selectors import outcomes_of
    from meetings.models import MeetingOutcome

    observers = MeetingOutcome.objects.create(
        meeting=public_outcome.meeting, adopted_on=public_outcome.adopted_on, position=30000,
        text_ru="Для наблюдателей.", text_en="For observers.", access="observers")

    assert outcomes_of(meeting=public_outcome.meeting) == [public_outcome]
    assert outcomes_of(meeting=public_outcome.meeting, restricted=True) == [
        public_outcome, observers]
