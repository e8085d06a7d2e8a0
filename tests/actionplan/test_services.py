import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from actionplan import services
from actionplan.enums import PlanStatus, ProgressStatus, RoundStatus
from actionplan.models import Action, ActionProgress, Plan, ProgressNote
from actionplan.selectors import current_plan, open_round
from meetings.enums import MeetingKind
from tests.factories.actionplan import PlanFactory, ReportingRoundFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_new_version_supersedes_and_keeps_the_previous(plan):
    new = services.plan_create_version(previous=plan, title_en="Regional Action Plan 2016")

    plan.refresh_from_db()
    assert (new.version, new.supersedes, new.status) == (2, plan, PlanStatus.DRAFT)
    assert plan.superseded_by == new
    assert new.title_en == "Regional Action Plan 2016"
    # The old version keeps its own areas and actions; the new one has copies.
    assert Action.objects.filter(area__plan=plan).count() == 3
    assert list(Action.objects.filter(area__plan=new).order_by("area__number", "order")
                .values_list("text_en", flat=True)) == [
        "Set up mechanisms", "Hold trainings", "Review laws"]


def test_new_version_of_a_superseded_plan_is_refused(plan):
    services.plan_create_version(previous=plan)

    with pytest.raises(ValidationError):
        services.plan_create_version(previous=plan)


def test_current_plan_is_the_latest_adopted_version(plan):
    newer = services.plan_create_version(previous=plan)
    services.plan_adopt(plan=plan, on=D(2013, 11, 1))

    assert current_plan() == plan

    services.plan_adopt(plan=newer, on=D(2016, 10, 20))

    assert current_plan() == newer


def test_current_plan_is_the_newest_draft_while_none_is_adopted(plan):
    newer = services.plan_create_version(previous=plan)

    assert current_plan() == newer


def test_coordinators_report_in_the_current_plans_open_round(plan):
    newer = services.plan_create_version(previous=plan)
    services.plan_adopt(plan=plan, on=D(2013, 11, 1))
    older_round = ReportingRoundFactory(plan=plan, opened_on=D(2013, 12, 1))
    newer_round = ReportingRoundFactory(plan=newer, opened_on=D(2014, 1, 1))

    assert open_round() == older_round  # the adopted plan's, though opened earlier

    older_round.status = RoundStatus.CLOSED
    older_round.save()

    assert open_round() == newer_round  # none open in the current plan: any open one


def test_plan_history_is_kept_when_a_plan_is_adopted(plan):
    services.plan_adopt(plan=plan, on=D(2013, 11, 1))

    assert list(plan.history.order_by("history_date").values_list("status", flat=True)) == [
        PlanStatus.DRAFT, PlanStatus.ADOPTED]


def test_adopting_at_a_meeting_outside_its_days_is_refused(plan):
    meeting = MeetingFactory(start=D(2013, 6, 5), end=D(2013, 6, 6))

    with pytest.raises(ValidationError):
        services.plan_adopt(plan=plan, on=D(2013, 6, 7), meeting=meeting)


@pytest.mark.dates
def test_round_opens_before_a_senior_officials_meeting(plan):
    som = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2030, 10, 15))

    with time_machine.travel(datetime.datetime(2030, 8, 1, 12, tzinfo=datetime.UTC)):
        rr = services.round_open(plan=plan, meeting=som)

    assert (rr.status, rr.opened_on) == (RoundStatus.OPEN, D(2030, 8, 1))


@pytest.mark.parametrize("kind", [MeetingKind.MINISTERIAL, MeetingKind.THEMATIC])
def test_round_for_another_kind_of_meeting_is_refused(plan, kind):
    meeting = MeetingFactory(kind=kind, start=D(2030, 10, 15))

    with pytest.raises(ValidationError):
        services.round_open(plan=plan, meeting=meeting, on=D(2030, 8, 1))


def test_round_after_the_meeting_started_is_refused(plan):
    som = MeetingFactory(start=D(2030, 10, 15))

    with pytest.raises(ValidationError):
        services.round_open(plan=plan, meeting=som, on=D(2030, 10, 15))


def test_second_open_round_of_a_plan_is_refused(plan):
    services.round_open(plan=plan, meeting=MeetingFactory(start=D(2030, 10, 15)), on=D(2030, 8, 1))

    with pytest.raises(ValidationError):
        services.round_open(plan=plan, meeting=MeetingFactory(start=D(2031, 10, 15)),
                            on=D(2030, 8, 2))


def test_round_closed_then_a_new_one_opens(plan):
    first = services.round_open(plan=plan, meeting=MeetingFactory(start=D(2030, 10, 15)),
                                on=D(2030, 8, 1))
    services.round_close(reporting_round=first, on=D(2030, 10, 1))

    second = services.round_open(plan=plan, meeting=MeetingFactory(start=D(2031, 10, 15)),
                                 on=D(2031, 8, 1))

    first.refresh_from_db()
    assert (first.status, first.closed_on, second.status) == (
        RoundStatus.CLOSED, D(2030, 10, 1), RoundStatus.OPEN)


def test_closing_a_closed_round_is_refused(plan):
    rr = ReportingRoundFactory(plan=plan, status=RoundStatus.CLOSED, closed_on=D(2024, 10, 1))

    with pytest.raises(ValidationError):
        services.round_close(reporting_round=rr)


def test_endorsing_an_open_round_is_refused(plan):
    rr = ReportingRoundFactory(plan=plan)

    with pytest.raises(ValidationError):
        services.round_endorse(reporting_round=rr, on=D(2024, 10, 16))


def test_endorsing_before_the_meeting_is_refused(plan):
    rr = ReportingRoundFactory(plan=plan, status=RoundStatus.CLOSED, closed_on=D(2024, 10, 1))

    with pytest.raises(ValidationError):
        services.round_endorse(reporting_round=rr, on=D(2024, 10, 14))


def test_endorsing_a_closed_round_at_its_meeting(plan):
    rr = ReportingRoundFactory(plan=plan, status=RoundStatus.CLOSED, closed_on=D(2024, 10, 1))

    services.round_endorse(reporting_round=rr, on=D(2024, 10, 16))

    rr.refresh_from_db()
    assert (rr.endorsed, rr.endorsed_on) == (True, D(2024, 10, 16))


def test_coordinator_reports_for_their_state(plan, kazakhstan, kaz_coordinator):
    rr = ReportingRoundFactory(plan=plan)
    action = Action.objects.get(area__number=1, order=1)

    services.progress_record(
        reporting_round=rr, state=kazakhstan, user=kaz_coordinator, on=D(2024, 9, 2),
        entries=[services.ProgressEntry(action=action, status=ProgressStatus.DONE,
                                        timeline="2024", responsible_body="МВД",
                                        note="Готово", note_visibility="public")],
    )

    progress = ActionProgress.objects.get()
    assert (progress.state, progress.status, progress.timeline, progress.updated_by) == (
        kazakhstan, ProgressStatus.DONE, "2024", kaz_coordinator)
    assert list(ProgressNote.objects.values_list("date", "text", "visibility")) == [
        (D(2024, 9, 2), "Готово", "public")]


def test_coordinator_reporting_for_another_state_is_refused(plan, kyrgyzstan, kaz_coordinator):
    rr = ReportingRoundFactory(plan=plan)
    action = Action.objects.first()

    with pytest.raises(PermissionDenied):
        services.progress_record(reporting_round=rr, state=kyrgyzstan, user=kaz_coordinator,
                                 entries=[services.ProgressEntry(action=action)])
    assert ActionProgress.objects.count() == 0


def test_reporting_in_a_closed_round_is_refused(plan, kazakhstan, kaz_coordinator):
    rr = ReportingRoundFactory(plan=plan, status=RoundStatus.CLOSED, closed_on=D(2024, 10, 1))

    with pytest.raises(ValidationError):
        services.progress_record(reporting_round=rr, state=kazakhstan, user=kaz_coordinator,
                                 entries=[services.ProgressEntry(action=Action.objects.first())])


def test_reporting_on_another_plans_action_is_refused(plan, kazakhstan, kaz_coordinator):
    rr = ReportingRoundFactory(plan=plan)
    other = services.plan_create_version(previous=plan)
    foreign = Action.objects.filter(area__plan=other).first()

    with pytest.raises(ValidationError):
        services.progress_record(reporting_round=rr, state=kazakhstan, user=kaz_coordinator,
                                 entries=[services.ProgressEntry(action=foreign)])


def test_plan_load_from_data_replaces_texts_and_items():
    data = {"version": 3, "title": {"ru": "План", "en": "Plan"}, "areas": [
        {"number": 1, "title": {"ru": "Сфера", "en": "Area"}, "declaration_paragraphs": [2],
         "actions": [{"ru": "А", "en": "A"}, {"ru": "Б", "en": "B"}]}]}
    services.plan_load(data=data)
    data["areas"][0]["actions"] = [{"ru": "В", "en": "C", "level": "operational"}]

    plan = services.plan_load(data=data)

    assert list(Action.objects.filter(area__plan=plan).values_list("text_ru", "level")) == [
        ("В", "operational")]
    assert Plan.objects.count() == 1


def test_plan_load_without_english_is_refused():
    data = {"version": 3, "title": {"ru": "План", "en": "Plan"}, "areas": [
        {"number": 1, "title": {"ru": "Сфера", "en": ""}}]}

    with pytest.raises(ValidationError):
        services.plan_load(data=data)
    assert Plan.objects.count() == 0


def test_plan_load_supersedes_the_latest_version():
    first = PlanFactory(version=1)

    second = services.plan_load(data={"version": 2, "title": {"ru": "П", "en": "P"}})

    assert second.supersedes == first


@pytest.mark.parametrize("access", ["secretariat", "draft"])
def test_attaching_a_document_the_coordinator_may_not_see_is_refused(
    plan, kazakhstan, kaz_coordinator, access
):
    from archive.enums import AccessLevel, PublicationStatus
    from tests.factories.archive import DocumentFactory

    rr = ReportingRoundFactory(plan=plan)
    hidden = (DocumentFactory(access=AccessLevel.SECRETARIAT) if access == "secretariat"
              else DocumentFactory(status=PublicationStatus.DRAFT))

    with pytest.raises(PermissionDenied):
        services.progress_record(
            reporting_round=rr, state=kazakhstan, user=kaz_coordinator,
            entries=[services.ProgressEntry(action=Action.objects.first(), note="Готово",
                                            documents=[DocumentFactory(), hidden])],
        )
    assert (ActionProgress.objects.count(), ProgressNote.objects.count()) == (0, 0)


def test_coordinator_attaches_documents_they_may_see(plan, kazakhstan, kaz_coordinator):
    from archive.enums import AccessLevel
    from tests.factories.archive import DocumentFactory

    rr = ReportingRoundFactory(plan=plan)
    documents = [DocumentFactory(), DocumentFactory(access=AccessLevel.PARTICIPANTS)]

    services.progress_record(
        reporting_round=rr, state=kazakhstan, user=kaz_coordinator,
        entries=[services.ProgressEntry(action=Action.objects.first(), note="Готово",
                                        documents=documents)],
    )

    assert set(ProgressNote.objects.get().documents.all()) == set(documents)


def test_documents_without_a_note_are_refused(plan, kazakhstan, kaz_coordinator):
    from tests.factories.archive import DocumentFactory

    rr = ReportingRoundFactory(plan=plan)

    with pytest.raises(ValidationError):
        services.progress_record(
            reporting_round=rr, state=kazakhstan, user=kaz_coordinator,
            entries=[services.ProgressEntry(action=Action.objects.first(),
                                            documents=[DocumentFactory()])],
        )
