"""Withdrawal has consequences: a recorded or projected chair term of a state
that is not a participant when the term starts (or stops being one during
it) is flagged for the secretariat's decision on the chairmanship page and
in the admin, and the membership admin hears of it through
``membership_history_changed``. Nothing is deleted."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship
from chairmanship.receivers import chair_terms_after_membership_change
from chairmanship.services import chairmanship_create
from membership.enums import MembershipStatus
from membership.models import ParticipantState
from membership.permissions import SECRETARIAT_EDITORS
from membership.services import membership_change_status
from membership.signals import membership_history_changed
from tests.factories.membership import StaffUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
LAUNCH = D(2013, 6, 5)
CHANGELIST = "/{lang}/admin/chairmanship/chairmanship/"


@pytest.fixture(autouse=True)
def frozen_today():
    """Late evening in UTC, already the next day in Almaty: 1 March 2014."""
    with time_machine.travel(
        datetime.datetime(2014, 2, 28, 21, 30, tzinfo=datetime.UTC), tick=False
    ):
        yield


@pytest.fixture
def region(make_state):
    names = {"Kazakhstan": "Казахстан", "Kyrgyzstan": "Кыргызстан", "Tajikistan": "Таджикистан"}
    states = {}
    for name_en, name_ru in names.items():
        state = make_state(name_en)
        state.name_ru = name_ru
        state.save()
        states[name_en] = state
    return states


@pytest.fixture
def terms(region):
    """Kazakhstan elected in 2013; Kyrgyzstan's term from 2015 already recorded."""
    return [
        chairmanship_create(
            state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED
        ),
        chairmanship_create(
            state=region["Kyrgyzstan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION
        ),
    ]


def withdraw(state, on):
    membership_change_status(state=state, status=MembershipStatus.WITHDRAWN, start=on)


def text_of(response, section: str | None = None) -> str:
    html = response.content.decode()
    if section is not None:
        html = html.split(f'aria-labelledby="{section}"', 1)[1].split("</section>", 1)[0]
    return re.sub(r"\s+", " ", strip_tags(html))


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


# --- The chairmanship page ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "flag"),
    [
        ("en", ("For the secretariat's decision: Kyrgyzstan is not a participant state on "
               "5 June 2015, when the term starts (withdrawn).")),
        ("ru", ("На решение Службы поддержки: Кыргызстан не является государством-участником "
               "на 5 июня 2015, дату начала срока (вышло из процесса).")),
    ],
)
def test_overview_flags_a_recorded_term_of_a_state_withdrawn_before_it(
    client, region, terms, lang, flag
):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    response = client.get(f"/{lang}/chairmanship/")

    assert flag in text_of(response, "history-title")
    history = response.context["overview"]["history"]
    assert [entry.flag is not None for entry in history] == [False, True]
    assert Chairmanship.objects.count() == 2


def test_overview_flags_a_recorded_term_the_state_leaves_during(client, region, terms):
    withdraw(region["Kazakhstan"], D(2014, 9, 1))

    response = client.get("/en/chairmanship/")

    assert (
        "For the secretariat's decision: Kazakhstan is no longer a participant state from "
        "1 September 2014, during the term (withdrawn)."
    ) in text_of(response, "history-title")


def test_overview_flags_a_projected_term_the_state_would_leave_during(client, region, terms):
    # By rotation Tajikistan chairs from 5 June 2017; it withdraws in 2018.
    withdraw(region["Tajikistan"], D(2018, 1, 1))

    response = client.get("/en/chairmanship/")

    projection = response.context["overview"]["projection"]
    assert [(p.state.name_en, p.flag is not None) for p in projection[:2]] == [
        ("Tajikistan", True), ("Kazakhstan", False),
    ]
    assert (
        "For the secretariat's decision: Tajikistan is no longer a participant state from "
        "1 January 2018, during the term (withdrawn)."
    ) in text_of(response, "projection-title")


def test_overview_without_withdrawals_flags_nothing(client, region, terms):
    response = client.get("/en/chairmanship/")

    assert "For the secretariat's decision" not in text_of(response)


# --- The admin ------------------------------------------------------------------------------

def test_admin_changelist_shows_the_flag_in_a_column(client, editor, region, terms):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    response = client.get(CHANGELIST.format(lang="en"))

    text = text_of(response)
    assert "Not a participant on 5 June 2015 (withdrawn)" in text
    assert text.count("Not a participant on") == 1


@pytest.mark.parametrize(
    ("choice", "expected"), [("flagged", ["Kyrgyzstan"]), ("consistent", ["Kazakhstan"])]
)
def test_admin_changelist_filters_flagged_terms(client, editor, region, terms, choice, expected):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    response = client.get(CHANGELIST.format(lang="en"), {"membership": choice})

    assert [term.state.name_en for term in response.context["cl"].result_list] == expected


def test_admin_change_form_warns_of_the_flag(client, editor, region, terms):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    response = client.get(f"/ru/admin/chairmanship/chairmanship/{terms[1].pk}/change/")

    assert response.status_code == 200
    assert (
        "На решение Службы поддержки: Кыргызстан не является государством-участником "
        "на 5 июня 2015, дату начала срока (вышло из процесса)."
    ) in text_of(response)


# --- The signal ---------------------------------------------------------------------------

def chairmanship_warnings(state) -> list[str]:
    responses = membership_history_changed.send(sender=ParticipantState, state=state)
    return [
        str(warning) for receiver, warnings in responses
        if receiver is chair_terms_after_membership_change for warning in warnings
    ]


def test_signal_names_the_recorded_term_that_became_inconsistent(region, terms):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    with translation.override("en"):
        warnings = chairmanship_warnings(region["Kyrgyzstan"])

    assert warnings == [
        ("Recorded chairmanship term 5 June 2015 – 4 June 2017: Kyrgyzstan is not a "
        "participant state on 5 June 2015, when the term starts (withdrawn). Nothing was "
        "changed: the secretariat decides what becomes of the term.")
    ]


def test_signal_names_a_projected_term_that_became_inconsistent(region, terms):
    withdraw(region["Tajikistan"], D(2018, 1, 1))

    with translation.override("en"):
        warnings = chairmanship_warnings(region["Tajikistan"])

    assert warnings == [
        ("Projected chairmanship term 5 June 2017 – 4 June 2019: Tajikistan is no longer a "
        "participant state from 1 January 2018, during the term (withdrawn).")
    ]


def test_signal_in_russian(region, terms):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    warnings = chairmanship_warnings(region["Kyrgyzstan"])

    assert warnings == [
        ("Записанный срок председательства 5 июня 2015 – 4 июня 2017: Кыргызстан не "
        "является государством-участником на 5 июня 2015, дату начала срока (вышло из процесса). "
        "Ничего не изменено: решение о сроке принимает Служба поддержки.")
    ]


def test_signal_names_a_rotation_term_the_corrected_history_gives_to_another_state(
    region, terms
):
    # Kyrgyzstan was recorded as withdrawn from 2015, so the 2015 turn went
    # to Tajikistan by rotation; then the withdrawal turns out to be an error.
    Chairmanship.objects.filter(state=region["Kyrgyzstan"]).delete()
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))
    chairmanship_create(
        state=region["Tajikistan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION
    )
    kyrgyzstan = region["Kyrgyzstan"]
    # The withdrawal is corrected away: Kyrgyzstan was a participant all along.
    kyrgyzstan.membership_periods.filter(status=MembershipStatus.WITHDRAWN).delete()
    kyrgyzstan.membership_periods.update(end=None)

    with translation.override("en"):
        warnings = chairmanship_warnings(kyrgyzstan)

    assert warnings == [
        ("Recorded chairmanship term 5 June 2015 – 4 June 2017 of Tajikistan by rotation: "
        "by the records as they now stand, the rotation gives that turn to Kyrgyzstan. "
        "Nothing was changed: the secretariat decides what becomes of the term.")
    ]


def test_signal_without_inconsistencies_says_nothing(region, terms):
    assert chairmanship_warnings(region["Kazakhstan"]) == []


def test_receiver_never_writes(region, terms):
    withdraw(region["Kyrgyzstan"], D(2015, 1, 1))

    with CaptureQueriesContext(connection) as queries:
        chairmanship_warnings(region["Kyrgyzstan"])

    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"] * len(
        queries.captured_queries
    )
    assert Chairmanship.objects.count() == 2
