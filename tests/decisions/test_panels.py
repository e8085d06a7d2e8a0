"""The register's panels: a coordinator's dashboard links their state's
follow-up; a Senior Officials' Meeting's pack carries the follow-up report
of the outcomes adopted since the previous one (public only)."""

import datetime

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from archive.enums import AccessLevel
from decisions import panels
from decisions.enums import FollowUpStatus, Responsible
from meetings.enums import MeetingKind
from tests.decisions.conftest import coordinator_of
from tests.factories.archive import DocumentFactory
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2025, 1, 10, 6, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_dashboard_panel_counts_open_and_overdue_items_and_links_the_page(
        client, public_outcome, kazakhstan, kyrgyzstan):
    # Published when adopted (the fixture was made at the real time, after NOW).
    type(public_outcome).objects.update(
        published_at=datetime.datetime(2024, 6, 12, 12, tzinfo=datetime.UTC))
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, due_on=D(2024, 12, 1))
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, due_on=D(2025, 6, 1))
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, status=FollowUpStatus.DONE)
    FollowUpItemFactory(outcome=public_outcome, state=kyrgyzstan)
    client.force_login(coordinator_of(kazakhstan))

    with translation.override("en"):
        response = client.get(reverse("meetings:registration_dashboard"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Kazakhstan has 2 open follow-up items, 1 overdue." in content
    assert 'href="/en/decisions/follow-up/"' in content


def test_dashboard_panel_is_hidden_for_others(staff):
    assert panels.dashboard_context(user=staff) == {"hidden": True}
    assert panels.dashboard_context(user=None) == {"hidden": True}


def _report(meeting) -> str:
    with translation.override("en"):
        return render_to_string(panels.PACK_TEMPLATE, panels.pack_context(user=None,
                                                                          meeting=meeting))


def test_pack_of_next_som_reports_follow_up_of_public_outcomes(public_outcome,
                                                               restricted_outcome, kazakhstan):
    next_som = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2025, 6, 10),
                              end=D(2025, 6, 11))
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan,
                               status=FollowUpStatus.IN_PROGRESS, note="Under way.")
    item.evidence.add(DocumentFactory(title_en="Seminar programme"),
                      DocumentFactory(title_en="Internal memo", access=AccessLevel.PARTICIPANTS))
    FollowUpItemFactory(outcome=restricted_outcome, responsible=Responsible.CHAIR, state=None,
                        action_en="Restricted task", action_ru="Закрытая задача",
                        action="Закрытая задача")

    report = _report(next_som)

    assert "Report on the follow-up of decisions" in report
    assert "Hold national consultations on labour migration." in report
    assert "Kazakhstan" in report
    assert "In progress" in report
    assert "Seminar programme" in report
    assert "Internal memo" not in report
    assert "Restricted task" not in report


def test_pack_of_a_later_som_keeps_only_open_items_of_earlier_outcomes(public_outcome,
                                                                      kazakhstan):
    MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2025, 6, 10), end=D(2025, 6, 11))
    som_2026 = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2026, 6, 10),
                              end=D(2026, 6, 11))
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, action_en="Still open")
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, action_en="Finished",
                        status=FollowUpStatus.DONE)

    report = _report(som_2026)

    assert "Still open" in report
    assert "Finished" not in report


def test_pack_of_another_kind_of_meeting_has_no_report(public_outcome, kazakhstan):
    seminar = MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2025, 2, 1), end=D(2025, 2, 1))
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)

    assert panels.pack_context(user=None, meeting=seminar) == {"hidden": True}
    assert _report(seminar).strip() == ""
