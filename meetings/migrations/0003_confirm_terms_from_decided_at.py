"""Move the chairmanship's free-text "elected or confirmed at" into links.

For each chair term with a ``decided_at`` text and no confirming outcome,
the meeting it names is looked for, conservatively:

- a Ministerial Conference (not cancelled or postponed) that ended within
  the year before the term started (on its first day at the latest), or
- failing that, the one meeting of any kind in that window in a year the
  text names.

When a year is named, the meeting must be of that year; when more than one
meeting fits, none is chosen. A match gets an outcome (a decision adopted on
the meeting's last day, text in both languages, the old text quoted) that
confirms the term. Without a match the text is kept: appended to the term's
notes ("Elected or confirmed at: ..."), so nothing is lost. Chairmanship's
next migration then drops the column.

The work is in ``link_or_keep`` (plain models and texts in, nothing read
from the column), so tests run it with the current models on hand-made rows.
"""

from __future__ import annotations

import datetime
import re

from django.db import migrations
from django.utils import timezone

# As meetings.models.CONFIRMATION_LEAD: a confirmation is adopted at most a
# year (and a day) before the term starts. Copied, as migrations must not
# follow the models' later changes.
CONFIRMATION_LEAD = datetime.timedelta(days=366)
MINISTERIAL = "ministerial"
NOT_TAKING_PLACE = ("cancelled", "postponed")
ELECTED = "elected"
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def named_years(*texts: str) -> set[int]:
    """The years (1900–2099) a text names."""
    return {int(match) for text in texts for match in YEAR.findall(text or "")}


def matching_meeting(term, texts: tuple[str, str], meetings: list):
    """The meeting that elected or confirmed ``term``, or None when it is not
    certain. ``meetings`` are those taking place, any kind."""
    years = named_years(*texts)
    window = [
        meeting for meeting in meetings
        if term.start - CONFIRMATION_LEAD <= meeting.end <= term.start
        and (not years or meeting.start.year in years or meeting.end.year in years)
    ]
    ministerial = [meeting for meeting in window if meeting.kind == MINISTERIAL]
    if len(ministerial) == 1:
        return ministerial[0]
    if not ministerial and years and len(window) == 1:
        return window[0]
    return None


def _outcome_texts(term, state, texts: tuple[str, str]) -> tuple[str, str]:
    years = f"{term.start:%Y}–{term.end:%Y}"
    if term.basis == ELECTED:
        ru = f"Государство {state.name_ru} избрано Председателем Алматинского процесса на {years} гг."
        en = f"{state.name_en} was elected Chair of the Almaty Process for {years}."
    else:
        ru = f"Подтверждено председательство государства {state.name_ru} на {years} гг."
        en = f"The chairmanship of {state.name_en} for {years} was confirmed."
    text_ru, text_en = (text.strip() for text in texts)
    if text_ru or text_en:
        ru += f" (Ранее записано: «{text_ru or text_en}».)"
        en += f" (Previously recorded as: “{text_en or text_ru}”.)"
    return ru, en


def _append(notes: str, line: str) -> str:
    notes = (notes or "").rstrip()
    return f"{notes}\n{line}" if notes else line


HISTORY_REASON = "Moved from the term's free-text 'elected or confirmed at'"


def _record_history(historical, obj, history_type: str) -> None:
    """An audit entry (simple_history's table) for a row written here, where
    simple_history's signals do not run."""
    if historical is None:
        return
    values = {
        field.attname: getattr(obj, field.attname)
        for field in historical._meta.fields
        if not field.name.startswith("history_") and hasattr(obj, field.attname)
    }
    historical.objects.create(
        **values, history_date=timezone.now(), history_type=history_type,
        history_change_reason=HISTORY_REASON,
    )


def link_or_keep(  # noqa: N803 (model classes, as migrations name them)
    *, Chairmanship, Meeting, MeetingOutcome, texts: dict,
    HistoricalChairmanship=None, HistoricalMeetingOutcome=None,
) -> dict:
    """For each term pk in ``texts`` (its (ru, en) "decided at" texts): link
    it to its meeting with a confirming outcome, or keep the texts in its
    notes; each write gets an audit entry when the historical models are
    given. Returns {"linked": [term pks], "kept": [term pks]}."""
    result = {"linked": [], "kept": []}
    meetings = list(
        Meeting.objects.exclude(status__in=NOT_TAKING_PLACE).order_by("start", "pk")
    )
    confirmed = set(
        MeetingOutcome.objects.filter(confirms_chairmanship__isnull=False)
        .values_list("confirms_chairmanship_id", flat=True)
    )
    terms = Chairmanship.objects.filter(pk__in=list(texts)).select_related("state")
    for term in terms.order_by("start"):
        text_ru, text_en = (value or "" for value in texts[term.pk])
        if not (text_ru.strip() or text_en.strip()) or term.pk in confirmed:
            continue
        meeting = matching_meeting(term, (text_ru, text_en), meetings)
        if meeting is not None:
            outcome_ru, outcome_en = _outcome_texts(term, term.state, (text_ru, text_en))
            last = (MeetingOutcome.objects.filter(meeting=meeting)
                    .order_by("-position").values_list("position", flat=True).first())
            outcome = MeetingOutcome.objects.create(
                meeting=meeting, position=(last or 0) + 1, kind="decision",
                adopted_on=meeting.end, confirms_chairmanship=term,
                text=outcome_ru, text_ru=outcome_ru, text_en=outcome_en,
            )
            _record_history(HistoricalMeetingOutcome, outcome, "+")
            confirmed.add(term.pk)
            result["linked"].append(term.pk)
            continue
        term.notes_ru = _append(term.notes_ru,
                                f"Избран или утверждён на: {text_ru.strip() or text_en.strip()}")
        term.notes_en = _append(term.notes_en,
                                f"Elected or confirmed at: {text_en.strip() or text_ru.strip()}")
        term.notes = term.notes_ru
        term.save(update_fields=["notes", "notes_ru", "notes_en"])
        _record_history(HistoricalChairmanship, term, "~")
        result["kept"].append(term.pk)
    return result


def forwards(apps, schema_editor):
    Chairmanship = apps.get_model("chairmanship", "Chairmanship")  # noqa: N806
    texts = {
        pk: (ru or plain or "", en or "")
        for pk, plain, ru, en in Chairmanship.objects.values_list(
            "pk", "decided_at", "decided_at_ru", "decided_at_en",
        )
        if (ru or plain or "").strip() or (en or "").strip()
    }
    link_or_keep(
        Chairmanship=Chairmanship,
        Meeting=apps.get_model("meetings", "Meeting"),
        MeetingOutcome=apps.get_model("meetings", "MeetingOutcome"),
        texts=texts,
        HistoricalChairmanship=apps.get_model("chairmanship", "HistoricalChairmanship"),
        HistoricalMeetingOutcome=apps.get_model("meetings", "HistoricalMeetingOutcome"),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0002_delegations_delegates_observers"),
        ("chairmanship", "0004_decision_terms_end_help"),
    ]

    operations = [
        # Not reversed: the links and notes stay, the texts are not put back.
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
