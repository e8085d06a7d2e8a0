"""Who may download a pack (the access-checked view), the meeting page's
links, and the secretariat's admin: the packs page, the progress endpoint,
the action on the meetings list."""

import pytest
from django.urls import reverse

from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from tests.factories.meetings import DelegationFactory
from tests.factories.membership import (
    FocalPointFactory,
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
    UserFactory,
)

from .helpers import build

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends


@pytest.fixture
def pack(meeting, selected, django_capture_on_commit_callbacks):
    return build(meeting, "ru", django_capture_on_commit_callbacks)


def coordinator_of(state):
    user = UserFactory()
    NationalCoordinatorFactory(state=state, user=user)
    return user


def download(client, pack):
    return client.get(reverse("briefings:pack_download", kwargs={"pk": pack.pk}))


def test_staff_download_a_restricted_pack(client, admin_user, pack):
    client.force_login(admin_user)

    response = download(client, pack)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{pack.meeting.slug}-briefing-ru.pdf"'
    )
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10
    body = (b"".join(response.streaming_content) if response.streaming
            else response.content)
    assert body.startswith(b"%PDF")


def test_coordinator_of_a_registered_state_downloads_the_pack(client, meeting, pack):
    state = ParticipantStateFactory()
    DelegationFactory(meeting=meeting, state=state)
    client.force_login(coordinator_of(state))
    pack.refresh_from_db()  # out of date since the delegation registered: its link says so

    response = client.get(pack.offered_url)

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert "no-store" in response["Cache-Control"]


def test_focal_point_of_a_registered_observer_downloads_the_pack(client, meeting, pack):
    organisation = OrganisationFactory()
    DelegationFactory(meeting=meeting, state=None, organisation=organisation)
    user = UserFactory()
    FocalPointFactory(organisation=organisation, user=user)
    client.force_login(user)
    pack.refresh_from_db()

    response = client.get(pack.offered_url)

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


@pytest.mark.parametrize("delegation", ["none", "other_meeting", "draft"])
def test_coordinator_without_a_submitted_delegation_gets_404(client, meeting, pack, delegation):
    state = ParticipantStateFactory()
    if delegation == "other_meeting":
        DelegationFactory(state=state)
    elif delegation == "draft":
        DelegationFactory(meeting=meeting, state=state, status="draft")
    client.force_login(coordinator_of(state))

    assert download(client, pack).status_code == 404


def test_the_public_never_gets_a_restricted_pack(client, pack):
    assert download(client, pack).status_code == 404


def test_the_public_downloads_proceedings_that_are_not_restricted(
    client, meeting, django_capture_on_commit_callbacks
):
    proceedings = build(meeting, "en", django_capture_on_commit_callbacks,
                        kind=PackKind.PROCEEDINGS)

    response = download(client, proceedings)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_pack_never_built_is_not_downloadable(client, admin_user, meeting):
    never = BriefingPack.objects.create(meeting=meeting, language="en")
    client.force_login(admin_user)

    assert download(client, never).status_code == 404


def test_meeting_page_links_the_pack_for_a_registered_coordinator(client, meeting, pack):
    state = ParticipantStateFactory()
    DelegationFactory(meeting=meeting, state=state)
    client.force_login(coordinator_of(state))

    response = client.get(meeting.get_absolute_url())

    assert pack.get_absolute_url().encode() in response.content


def test_meeting_page_shows_no_restricted_pack_to_the_public(client, meeting, pack):
    response = client.get(meeting.get_absolute_url())

    assert pack.get_absolute_url().encode() not in response.content


# --- Admin ----------------------------------------------------------------------------

def packs_page(meeting):
    return reverse("admin:briefings_briefingpack_meeting", args=[meeting.pk])


def test_staff_build_a_pack_from_the_meetings_packs_page(
    client, admin_user, meeting, selected, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(packs_page(meeting), {"kind": "briefing", "language": "en"})

    pack = BriefingPack.objects.get(meeting=meeting)
    assert response.status_code == 302
    assert (pack.status, pack.language, pack.requested_by) == (
        PackStatus.DONE, "en", admin_user)
    page = client.get(packs_page(meeting))
    assert pack.get_absolute_url().encode() in page.content


def test_progress_endpoint_reports_status_percent_and_step(client, admin_user, meeting):
    pack = BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.RUNNING,
                                       progress=45, step="layout")
    client.force_login(admin_user)

    response = client.get(reverse("admin:briefings_briefingpack_progress", args=[pack.pk]))

    assert response.json() == {
        "status": "running", "status_label": "Собирается", "progress": 45,
        "step": "Вёрстка страниц", "error": "", "download": "", "pages": None,
    }


def test_the_packs_page_refreshes_itself_without_javascript_while_building(
    client, admin_user, meeting
):
    BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.QUEUED,
                                task_id="x")
    client.force_login(admin_user)

    response = client.get(packs_page(meeting))

    assert b'<noscript><meta http-equiv="refresh" content="3"></noscript>' in response.content
    assert b"briefings/progress.js" in response.content


def test_the_action_on_the_meetings_list_builds_both_languages(
    client, admin_user, meeting, selected, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:meetings_meeting_changelist"), {
            "action": "build_briefing_packs", "_selected_action": [meeting.pk],
        })

    assert response.status_code == 302
    assert response["Location"] == packs_page(meeting)
    assert sorted(BriefingPack.objects.values_list("language", "status")) == [
        ("en", "done"), ("ru", "done")]


def test_the_selection_form_sets_the_order_of_the_documents(
    client, admin_user, meeting, selected
):
    client.force_login(admin_user)
    lines = "\n".join(d.slug for d in reversed(selected))

    client.post(packs_page(meeting), {"save_selection": "1", "documents_text": lines})

    assert [row.document for row in meeting.pack_documents.order_by("position")] == list(
        reversed(selected))


def test_the_public_cannot_reach_the_packs_page(client, meeting):
    response = client.get(packs_page(meeting))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_meetings_change_form_links_its_packs_page(client, admin_user, meeting):
    client.force_login(admin_user)

    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert packs_page(meeting).encode() in response.content


def test_dashboard_tag_lists_the_packs_of_the_registered_meetings_only(rf, meeting, pack):
    from django.template import Context, Template

    state = ParticipantStateFactory()
    DelegationFactory(meeting=meeting, state=state)
    request = rf.get("/")
    request.user = coordinator_of(state)
    other = ParticipantStateFactory()
    other_request = rf.get("/")
    other_request.user = coordinator_of(other)
    template = Template("{% load briefings %}{% my_briefing_packs %}")

    mine = template.render(Context({"request": request}))
    theirs = template.render(Context({"request": other_request}))

    assert pack.get_absolute_url() in mine
    assert pack.get_absolute_url() not in theirs


def test_coordinator_dashboard_offers_the_pack_of_the_registered_meeting(client, meeting, pack):
    state = ParticipantStateFactory()
    DelegationFactory(meeting=meeting, state=state)
    client.force_login(coordinator_of(state))

    html = client.get("/ru/registration/").content.decode()

    assert pack.get_absolute_url() in html


def test_staff_restrict_proceedings_and_the_public_loses_them(
    client, admin_user, meeting, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(packs_page(meeting), {"kind": "proceedings", "language": "en"})
    public = BriefingPack.objects.get(meeting=meeting)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(packs_page(meeting), {"kind": "proceedings", "language": "en",
                                          "restricted": "on"})
    client.logout()

    public.refresh_from_db()
    assert public.restricted is True
    assert download(client, public).status_code == 404


def test_proceedings_being_rebuilt_public_are_not_public_until_done(client, meeting):
    pack = BriefingPack.objects.create(
        meeting=meeting, kind=PackKind.PROCEEDINGS, language="en", restricted=False,
        status=PackStatus.QUEUED, file="briefings/x/restricted-before.pdf", version=1,
    )

    assert download(client, pack).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_packs_take_one_query_however_many(
    rf, meeting, django_assert_num_queries, count
):
    from briefings.selectors import packs_for_dashboard
    from membership.permissions import roles_of
    from tests.factories.meetings import MeetingFactory

    state = ParticipantStateFactory()
    user = coordinator_of(state)
    for number in range(count):
        other = meeting if number == 0 else MeetingFactory()
        DelegationFactory(meeting=other, state=state)
        BriefingPack.objects.create(meeting=other, language="ru", status=PackStatus.DONE,
                                    file=f"briefings/{number}.pdf", version=1)
    roles_of(user)  # the user's roles, computed once per request

    with django_assert_num_queries(1):
        packs = packs_for_dashboard(user=user)

    assert len(packs) == count
