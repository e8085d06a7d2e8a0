"""Demo delegations for the Senior Officials' Meeting open for registration
(see meetings.demo), so that `make run` shows the whole flow: Kazakhstan
(the demo coordinator's state, coordinator.kaz@example.org) submitted with
two delegates approved and one pending accreditation and room for one more;
Tajikistan submitted and approved; Kyrgyzstan still a draft without a head
of delegation; IOM invited as an observer and approved. Made-up people,
@example.org addresses.

Arranged data, written directly (no emails, no window check): the rules
are the services' and are tested there. Idempotent: a delegation already
present (by meeting and state or organisation) is left alone."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from core.pdf import FONTS_ROOT, render_pdf
from membership.models import Organisation, ParticipantState

from .enums import Accreditation, DelegateRole, DelegationStatus, MeetingStatus
from .models import Delegate, Delegation, Meeting, ObserverInvitation
from .pdf import url_fetcher

# (surname ru, given names ru, surname en, given names en, role, position, agency,
#  language, accreditation)
PEOPLE = {
    "KAZ": (DelegationStatus.SUBMITTED, [
        ("Сейткали", "Айжан Муратовна", "Seitkali", "Aizhan", DelegateRole.HEAD,
         "Vice-Minister", "Ministry of Labour and Social Protection", "ru",
         Accreditation.APPROVED),
        ("Жумабеков", "Ерлан", "Zhumabekov", "Erlan", DelegateRole.DELEGATE,
         "Director, Migration Policy Department", "Ministry of Labour and Social Protection",
         "ru", Accreditation.APPROVED),
        ("Ким", "Динара", "Kim", "Dinara", DelegateRole.ADVISER, "Counsellor",
         "Ministry of Foreign Affairs", "en", Accreditation.PENDING),
    ]),
    "TJK": (DelegationStatus.SUBMITTED, [
        ("Рахимов", "Фаррух", "Rakhimov", "Farrukh", DelegateRole.HEAD, "Deputy Head",
         "Migration Service", "ru", Accreditation.APPROVED),
        ("Назарова", "Мадина", "Nazarova", "Madina", DelegateRole.DELEGATE, "Chief Specialist",
         "Ministry of Internal Affairs", "ru", Accreditation.APPROVED),
    ]),
    "KGZ": (DelegationStatus.DRAFT, [
        ("Абдыкадыров", "Нурлан", "Abdykadyrov", "Nurlan", DelegateRole.DELEGATE,
         "Head of Division", "Ministry of Labour, Social Security and Migration", "ru",
         Accreditation.PENDING),
    ]),
}
OBSERVER = ("iom", [
    ("", "", "Lindqvist", "Anna", DelegateRole.HEAD, "Chief of Mission",
     "International Organization for Migration", "en", Accreditation.APPROVED),
])

NOTE_VERBALE_HTML = """<html lang="ru"><head><title>Нота № {number}</title><style>
@font-face {{ font-family: Noto; src: url("{fonts}/NotoSans-Regular.ttf"); }}
body {{ font-family: Noto; font-size: 11pt; }}</style></head><body>
<p>Нота № {number} (образец для демонстрации)</p>
<p>Министерство иностранных дел свидетельствует своё уважение Службе поддержки
Алматинского процесса и имеет честь сообщить состав делегации на совещание
«{title}».</p></body></html>"""


def _note_verbale(meeting: Meeting, number: int) -> bytes:
    html = NOTE_VERBALE_HTML.format(fonts=FONTS_ROOT.as_uri(), number=number,
                                    title=meeting.title_ru)
    return render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/", fetcher=url_fetcher())


def _delegation(meeting: Meeting, status: str, people, *, number: int, **party) -> bool:
    if Delegation.objects.filter(meeting=meeting, **party).exists():
        return False
    now = timezone.now()
    delegation = Delegation(meeting=meeting, status=status, **party,
                            submitted_at=now if status == DelegationStatus.SUBMITTED else None)
    if status == DelegationStatus.SUBMITTED:
        content = _note_verbale(meeting, number)
        delegation.credentials_name = "Нота вербальная.pdf"
        delegation.credentials_sha256 = hashlib.sha256(content).hexdigest()
        delegation.credentials.save("note.pdf", ContentFile(content), save=False)
    delegation.save()
    slug = (party.get("state") or party.get("organisation")).pk
    for index, (sur_ru, given_ru, sur_en, given_en, role, position, agency, language,
                accreditation) in enumerate(people):
        Delegate.objects.create(
            delegation=delegation, meeting=meeting, surname_cyrillic=sur_ru,
            given_names_cyrillic=given_ru, surname_latin=sur_en, given_names_latin=given_en,
            role=role, position=position, agency=agency, preferred_language=language,
            email=f"{sur_en.lower()}.{index}.{slug}@example.org",
            accreditation=accreditation,
            accreditation_decided_at=now if accreditation != Accreditation.PENDING else None,
        )
    return True


def load() -> str:
    meeting = (
        Meeting.objects.filter(status=MeetingStatus.REGISTRATION_OPEN,
                               registration_closes__gt=timezone.now())
        .order_by("start").first()
    )
    if meeting is None:
        return "no meeting open for registration, no demo delegations"
    added = 0
    for number, (iso3, (status, people)) in enumerate(PEOPLE.items(), start=1):
        state = ParticipantState.objects.filter(iso3=iso3).first()
        if state is not None:
            added += _delegation(meeting, status, people, number=number, state=state)
    organisation = Organisation.objects.filter(slug=OBSERVER[0]).first()
    if organisation is not None:
        focal = organisation.focal_points.order_by("-start").first()
        ObserverInvitation.objects.get_or_create(
            meeting=meeting, organisation=organisation,
            defaults={"email": focal.email if focal else "focal.iom@example.org",
                      "focal_point": focal, "invited_at": timezone.now()},
        )
        added += _delegation(meeting, DelegationStatus.SUBMITTED, OBSERVER[1], number=9,
                             organisation=organisation)
    return f"{added} demo delegations added to “{meeting.title_en}”"
