"""An out-of-date pack says so wherever it is offered (issue 24, item 3):
the meeting's page, the coordinator's dashboard, the download link passed
on, and the admin's packs page. Its previous file stays downloadable."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.meetings import AgendaItemFactory, DelegationFactory
from tests.factories.membership import NationalCoordinatorFactory, UserFactory

from .helpers import build

pytestmark = pytest.mark.django_db

OUTDATED_EN = "Out of date: a new version is being prepared."
OUTDATED_RU = "Версия устарела: готовится новая."


@pytest.fixture
def coordinator(meeting):
    """The coordinator of a state registered for the meeting."""
    delegation = DelegationFactory(meeting=meeting)
    user = UserFactory()
    NationalCoordinatorFactory(state=delegation.state, user=user)
    return user


@pytest.fixture
def pack(meeting, selected, coordinator, django_capture_on_commit_callbacks):
    """Built after the delegation registered: up to date."""
    pack = build(meeting, "en", django_capture_on_commit_callbacks)
    assert pack.stale is False
    return pack


def in_english(url: str) -> str:
    return url.replace("/ru/", "/en/", 1)


def test_an_up_to_date_pack_carries_no_warning_and_downloads_at_once(client, coordinator, pack):
    client.force_login(coordinator)

    page = client.get(in_english(pack.meeting.get_absolute_url())).content.decode()
    response = client.get(reverse("briefings:pack_download", kwargs={"pk": pack.pk}))

    assert OUTDATED_EN not in page
    assert f'href="{pack.get_absolute_url()}"' in page
    assert response["Content-Type"] == "application/pdf"


def test_the_meeting_page_says_an_out_of_date_pack_is_being_prepared_again(
    client, coordinator, meeting, pack
):
    AgendaItemFactory(meeting=meeting, position=9)
    pack.refresh_from_db()
    client.force_login(coordinator)

    page = client.get(in_english(meeting.get_absolute_url())).content.decode()

    assert OUTDATED_EN in page
    assert f'href="{pack.get_absolute_url()}?outdated=1"' in page
    assert client.get(pack.offered_url)["Content-Type"] == "application/pdf"


def test_the_coordinators_dashboard_says_an_out_of_date_pack_is_being_prepared_again(
    client, coordinator, meeting, pack
):
    client.force_login(coordinator)
    before = client.get("/en/registration/").content.decode()  # cached until a change
    AgendaItemFactory(meeting=meeting, position=9)

    page = client.get("/en/registration/").content.decode()

    assert (OUTDATED_EN in before, OUTDATED_EN in page) == (False, True)
    assert f'href="{pack.get_absolute_url()}?outdated=1"' in page


def test_the_dashboard_says_it_in_russian(client, coordinator, meeting, pack):
    """Needs the catalogue's Russian for the new message (issue 24)."""
    AgendaItemFactory(meeting=meeting, position=9)
    client.force_login(coordinator)

    assert OUTDATED_RU in client.get("/ru/registration/").content.decode()


def test_a_download_link_passed_on_shows_the_warning_before_the_old_file(
    client, coordinator, meeting, pack
):
    AgendaItemFactory(meeting=meeting, position=9)
    pack.refresh_from_db()
    client.force_login(coordinator)

    with translation.override("en"):
        url = reverse("briefings:pack_download", kwargs={"pk": pack.pk})
    response = client.get(url)

    html = response.content.decode()
    assert (response.status_code, response["Content-Type"]) == (
        200, "text/html; charset=utf-8")
    assert "no-store" in response["Cache-Control"]
    assert OUTDATED_EN in html
    assert f'href="{url}?outdated=1"' in html
    assert "Download the previous version anyway (version 1 of" in html


def test_the_admins_packs_page_links_the_old_file_of_an_out_of_date_pack(
    client, admin_user, meeting, pack
):
    AgendaItemFactory(meeting=meeting, position=9)
    pack.refresh_from_db()
    client.force_login(admin_user)

    page = client.get(reverse("admin:briefings_briefingpack_meeting", args=[meeting.pk]))

    assert f'href="{pack.offered_url}"'.encode() in page.content


def test_public_proceedings_stay_public_while_they_are_built_again(
    client, meeting, django_capture_on_commit_callbacks
):
    """The public is not left without the proceedings while their new
    version is prepared (their file was built public)."""
    from briefings import tasks
    from briefings.enums import PackKind, PackStatus
    from briefings.services import pack_request
    from tests.factories.meetings import MeetingOutcomeFactory

    with django_capture_on_commit_callbacks(execute=True):
        pack = pack_request(meeting=meeting, language="en", kind=PackKind.PROCEEDINGS,
                            restricted=False)
    with django_capture_on_commit_callbacks():
        MeetingOutcomeFactory(meeting=meeting)
    pack.refresh_from_db()
    with django_capture_on_commit_callbacks():  # the build's message not run yet
        tasks.rebuild_stale_packs.apply(kwargs={
            "meeting_id": meeting.pk, "stamp": pack.changed_at.isoformat()}).get()
    pack.refresh_from_db()

    page = client.get(in_english(meeting.get_absolute_url())).content.decode()
    response = client.get(pack.offered_url)

    assert (pack.status, pack.stale) == (PackStatus.QUEUED, True)
    assert OUTDATED_EN in page
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
