"""Writes of the ledger. The rules:

- amounts are decimals; the USD equivalent is the amount at the rate the
  secretariat recorded on the row, rounded half up to the cent
  (``validators.usd_equivalent``), computed here and nowhere else;
- the currency is an ISO 4217 code (``validators.validate_currency``);
- a payment's receipts are archive documents with the access "Secretariat
  only";
- a payment for a year in which its state was not a participant
  (``selectors.was_participant_in``) needs a reason;
- a payment linked to a pledge is of the pledge's state and year; left
  unlinked, it is linked to the state's pledge for that year if one exists;
- a pledge with payments is not deleted (``on_delete=PROTECT`` too).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.enums import AccessLevel
from archive.models import Document
from core.tasking import send_on_commit

from . import selectors
from .enums import StatementLanguage, StatementStatus
from .models import AdministrativeCosts, Payment, Pledge, Statement
from .validators import check_rate, usd_equivalent


def _with_usd(row: Pledge | Payment) -> None:
    row.full_clean(exclude=["amount_usd"])
    check_rate(currency=row.currency, rate=row.usd_rate)
    row.amount_usd = usd_equivalent(amount=row.amount, rate=row.usd_rate)


def pledge_save(*, pledge: Pledge) -> Pledge:
    with transaction.atomic():
        _with_usd(pledge)
        pledge.save()
    return pledge


def pledge_delete(*, pledge: Pledge) -> None:
    if pledge.payments.exists():
        raise ValidationError(_(
            "The pledge of %(state)s for %(year)s has payments recorded against it: it cannot "
            "be deleted. Link the payments to no pledge (or delete them) first."
        ) % {"state": pledge.state, "year": pledge.year})
    pledge.delete()


def _check_receipts(receipts: Iterable[Document]) -> None:
    wrong = [document for document in receipts if document.access != AccessLevel.SECRETARIAT]
    if wrong:
        raise ValidationError({"receipts": _(
            "A receipt must be a secretariat-only archive document; not so: %(documents)s."
        ) % {"documents": "; ".join(str(document) for document in wrong)}})


def _check_participation(payment: Payment) -> None:
    if payment.non_participant_reason.strip():
        return
    if not selectors.was_participant_in(state=payment.state, year=payment.year):
        raise ValidationError({"non_participant_reason": _(
            "%(state)s was not a participant state in %(year)s: give the reason for recording "
            "this payment."
        ) % {"state": payment.state, "year": payment.year}})


def _check_pledge(payment: Payment) -> None:
    if payment.pledge_id is None:
        payment.pledge = selectors.pledge_for(state=payment.state, year=payment.year)
        return
    pledge = payment.pledge
    if pledge.state_id != payment.state_id or pledge.year != payment.year:
        raise ValidationError({"pledge": _(
            "The pledge is %(pledge)s: a payment linked to it must be of the same state and year."
        ) % {"pledge": pledge}})


def payment_save(*, payment: Payment, receipts: Iterable[Document] | None = None) -> Payment:
    """Record or correct a payment; ``receipts`` (when given) replace its
    receipts."""
    receipts = None if receipts is None else list(receipts)
    with transaction.atomic():
        _with_usd(payment)
        _check_participation(payment)
        _check_pledge(payment)
        if receipts is not None:
            _check_receipts(receipts)
        payment.save()
        if receipts is not None:
            payment.receipts.set(receipts)
    return payment


def costs_save(*, costs: AdministrativeCosts) -> AdministrativeCosts:
    with transaction.atomic():
        costs.full_clean()
        costs.save()
    return costs


def statement_request(*, year: int, user=None) -> list[Statement]:
    """Queue (again) the yearly statement's PDF in both languages; one
    already queued or being built is left to finish."""
    if not 1900 < year < 2200:
        raise ValidationError(_("Give a year such as %(year)s.") % {"year": timezone.now().year})
    requested = []
    with transaction.atomic():
        for language in StatementLanguage.values:
            statement, created = Statement.objects.select_for_update().get_or_create(
                year=year, language=language)
            if not created and statement.status in (StatementStatus.QUEUED,
                                                    StatementStatus.RUNNING):
                requested.append(statement)
                continue
            statement.status, statement.progress, statement.step, statement.error = (
                StatementStatus.QUEUED, 0, "", "")
            statement.requested_by, statement.requested_at = user, timezone.now()
            statement.save()
            send_on_commit("contributions.build_statement", args=[statement.pk])
            requested.append(statement)
    return requested


def statement_build(*, statement_id: int) -> Statement | None:
    """Build the PDF (idempotent: the row's status under a lock decides;
    the new file replaces the old one atomically). A failure is written on
    the row, for the admin to show."""
    from django.core.files.base import ContentFile

    from . import pdf

    with transaction.atomic():
        statement = Statement.objects.select_for_update().filter(pk=statement_id).first()
        if statement is None or statement.status == StatementStatus.DONE:
            return statement
        statement.status, statement.progress, statement.step = (
            StatementStatus.RUNNING, 10, "layout")
        statement.save(update_fields=["status", "progress", "step"])
    try:
        content = pdf.render_statement(year=statement.year, language=statement.language)
    except Exception as exc:
        Statement.objects.filter(pk=statement.pk).update(
            status=StatementStatus.FAILED, error=str(exc)[:2000] or exc.__class__.__name__,
            step="")
        raise
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement_id)
        old = statement.file.name if statement.file else ""
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        statement.file.save(f"statement-{statement.year}-{statement.language}-{stamp}.pdf",
                            ContentFile(content), save=False)
        statement.status, statement.progress, statement.step = StatementStatus.DONE, 100, ""
        statement.built_at = timezone.now()
        statement.save()
        if old and old != statement.file.name:
            storage = statement.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return statement
