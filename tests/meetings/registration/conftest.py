"""A meeting open for registration now (whatever the hour: the window is
relative to the current moment), two participant states with a coordinator
each, a note verbale as a real PDF, and a private storage for it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings.enums import MeetingStatus
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "NotoSans-Regular.ttf"


def open_meeting(**fields):
    """A Senior Officials' Meeting in 30 days, registration open since
    yesterday until in 10 days, at most 3 delegates per state."""
    now = timezone.now()
    start = timezone.localdate() + datetime.timedelta(days=30)
    defaults = {
        "status": MeetingStatus.REGISTRATION_OPEN,
        "start": start,
        "end": start + datetime.timedelta(days=1),
        "registration_opens": now - datetime.timedelta(days=1),
        "registration_closes": now + datetime.timedelta(days=10),
        "max_delegation_size": 3,
    }
    return MeetingFactory(**{**defaults, **fields})


@pytest.fixture
def meeting():
    return open_meeting()


@pytest.fixture
def kazakhstan():
    return ParticipantStateFactory(name_en="Kazakhstan", name_ru="Казахстан", iso2="KZ",
                                   iso3="KAZ", rotation_key="Kazakhstan")


@pytest.fixture
def kyrgyzstan():
    return ParticipantStateFactory(name_en="Kyrgyzstan", name_ru="Кыргызстан", iso2="KG",
                                   iso3="KGZ", rotation_key="Kyrgyzstan")


def coordinator_of(state, *, language="ru"):
    user = UserFactory(preferred_language=language)
    NationalCoordinatorFactory(state=state, user=user, email=user.email,
                               start=datetime.date(2020, 1, 1))
    return user


@pytest.fixture
def coordinator(kazakhstan):
    """Kazakhstan's national coordinator (a signed-in user)."""
    return coordinator_of(kazakhstan)


@pytest.fixture
def other_coordinator(kyrgyzstan):
    return coordinator_of(kyrgyzstan)


@pytest.fixture
def staff():
    return StaffUserFactory()


@pytest.fixture(scope="session")
def note_verbale_bytes() -> bytes:
    from weasyprint import HTML

    html = (
        "<html lang='ru'><head><style>"
        f"@font-face {{ font-family: Noto; src: url('{FONT.as_uri()}'); }}"
        "body { font-family: Noto; }</style></head>"
        "<body><p>Нота № 1: Министерство иностранных дел имеет честь сообщить…</p></body></html>"
    )
    return HTML(string=html).write_pdf()


@pytest.fixture
def note_verbale(note_verbale_bytes):
    return SimpleUploadedFile("Нота вербальная.pdf", note_verbale_bytes,
                              content_type="application/octet-stream")


@pytest.fixture
def credentials_dir(settings, tmp_path, monkeypatch) -> Path:
    """A fresh private storage for notes verbales."""
    from django.core.files.storage import FileSystemStorage

    from meetings.models import Delegation

    root = tmp_path / "archive"
    root.mkdir()
    settings.SENDFILE_ROOT = str(root)
    monkeypatch.setattr(Delegation._meta.get_field("credentials"), "storage",
                        FileSystemStorage(location=str(root), base_url=None))
    return root


def delegate_fields(n: int = 1, **overrides) -> dict:
    fields = {
        "surname_cyrillic": f"Ахметов{n}", "given_names_cyrillic": "Ерлан",
        "surname_latin": f"Akhmetov{n}", "given_names_latin": "Erlan",
        "position": "Director", "agency": "Ministry of Labour",
        "email": f"delegate{n}@example.kz", "role": "delegate",
        "preferred_language": "ru",
    }
    return {**fields, **overrides}


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English unless a test switches to Russian."""
    from django.utils import translation

    with translation.override("en"):
        yield
