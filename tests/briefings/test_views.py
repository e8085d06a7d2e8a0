"""Who may download a pack (the access-checked view), the meeting page's
links, and the secretariat's admin: the packs page, the progress endpoint,
the action on the meetings list."""

import pytest
from django.urls import reverse

from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from tests.factories.archive import DocumentFactory
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
# Session, user, meeting, its packs, the selection with its documents.
QUERIES_OF_THE_PACKS_PAGE = 5


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


def selection_data(meeting, rows, *, existing=()):
    """The packs page's selection as the browser posts it: ``existing``
    rows (PackDocument, position, delete) then new ``rows`` (document,
    position)."""
    data = {"save_selection": "1", "pack_documents-INITIAL_FORMS": len(existing),
            "pack_documents-TOTAL_FORMS": len(existing) + len(rows),
            "pack_documents-MIN_NUM_FORMS": 0, "pack_documents-MAX_NUM_FORMS": 1000}
    for index, (link, position, delete) in enumerate(existing):
        data |= {f"pack_documents-{index}-id": link.pk,
                 f"pack_documents-{index}-meeting": meeting.pk,
                 f"pack_documents-{index}-document": link.document_id,
                 f"pack_documents-{index}-position": position}
        if delete:
            data[f"pack_documents-{index}-DELETE"] = "on"
    for index, (document, position) in enumerate(rows, start=len(existing)):
        data |= {f"pack_documents-{index}-meeting": meeting.pk,
                 f"pack_documents-{index}-document": document.pk if document else "",
                 f"pack_documents-{index}-position": position}
    return data


def test_the_selection_is_chosen_with_the_archives_autocomplete(
    client, admin_user, meeting, selected
):
    """Issue 24, item 18: no more slugs typed in a text box."""
    client.force_login(admin_user)

    html = client.get(packs_page(meeting)).content.decode()

    assert 'name="documents_text"' not in html
    # The three chosen, three empty rows and the template of "Add another".
    assert html.count('class="admin-autocomplete') == 3 + 3 + 1
    assert 'data-ajax--url="/ru/admin/autocomplete/"' in html
    assert 'data-model-name="packdocument"' in html
    assert 'name="pack_documents-0-position" value="1"' in html
    search = client.get("/ru/admin/autocomplete/", {
        "term": selected[1].title_ru[:6], "app_label": "briefings",
        "model_name": "packdocument", "field_name": "document"})
    # The archive's own search (word forms, summaries: on PostgreSQL the
    # other factory documents' summaries may match too).
    assert {"id": str(selected[1].pk), "text": selected[1].title} in search.json()["results"]


def test_the_selection_is_ordered_by_its_position_fields(client, admin_user, meeting, selected):
    client.force_login(admin_user)
    links = list(meeting.pack_documents.order_by("position"))
    added = DocumentFactory()

    response = client.post(packs_page(meeting), selection_data(
        meeting, [(added, ""), (None, "")],
        existing=[(links[0], 3, False), (links[1], 1, True), (links[2], 2, False)]))

    assert response.status_code == 302
    assert [(row.position, row.document) for row in meeting.pack_documents.order_by(
        "position")] == [(1, selected[2]), (2, selected[0]), (3, added)]


def test_a_secretariat_editor_takes_a_document_out_of_the_selection(client, meeting, selected):
    """Editors delete nothing in the archive, yet edit the pack's selection."""
    from django.contrib.auth.models import Group

    from membership.permissions import SECRETARIAT_EDITORS
    from tests.factories.membership import StaffUserFactory

    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(editor)
    links = list(meeting.pack_documents.order_by("position"))

    page = client.get(packs_page(meeting)).content.decode()
    response = client.post(packs_page(meeting), selection_data(
        meeting, [], existing=[(links[0], 1, False), (links[1], 2, True), (links[2], 3, False)]))

    assert 'name="pack_documents-1-DELETE"' in page
    assert response.status_code == 302
    assert [row.document for row in meeting.pack_documents.order_by("position")] == [
        selected[0], selected[2]]


def test_a_document_chosen_twice_is_refused_and_nothing_changes(
    client, admin_user, meeting, selected
):
    client.force_login(admin_user)
    links = list(meeting.pack_documents.order_by("position"))

    response = client.post(packs_page(meeting), selection_data(
        meeting, [(selected[0], 4)],
        existing=[(link, link.position, False) for link in links]))

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert [row.document for row in meeting.pack_documents.order_by("position")] == selected


@pytest.mark.parametrize("count", [1, 3])
def test_the_packs_page_takes_as_many_queries_however_many_documents(
    client, admin_user, meeting, count, django_assert_num_queries
):
    from tests.factories.archive import DocumentFactory as Documents
    from tests.factories.briefings import PackDocumentFactory

    for position in range(count):
        PackDocumentFactory(meeting=meeting, document=Documents(), position=position)
    client.force_login(admin_user)
    client.get(packs_page(meeting))  # sessions and caches warm

    with django_assert_num_queries(QUERIES_OF_THE_PACKS_PAGE):
        client.get(packs_page(meeting))


def test_a_built_pack_says_done_once_without_an_empty_error_box(
    client, admin_user, meeting, pack
):
    """Issue 24, item 18: "100% Готов — Готово" and a red box under the bar."""
    client.force_login(admin_user)

    html = client.get(packs_page(meeting)).content.decode()
    row = html[html.index("Информационный пакет · Русский"):]
    row = row[:row.index("</tr>")]

    assert row.count("Готов") == 1
    assert ("Готово" in row, "100%" in row, "errornote" in row, "<progress" in row) == (
        False, False, False, False)


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
