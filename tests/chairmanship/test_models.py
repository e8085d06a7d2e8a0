"""Terms never overlap: the PostgreSQL exclusion constraint, the same rule in
the services on any database, and two secretariat users recording the next
term at the same moment (one term, one translated error)."""

import datetime
import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship, TurnDeclination
from chairmanship.services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_propose_next,
    terms,
)
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.chairmanship import ChairmanshipFactory, TurnDeclinationFactory
from tests.factories.membership import StaffUserFactory

D = datetime.date
LAUNCH = D(2013, 6, 5)
OVERLAP_RU = (
    "Сроки председательства не могут пересекаться: с 5 июня 2013 по 4 июня 2015 "
    "председательствует Казахстан."
)


def _state(make_state, name_en, name_ru):
    state = make_state(name_en)
    state.name_ru = name_ru
    state.save()
    return state


@pytest.fixture
def kazakhstan(make_state):
    return _state(make_state, "Kazakhstan", "Казахстан")


@pytest.fixture
def kyrgyzstan(make_state):
    return _state(make_state, "Kyrgyzstan", "Кыргызстан")


# --- Any database -----------------------------------------------------------------------

@pytest.mark.django_db
def test_services_refuse_an_overlapping_term_with_the_translated_error(kazakhstan, kyrgyzstan):
    chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=kyrgyzstan, start=D(2015, 6, 4), end=D(2017, 6, 3),
            basis=ChairmanshipBasis.DECISION,
            decision_note_ru="Досрочная передача.",
        )

    assert exc_info.value.message_dict == {NON_FIELD_ERRORS: [OVERLAP_RU]}
    assert Chairmanship.objects.count() == 1


@pytest.mark.django_db
def test_services_refuse_the_same_term_recorded_twice(kazakhstan, kyrgyzstan):
    chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    proposal = chairmanship_propose_next()
    chairmanship_create_from_proposal(proposal=proposal)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create_from_proposal(proposal=proposal)

    assert [e.code for e in exc_info.value.error_dict[NON_FIELD_ERRORS]] == ["overlap"]
    assert Chairmanship.objects.count() == 2


@pytest.mark.django_db
def test_check_constraint_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChairmanshipFactory(start=D(2015, 6, 5), end=D(2015, 6, 4))


@pytest.mark.django_db
def test_unique_constraint_refuses_a_turn_declined_twice(kyrgyzstan):
    TurnDeclinationFactory(state=kyrgyzstan, turn_start=D(2015, 6, 5))

    with pytest.raises(IntegrityError), transaction.atomic():
        TurnDeclinationFactory(state=kyrgyzstan, turn_start=D(2015, 6, 5))

    assert TurnDeclination.objects.count() == 1


# --- PostgreSQL: the exclusion constraint -------------------------------------------------

@pytest.mark.postgresql
@pytest.mark.django_db
def test_exclusion_constraint_refuses_an_overlapping_row(postgresql_only, kazakhstan, kyrgyzstan):
    Chairmanship.objects.create(
        state=kazakhstan, start=LAUNCH, end=D(2015, 6, 4), basis=ChairmanshipBasis.ELECTED
    )

    with pytest.raises(IntegrityError) as exc_info, transaction.atomic():
        Chairmanship.objects.create(
            state=kyrgyzstan, start=D(2015, 6, 4), end=D(2017, 6, 3),
            basis=ChairmanshipBasis.ROTATION,
        )

    assert exc_info.value.__cause__.diag.constraint_name == "chairmanship_terms_no_overlap"
    assert Chairmanship.objects.count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db
def test_exclusion_constraint_allows_adjacent_terms(postgresql_only):
    ChairmanshipFactory(start=D(2013, 6, 5))

    ChairmanshipFactory(start=D(2015, 6, 5))

    assert Chairmanship.objects.count() == 2


@pytest.mark.postgresql
@pytest.mark.django_db
def test_save_turns_the_exclusion_violation_into_the_translated_error(
    postgresql_only, kyrgyzstan
):
    ChairmanshipFactory(start=LAUNCH)
    racing = Chairmanship(
        state=kyrgyzstan, start=D(2015, 6, 1), end=D(2017, 5, 31),
        basis=ChairmanshipBasis.ROTATION,
    )

    with pytest.raises(ValidationError) as exc_info:
        terms._save(racing)

    assert exc_info.value.messages == [
        ("Сроки председательства не могут пересекаться: часть этих дат уже входит в "
         "другой срок.")
    ]


# --- PostgreSQL: two secretariat users at once --------------------------------------------

def _in_thread(target, *args):
    """Run ``target`` in a thread with its own database connection; the
    thread's result or exception lands in the returned dict."""
    outcome: dict = {}

    def run():
        try:
            outcome["result"] = target(*args)
        except Exception as exc:
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    outcome["thread"] = thread
    return outcome


def _wait_until_a_backend_waits_for_a_lock(timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    pytest.fail("the second writer never waited for the first")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_second_writer_of_the_next_term_waits_then_gets_the_translated_error(
    postgresql_only, kazakhstan, kyrgyzstan
):
    chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    proposal = chairmanship_propose_next()  # both users saw this proposal
    first_inserted, release_first = threading.Event(), threading.Event()

    def first_user():
        with transaction.atomic():
            term = chairmanship_create_from_proposal(proposal=proposal)
            first_inserted.set()
            release_first.wait(10)  # hold the transaction open
        return term

    def second_user():
        first_inserted.wait(10)
        return chairmanship_create_from_proposal(proposal=proposal)

    first = _in_thread(first_user)
    second = _in_thread(second_user)
    _wait_until_a_backend_waits_for_a_lock()  # the second is queued behind the first
    release_first.set()
    first["thread"].join(10)
    second["thread"].join(10)

    assert "error" not in first
    assert second["error"].messages == [
        ("Сроки председательства не могут пересекаться: с 5 июня 2015 по 4 июня 2017 "
        "председательствует Кыргызстан.")
    ]
    assert list(Chairmanship.objects.values_list("state__name_en", "start")) == [
        ("Kazakhstan", LAUNCH), ("Kyrgyzstan", D(2015, 6, 5)),
    ]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_first_terms_at_once_meet_the_exclusion_constraint(
    postgresql_only, kazakhstan, kyrgyzstan
):
    # No term yet, so nothing to lock: the constraint alone keeps them apart.
    first_inserted, release_first = threading.Event(), threading.Event()

    def first_user():
        with transaction.atomic():
            chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
            first_inserted.set()
            release_first.wait(10)

    def second_user():
        first_inserted.wait(10)
        chairmanship_create(state=kyrgyzstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    first = _in_thread(first_user)
    second = _in_thread(second_user)
    _wait_until_a_backend_waits_for_a_lock()
    release_first.set()
    first["thread"].join(10)
    second["thread"].join(10)

    assert "error" not in first
    assert second["error"].messages == [
        ("Сроки председательства не могут пересекаться: часть этих дат уже входит в "
         "другой срок.")
    ]
    assert list(Chairmanship.objects.values_list("state__name_en", flat=True)) == ["Kazakhstan"]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_admins_clicking_create_next_at_once_record_one_term(
    postgresql_only, kazakhstan, kyrgyzstan
):
    chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    editors = Group.objects.get(name=SECRETARIAT_EDITORS)
    clients = []
    for _i in range(2):
        user = StaffUserFactory()
        user.groups.add(editors)
        client = Client()
        client.force_login(user)
        clients.append(client)
    both_ready = threading.Barrier(2)

    def click(client):
        both_ready.wait(10)
        response = client.post(
            "/ru/admin/chairmanship/chairmanship/create-next/",
            {"state": kyrgyzstan.pk, "start": "2015-06-05"},
        )
        return response["Location"], [str(m) for m in get_messages(response.wsgi_request)]

    outcomes = [_in_thread(click, client) for client in clients]
    for outcome in outcomes:
        outcome["thread"].join(20)

    term = Chairmanship.objects.get(state=kyrgyzstan)
    results = sorted(outcome["result"] for outcome in outcomes)
    assert [location for location, _messages in results] == [
        "/ru/admin/chairmanship/chairmanship/",
        f"/ru/admin/chairmanship/chairmanship/{term.pk}/change/",
    ]
    (refused,), (recorded,) = (messages for _location, messages in results)
    assert recorded == (
        "Записан срок с 5 июня 2015 по 4 июня 2017: председательствует Кыргызстан. "
        "Теперь укажите представителя."
    )
    # Refused by the overlap check under the lock or, when the second click
    # read the proposal after the first had committed, as a stale proposal.
    assert refused in {
        ("Сроки председательства не могут пересекаться: с 5 июня 2015 по 4 июня 2017 "
        "председательствует Кыргызстан."),
        ("Предложение изменилось после того, как страница была показана. Проверьте новое "
        "предложение и попробуйте снова."),
    }
    assert Chairmanship.objects.count() == 2


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_add_form_saving_into_a_concurrent_first_term_shows_the_error_on_the_form(
    postgresql_only, kazakhstan, kyrgyzstan
):
    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client = Client()
    client.force_login(editor)
    other_inserted, release_other = threading.Event(), threading.Event()

    def other_user():
        with transaction.atomic():
            chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
            other_inserted.set()
            release_other.wait(10)

    def add_form():
        other_inserted.wait(10)
        # The service's checks pass (the other term is not committed yet);
        # its insert then waits on the exclusion constraint and fails.
        response = client.post("/ru/admin/chairmanship/chairmanship/add/", {
            "state": kyrgyzstan.pk, "start": "05.06.2013", "end": "",
            "basis": ChairmanshipBasis.ELECTED,
            **{f"{name}_{lang}": "" for name in (
                "representative_name", "representative_title", "decision_note",
                "notes") for lang in ("ru", "en")},
            "representative_name_en": "Bakyt Osmonov",
        })
        return (
            response.status_code,
            list(response.context["adminform"].form.non_field_errors()),
            'value="Bakyt Osmonov"' in response.content.decode(),
        )

    other = _in_thread(other_user)
    form = _in_thread(add_form)
    _wait_until_a_backend_waits_for_a_lock()
    release_other.set()
    other["thread"].join(10)
    form["thread"].join(20)

    assert form["result"] == (200, [
        ("Сроки председательства не могут пересекаться: часть этих дат уже входит в "
        "другой срок.")
    ], True)
    assert list(Chairmanship.objects.values_list("state__name_en", flat=True)) == ["Kazakhstan"]
