"""Building a pack in-process (the task run eagerly, as without Redis):
what the PDF contains, read back with pypdf."""

import datetime
import hashlib
from pathlib import Path

import pytest

from briefings.enums import EntryOutcome, PackKind, PackStatus
from briefings.models import BriefingPack
from briefings.services import MAX_ATTEMPTS, STALE_AFTER, pack_build, packs_recover_stale
from tests.factories.archive import DocumentFactory
from tests.factories.briefings import (
    CORRUPT_PDF,
    PackDocumentFactory,
    pdf_bytes,
    pdf_file,
)
from tests.factories.meetings import AgendaItemFactory, DelegateFactory, DelegationFactory
from tests.factories.membership import OrganisationFactory, ParticipantStateFactory

from .helpers import build, outline_titles, reader_of, text_of

pytestmark = pytest.mark.django_db

# Cover and contents; agenda; practical information; participants.
GENERATED_BEFORE_DOCUMENTS = 5


def test_pack_text_has_the_cyrillic_title_agenda_and_document_titles_in_order(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    text = text_of(pack)
    assert pack.status == PackStatus.DONE
    assert "Совещание старших должностных лиц в Алматы" in text
    assert text.index("Открытие совещания") < text.index("Смешанная миграция в регионе")
    positions = [text.index(title, text.index("Смешанная миграция"))
                 for title in ("Концептуальная записка", "Доклад о беженцах", "Проект заключений")]
    assert positions == sorted(positions)


def test_pack_outline_has_an_entry_per_section_and_document(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert outline_titles(pack) == [
        "Обложка", "Содержание", "Повестка дня", "Практическая информация",
        "Участвующие государства и наблюдатели", "Документы",
        ["Концептуальная записка", ["Концептуальная записка"],
         "Доклад о беженцах", ["Доклад о беженцах"],
         "Проект заключений", ["Проект заключений"]],
    ]


def test_pack_page_count_is_generated_pages_plus_appended_pages(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    summaries = 3
    appended = 1 + 2 + 3
    assert pack.page_count == GENERATED_BEFORE_DOCUMENTS + summaries + appended
    assert len(reader_of(pack).pages) == pack.page_count


def test_pack_contents_give_each_document_its_real_first_page(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    reader = reader_of(pack)
    contents_page = reader.pages[1].extract_text()
    starts = [(row["summary_page"], row.get("start_page")) for row in pack.contents]
    assert starts == [(6, 7), (8, 9), (11, 12)]
    assert "Концептуальная записка 6" in contents_page
    assert "Доклад о беженцах 8" in contents_page
    assert "Проект заключений 11" in contents_page
    assert "Доклад о беженцах" in reader.pages[8 - 1].extract_text()


def test_every_page_carries_its_number_appended_ones_too(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    reader = reader_of(pack)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {total}" in page.extract_text()


def test_pack_metadata_names_the_title_and_the_language(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "en", django_capture_on_commit_callbacks)

    reader = reader_of(pack)
    assert reader.metadata.title == "Senior Officials' Meeting in Almaty. Briefing pack"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    fonts = [font.get_object() for page in reader.pages[:2]
             for font in page["/Resources"]["/Font"].values()]
    # Only the bundled Noto Sans, embedded (subsets: "ABCDEF+Noto-Sans-Bundled";
    # the page numbers' digits are "PKNUMB+NotoSans-Regular").
    assert {font["/BaseFont"].split("+")[1] for font in fonts} == {
        "Noto-Sans-Bundled", "Noto-Sans-Bundled-Bold", "NotoSans-Regular"}
    descriptors = [
        descendant.get_object()["/FontDescriptor"]
        for font in fonts for descendant in font.get("/DescendantFonts", [])
    ] + [font["/FontDescriptor"] for font in fonts if "/FontDescriptor" in font]
    assert all("/FontFile2" in descriptor for descriptor in descriptors)


def test_pack_records_size_hash_and_the_documents_included(
    meeting, selected, django_capture_on_commit_callbacks, admin_user
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks, user=admin_user)

    with pack.file.open("rb") as handle:
        content = handle.read()
    assert pack.size == len(content)
    assert pack.sha256 == hashlib.sha256(content).hexdigest()
    assert pack.requested_by == admin_user
    assert pack.started_at <= pack.finished_at
    assert [row["document"] for row in pack.contents] == [d.pk for d in selected]
    assert [row["outcome"] for row in pack.contents] == [EntryOutcome.APPENDED] * 3


def test_corrupt_document_is_reported_and_the_rest_still_builds(
    meeting, selected, django_capture_on_commit_callbacks
):
    broken = DocumentFactory(title_ru="Повреждённый файл")
    pdf_file(broken, content=CORRUPT_PDF)
    PackDocumentFactory(meeting=meeting, document=broken, position=2)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    row = next(row for row in pack.contents if row["document"] == broken.pk)
    assert pack.status == PackStatus.DONE
    assert row["outcome"] == EntryOutcome.FAILED
    assert row["reason"].startswith("damaged")
    assert "не удалось приложить" in text_of(pack)
    assert pack.page_count == GENERATED_BEFORE_DOCUMENTS + 4 + 6


def test_encrypted_document_fails_only_its_entry(
    meeting, selected, django_capture_on_commit_callbacks
):
    locked = DocumentFactory(title_ru="Зашифрованный файл")
    pdf_file(locked, content=pdf_bytes(2, password="secret"))
    PackDocumentFactory(meeting=meeting, document=locked, position=9)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack.status == PackStatus.DONE
    assert pack.contents[-1]["outcome"] == EntryOutcome.FAILED
    assert pack.contents[-1]["reason"] == "encrypted"


def test_document_only_in_the_other_language_is_appended_with_a_note(
    meeting, django_capture_on_commit_callbacks
):
    english = DocumentFactory(title_ru="Только по-английски")
    pdf_file(english, language="en", pages=2)
    PackDocumentFactory(meeting=meeting, document=english)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack.contents[0]["outcome"] == EntryOutcome.OTHER_LANGUAGE
    assert pack.contents[0]["language"] == "en"
    assert "имеется только на английском языке" in text_of(pack)
    assert pack.page_count == GENERATED_BEFORE_DOCUMENTS + 1 + 2


def test_document_that_is_not_a_pdf_is_listed_not_appended(
    meeting, django_capture_on_commit_callbacks
):
    sheet = DocumentFactory(title_ru="Таблица участников")
    pdf_file(sheet, content=b"a,b\n1,2\n", mime_type="text/csv")
    PackDocumentFactory(meeting=meeting, document=sheet)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack.contents[0]["outcome"] == EntryOutcome.LISTED
    assert "Таблица участников" in text_of(pack)
    assert pack.page_count == GENERATED_BEFORE_DOCUMENTS + 1


def test_document_for_the_secretariat_only_is_left_out(
    meeting, django_capture_on_commit_callbacks
):
    internal = DocumentFactory(title_ru="Внутренняя записка", access="secretariat")
    pdf_file(internal)
    PackDocumentFactory(meeting=meeting, document=internal)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack.contents[0]["outcome"] == EntryOutcome.EXCLUDED
    assert "Внутренняя записка" not in text_of(pack)


def test_content_from_the_database_is_escaped_and_never_fetched(
    meeting, django_capture_on_commit_callbacks
):
    hostile = DocumentFactory(
        title_ru='<img src="file:///etc/passwd"> Заголовок',
        summary_ru='<link rel="stylesheet" href="http://example.com/x.css">',
    )
    pdf_file(hostile)
    PackDocumentFactory(meeting=meeting, document=hostile)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack.status == PackStatus.DONE
    assert '<img src="file:///etc/passwd"> Заголовок' in text_of(pack)


def test_url_fetcher_refuses_the_network_and_other_files():
    from briefings.pdf import url_fetcher

    fetcher = url_fetcher()
    for url in ("file:///etc/passwd", "http://example.com/logo.png"):
        with pytest.raises(ValueError, match="Refused"):
            fetcher.fetch(url)


def test_building_again_replaces_the_file_atomically_and_deletes_the_old_one(
    meeting, selected, django_capture_on_commit_callbacks
):
    first = build(meeting, "ru", django_capture_on_commit_callbacks)
    old_path = first.file.path
    AgendaItemFactory(meeting=meeting, title_ru="Дополнительный пункт")

    second = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert second.pk == first.pk
    assert second.version == 2
    assert second.file.name != first.file.name
    assert "Дополнительный пункт" in text_of(second)
    folder = Path(second.file.path).parent
    assert not Path(old_path).exists()
    assert [path.name for path in folder.iterdir() if path.suffix == ".part"] == []


def test_a_message_for_an_earlier_request_does_nothing(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert pack_build(pack_id=pack.pk, run_id="an-old-message") is None
    assert pack_build(pack_id=pack.pk, run_id=pack.task_id) is None  # already done
    pack.refresh_from_db()
    assert (pack.status, pack.version) == (PackStatus.DONE, 1)


def test_a_build_whose_worker_died_is_queued_again_and_finishes(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = BriefingPack.objects.create(
        meeting=meeting, language="ru", status=PackStatus.RUNNING, attempts=1,
        task_id="dead-run", heartbeat_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )

    with django_capture_on_commit_callbacks(execute=True):
        queued = packs_recover_stale()

    pack.refresh_from_db()
    assert queued == [pack.pk]
    assert pack.status == PackStatus.DONE
    assert pack.attempts == 2


def test_a_build_interrupted_too_often_fails_with_the_reason(meeting):
    from django.utils import timezone

    pack = BriefingPack.objects.create(
        meeting=meeting, language="ru", status=PackStatus.RUNNING, attempts=MAX_ATTEMPTS,
        task_id="dead-run", heartbeat_at=timezone.now() - STALE_AFTER * 2,
    )

    packs_recover_stale()

    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED
    assert pack.error == (
        "Сборка прерывалась 3 раза (рабочий процесс остановился, возможно, из-за нехватки "
        "памяти), поэтому больше не запускалась. Соберите пакет заново, чтобы начать сначала."
    )


def test_a_running_build_with_a_recent_heartbeat_is_left_alone(meeting):
    from django.utils import timezone

    pack = BriefingPack.objects.create(
        meeting=meeting, language="ru", status=PackStatus.RUNNING, attempts=1,
        task_id="live-run", heartbeat_at=timezone.now(),
    )

    assert packs_recover_stale() == []
    pack.refresh_from_db()
    assert pack.status == PackStatus.RUNNING


@pytest.mark.parametrize("change", ["agenda", "selection", "registration"])
def test_a_built_pack_goes_out_of_date_when_its_contents_change(
    meeting, selected, django_capture_on_commit_callbacks, change
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)
    assert pack.stale is False

    if change == "agenda":
        AgendaItemFactory(meeting=meeting)
    elif change == "selection":
        PackDocumentFactory(meeting=meeting)
    else:
        DelegationFactory(meeting=meeting)

    pack.refresh_from_db()
    assert pack.stale is True


def test_restricted_pack_names_the_heads_of_delegation_and_the_observers(
    meeting, django_capture_on_commit_callbacks
):
    state = ParticipantStateFactory(name_ru="Таджикистан", name_en="Tajikistan")
    delegation = DelegationFactory(meeting=meeting, state=state)
    DelegateFactory(delegation=delegation, role="head", surname_cyrillic="Рахимов",
                    given_names_cyrillic="Фарход", surname_latin="Rakhimov",
                    given_names_latin="Farkhod", position="Заместитель министра")
    DelegationFactory(meeting=meeting, state=None,
                      organisation=OrganisationFactory(
                          name_ru="УВКБ ООН", name="УВКБ ООН", acronym_ru="УВКБ ООН",
                          acronym="УВКБ ООН"))

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    text = text_of(pack)
    assert "Таджикистан" in text
    assert "Фарход Рахимов, Заместитель министра" in text
    assert "УВКБ ООН" in text


def test_proceedings_list_the_participants_without_names_and_the_outcomes(
    meeting, django_capture_on_commit_callbacks
):
    from tests.factories.meetings import MeetingDocumentFactory, MeetingOutcomeFactory

    state = ParticipantStateFactory(name_ru="Таджикистан", name_en="Tajikistan")
    delegation = DelegationFactory(meeting=meeting, state=state)
    DelegateFactory(delegation=delegation, role="head", surname_cyrillic="Рахимов",
                    given_names_cyrillic="Фарход")
    MeetingOutcomeFactory(meeting=meeting, text_ru="Принять к сведению доклад.")
    outcome_document = DocumentFactory(title_ru="Итоговый документ совещания")
    pdf_file(outcome_document, pages=2)
    MeetingDocumentFactory(meeting=meeting, document=outcome_document, role="outcome")
    MeetingDocumentFactory(meeting=meeting, role="presentation")

    pack = build(meeting, "ru", django_capture_on_commit_callbacks, kind=PackKind.PROCEEDINGS)

    text = text_of(pack)
    assert pack.restricted is False
    assert "Повестка дня (как проведено)" in text or "Повестка дня" in text
    assert "Принять к сведению доклад." in text
    assert "Таджикистан" in text
    assert "Рахимов" not in text
    assert [row["document"] for row in pack.contents] == [outcome_document.pk]


def test_requesting_a_pack_already_queued_leaves_it_queued(meeting, admin_user):
    from django.utils import timezone

    from briefings.services import pack_request

    pack = BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.QUEUED,
                                       task_id="waiting", heartbeat_at=timezone.now())

    again = pack_request(meeting=meeting, language="ru", user=admin_user)

    assert (again.pk, again.task_id, again.requested_by) == (pack.pk, "waiting", None)


def test_a_pack_queued_long_ago_is_queued_again_on_request(
    meeting, selected, admin_user, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from briefings.services import QUEUED_PATIENCE

    BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.QUEUED,
                                task_id="lost-with-the-broker",
                                heartbeat_at=timezone.now() - QUEUED_PATIENCE * 2)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks, user=admin_user)

    assert pack.status == PackStatus.DONE
    assert pack.task_id != "lost-with-the-broker"


def test_practical_information_gives_the_support_units_contact(
    meeting, django_capture_on_commit_callbacks
):
    from content.models import ContactDetails

    ContactDetails.objects.update_or_create(pk=1, defaults={
        "address": "Алматы", "email": "support@example.org", "phone": "+7 727 000 00 00"})

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert ("Служба поддержки Алматинского процесса Телефон +7 727 000 00 00 "
            "Электронная почта support@example.org Адрес Алматы" in text_of(pack))


def test_briefing_pack_appends_the_action_plan_progress_report_of_its_round(
    meeting, selected, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from actionplan.enums import ReportStatus
    from actionplan.models import ProgressReport
    from tests.factories.actionplan import ReportingRoundFactory
    from tests.factories.briefings import pdf_bytes

    round_ = ReportingRoundFactory(meeting=meeting)
    report = ProgressReport(round=round_, language="ru", status=ReportStatus.DONE,
                            progress=100, built_at=timezone.now())
    report.file.save("progress-ru.pdf", ContentFile(pdf_bytes(4)), save=False)
    report.save()

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    title = "Региональный план действий: отчёт о национальном прогрессе"
    assert outline_titles(pack)[-1][-2:] == [title, [title]]
    assert pack.page_count == GENERATED_BEFORE_DOCUMENTS + 3 * 1 + (1 + 2 + 3) + 1 + 4
    assert pack.contents[-1]["outcome"] == EntryOutcome.APPENDED


def test_briefing_pack_without_a_progress_report_has_no_such_entry(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    assert all(row.get("key") != "progress-report" for row in pack.contents)


# --- A killed worker (issue 22, item 11) --------------------------------------------------

def test_seconds_until_stale_follows_the_oldest_running_pack(meeting):
    import time_machine
    from django.utils import timezone

    from briefings.services import packs_seconds_until_stale

    now = timezone.now()
    assert packs_seconds_until_stale(now=now) is None
    BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.FAILED,
                                task_id="failed", heartbeat_at=now - STALE_AFTER * 9)
    assert packs_seconds_until_stale(now=now) is None
    pack = BriefingPack.objects.create(
        meeting=meeting, language="en", status=PackStatus.RUNNING, task_id="live",
        heartbeat_at=now - datetime.timedelta(seconds=10),
    )
    assert packs_seconds_until_stale(now=now) == STALE_AFTER.total_seconds() - 10
    BriefingPack.objects.filter(pk=pack.pk).update(heartbeat_at=None)
    assert packs_seconds_until_stale(now=now) == 0.0
    with time_machine.travel(now):
        assert packs_seconds_until_stale() == 0.0


def test_a_run_taking_over_removes_what_a_killed_run_left(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = BriefingPack.objects.create(
        meeting=meeting, language="ru", status=PackStatus.RUNNING, attempts=1,
        task_id="dead-run", heartbeat_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    storage = BriefingPack._meta.get_field("file").storage
    folder = Path(storage.path(f"briefings/{meeting.pk}"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{pack.pk}-deadbeef.part").write_bytes(b"%PDF-1.7 half")
    (folder / f".{pack.pk + 1}-other.part").write_bytes(b"another pack's")

    with django_capture_on_commit_callbacks(execute=True):
        packs_recover_stale()

    pack.refresh_from_db()
    assert pack.status == PackStatus.DONE
    assert sorted(path.name for path in folder.glob("*.part")) == [f".{pack.pk + 1}-other.part"]
    assert Path(pack.file.path).exists()


def test_the_worker_start_check_queues_a_dead_build_and_stops_following(
    meeting, selected, django_capture_on_commit_callbacks
):
    """At worker start (tasks eager here: no follow-up is scheduled, which
    would run at once): a build dead for STALE_AFTER is queued again and
    finishes; tests/briefings/test_tasks_worker.py proves the follow-up on a real
    worker."""
    from django.utils import timezone

    from briefings import tasks

    pack = BriefingPack.objects.create(
        meeting=meeting, language="ru", status=PackStatus.RUNNING, attempts=1,
        task_id="killed-run",
        heartbeat_at=timezone.now() - STALE_AFTER - datetime.timedelta(seconds=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.recover_stale_packs.apply(kwargs={"follow": True}).get() == [pack.pk]

    pack.refresh_from_db()
    assert (pack.status, pack.attempts) == (PackStatus.DONE, 2)


def test_the_broker_never_redelivers_a_build_still_running(settings):
    """A killed worker's build is taken over through its heartbeat, not by
    Redis' redelivery of unacknowledged messages: that comes only after
    the visibility timeout, which must outlast the longest build (the task
    time limit), or a build still running would get a twin."""
    from kombu.transport.redis import Channel

    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(
        "visibility_timeout", Channel.visibility_timeout)
    assert visibility > settings.CELERY_TASK_TIME_LIMIT
