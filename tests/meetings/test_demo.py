"""The demo meetings: built on the demo chair terms, true to the seed (no
election of the Chair after 2013), idempotent, and with the gaps the
cadence panel is meant to show."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import transaction
from django.utils import translation

from chairmanship import demo as chairmanship_demo
from chairmanship.models import Chairmanship
from meetings import demo
from meetings.cadence import meeting_cadence
from meetings.enums import MeetingDocumentRole, MeetingKind, MeetingStatus
from meetings.models import AgendaItem, Meeting
from meetings.selectors import meeting_chair
from membership import demo as membership_demo
from tests.factories.archive import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
# Late evening in UTC, already the next day in Almaty.
NOW = datetime.datetime(2026, 11, 30, 22, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (it records some 150 meetings)
    inside a transaction rolled back at the end; each test runs in a
    savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with time_machine.travel(NOW, tick=False):
            membership_demo.load()
            chairmanship_demo.load()
            DocumentFactory(slug="som-report-2019", date=D(2019, 10, 16))
            DocumentFactory(slug="operational-mechanism-2013", date=D(2013, 6, 5))
            demo.load()
        yield
        transaction.set_rollback(True)


def of_kind(kind):
    return list(Meeting.objects.filter(kind=kind).order_by("start"))


def test_demo_holds_a_ministerial_conference_at_every_handover(loaded):
    conferences = of_kind(MeetingKind.MINISTERIAL)
    terms = list(Chairmanship.objects.order_by("start"))

    assert [m.start.year for m in conferences] == list(range(2013, 2028, 2))
    assert [m.status for m in conferences] == [MeetingStatus.HELD] * 7 + [MeetingStatus.PLANNED]
    assert [
        outcome.confirms_chairmanship
        for m in conferences for outcome in m.outcomes.all() if outcome.confirms_chairmanship
    ] == terms


def test_demo_conferences_after_2013_are_chaired_and_hosted_by_the_outgoing_chair(loaded):
    conferences = of_kind(MeetingKind.MINISTERIAL)[1:]
    terms = list(Chairmanship.objects.order_by("start"))

    assert [meeting_chair(meeting=m).state for m in conferences] == [t.state for t in terms]
    assert [m.host_state for m in conferences] == [t.state for t in terms]


def test_demo_elects_the_chair_only_in_2013(loaded):
    elections = AgendaItem.objects.filter(title_en__icontains="election")

    assert [item.meeting.start.year for item in elections] == [2013]
    assert not AgendaItem.objects.filter(title_ru__icontains="выбор").exclude(
        meeting__start__year=2013
    ).exists()


def test_demo_has_a_senior_officials_meeting_each_year_and_the_next_one_open(loaded):
    meetings = of_kind(MeetingKind.SENIOR_OFFICIALS)
    upcoming = meetings[-1]

    assert [m.start.year for m in meetings] == list(range(2013, 2028))
    assert upcoming.status == MeetingStatus.REGISTRATION_OPEN
    assert upcoming.registration_opens < NOW < upcoming.registration_closes < upcoming.starts_at


def test_demo_first_senior_officials_meeting_reviews_the_launch_not_a_year_before_it(loaded):
    first, second = of_kind(MeetingKind.SENIOR_OFFICIALS)[:2]
    texts = [first.description_ru, first.description_en] + [
        text for outcome in first.outcomes.all() for text in (outcome.text_ru, outcome.text_en)
    ] + [text for item in first.agenda_items.all() for text in (item.title_ru, item.title_en)]

    assert (first.start, first.start > Meeting.objects.get(
        slug="ministerial-conference-2013").end) == (D(2013, 10, 15), True)
    assert [o.text_en for o in first.outcomes.all()] == [
        ("The meeting reviewed the first steps of the process since its launch at the 2013 "
        "Ministerial Conference and agreed the first work plan, for 2014."),
    ]
    assert [t for t in texts if "2012" in t or "прошедшего года" in t or "past year" in t
            or "Review of the work plan" in t] == []
    # From the second year on, each meeting reviews the year before.
    assert [o.text_en for o in second.outcomes.all()] == [
        "The meeting reviewed the results of 2013 and agreed the work plan for 2015.",
    ]


def test_demo_launch_conference_discusses_the_draft_action_plan(loaded):
    launch = Meeting.objects.get(slug="ministerial-conference-2013")

    assert launch.agenda_items.filter(
        title_en="The Regional Cooperation Framework and the draft Regional Action Plan",
        title_ru="Региональная рамочная программа сотрудничества и проект Регионального плана "
                 "действий",
    ).count() == 1


def test_demo_has_two_thematic_seminars(loaded):
    assert [m.slug for m in of_kind(MeetingKind.THEMATIC)] == [
        "border-management-workshop-2018", "climate-migration-seminar-2022",
    ]


def test_demo_links_archive_documents_whose_dates_agree(loaded):
    som_2019 = Meeting.objects.get(slug="senior-officials-meeting-2019")

    assert [(link.document.slug, link.role) for link in som_2019.document_links.all()] == [
        ("som-report-2019", MeetingDocumentRole.OUTCOME),
    ]


def test_demo_cadence_lists_only_the_deliberate_gaps_in_past_years(loaded):
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        years = meeting_cadence()

    gaps = {year.year: year.gaps for year in years if year.gaps and year.year < 2026}
    not_held = {year.year: year.not_held for year in years
                if year.not_held and year.year < 2026}
    assert gaps == {}
    assert not_held == {
        2020: ["Pakistan: national consultations not held in 2020."],
        2021: ["Iran: national consultations not held in 2021."],
        2022: ["Afghanistan: national consultations not held in 2022."],
        2023: ["Afghanistan: national consultations not held in 2023."],
    }


def test_demo_loads_twice_without_adding_anything(loaded):
    count = Meeting.objects.count()

    with time_machine.travel(NOW, tick=False):
        summary = demo.load()

    assert Meeting.objects.count() == count
    assert summary == (
        f"meetings: {count} meetings (0 added now); 0 demo delegations added to "
        "“Senior Officials' Meeting 2027”"
    )


def test_demo_registers_delegations_for_the_open_meeting(loaded):
    from meetings.enums import Accreditation, DelegationStatus
    from meetings.models import Delegate, Delegation

    meeting = Meeting.objects.get(status=MeetingStatus.REGISTRATION_OPEN)
    delegations = {
        (d.state.iso3 if d.state_id else d.organisation.slug): d
        for d in Delegation.objects.filter(meeting=meeting).select_related("state",
                                                                          "organisation")
    }
    kazakhstan = delegations["KAZ"]

    assert sorted(delegations) == ["KAZ", "KGZ", "TJK", "iom"]
    assert (kazakhstan.status, kazakhstan.credentials_name) == (
        DelegationStatus.SUBMITTED, "Нота вербальная.pdf",
    )
    assert sorted(kazakhstan.delegates.values_list("accreditation", flat=True)) == [
        Accreditation.APPROVED, Accreditation.APPROVED, Accreditation.PENDING,
    ]
    assert Delegate.objects.filter(meeting=meeting, accreditation=Accreditation.PENDING,
                                   delegation__status=DelegationStatus.SUBMITTED).count() == 1
    assert delegations["KGZ"].status == DelegationStatus.DRAFT


def test_demo_delegations_loaded_twice_stay_the_same(loaded):
    from meetings import demo_registration
    from meetings.models import Delegate

    before = Delegate.objects.count()
    with time_machine.travel(NOW, tick=False):
        message = demo_registration.load()

    assert (Delegate.objects.count(), message.split(" demo")[0]) == (before, "0")


@pytest.mark.parametrize(("lang", "elected"), [
    ("en", "Elected at the Ministerial Conference"),
    ("ru", "Избран на Министерской конференции"),
])
def test_demo_chairmanship_page_links_the_2013_term_to_its_conference(loaded, client, lang,
                                                                       elected):
    with time_machine.travel(NOW, tick=False):
        page = client.get(f"/{lang}/chairmanship/").content.decode()

    conference = Meeting.objects.get(slug="ministerial-conference-2013")
    with translation.override(lang):
        title = conference.title
    link = f'<a href="/{lang}/meetings/ministerial-conference-2013/">{title}</a>'
    assert f'{elected}<br><span class="muted">{link}' in page
