"""The Russian wording a reader noticed (issue 24, item 12): the founding
texts' terms, grammatical Russian, and Django's own strings left alone.

Checked through the compiled catalogue and on rendered pages."""

import gettext
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.utils import translation

from meetings.enums import WorkingLanguage
from tests.content.conftest import text_of
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.mo"


@pytest.mark.parametrize(
    ("msgctxt", "msgid", "russian"),
    [
        (None, "No state chairs the process today: a new term has not yet begun.",
         "Сегодня в процессе никто не председательствует: новый срок ещё не начался."),
        (None, "Meetings", "Совещания"),
        ("membership status", "Pending", "Идёт процедура невозражения"),
        ("membership status", "Withdrawn", "Вышло из процесса"),
        ("chair", "Confirmed at:", "Подтверждён на совещании:"),
        (None, "Almaty Process on Refugee Protection and International Migration",
         "Алматинский процесс по вопросам защиты беженцев и международной миграции"),
        (None, "Secretariat staff", "Сотрудники Службы поддержки"),
        ("delegate", "Change", "Изменить"),
    ],
)
def test_russian_wording_follows_the_founding_texts(msgctxt, msgid, russian):
    with translation.override("ru"):
        text = translation.pgettext(msgctxt, msgid) if msgctxt else translation.gettext(msgid)

    assert text == russian


def test_objective_four_speaks_of_persons_on_the_move_as_the_seed_does():
    with translation.override("ru"):
        text = translation.gettext(
            "Coherent, comprehensive and differentiated national and regional policies "
            "for people on the move.")

    assert "перемещающихся лиц" in text
    assert "людей в пути" not in text


def _catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def test_russian_interface_calls_the_secretariat_the_support_unit():
    """The seed's term is «Служба поддержки»; «секретариат» appears only where
    the contact page explains what the Support Unit is."""
    mentions = [text for text in _catalogue(CATALOGUE).values()
                if isinstance(text, str) and "секретариат" in text.lower()]

    assert mentions == [
        ("Служба поддержки — секретариат Алматинского процесса. Она отвечает на "
         "русском или английском языке.")]


def test_catalogue_never_overrides_django_own_translations():
    """A project catalogue is searched before Django's: an entry with one of
    Django's msgids changes that word across the whole admin (our «Изменение»
    had replaced the admin's «Изменить»). Our strings take a context instead."""
    root = Path(django.__file__).parent
    django_strings: dict[str, str] = {}
    for mo in sorted(root.glob("**/locale/ru/LC_MESSAGES/django.mo")):
        django_strings.update(
            {key: text for key, text in _catalogue(mo).items() if isinstance(key, str) and key})
    ours = {key: text for key, text in _catalogue(CATALOGUE).items()
            if isinstance(key, str) and key}

    overridden = sorted(key for key, text in ours.items()
                        if key in django_strings and django_strings[key] != text)

    assert overridden == []


@pytest.mark.parametrize(
    ("lang", "languages"),
    [("ru", "русский, английский"), ("en", "Russian, English")],
)
def test_meeting_page_writes_language_names_as_running_text(client, lang, languages):
    meeting = MeetingFactory(working_languages=[WorkingLanguage.RUSSIAN, WorkingLanguage.ENGLISH])

    with translation.override(lang):
        response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert languages in text_of(response)


def test_admin_keeps_django_own_word_for_change(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    with translation.override("ru"):
        response = client.get("/ru/admin/")

    assert response.status_code == 200
    assert "Изменить" in text_of(response)
    assert "Изменение" not in text_of(response)
