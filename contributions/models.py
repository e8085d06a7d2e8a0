"""The ledger of the participant states' voluntary contributions to the
Support Unit's administrative costs (Operational Mechanism, «Финансирование»):
pledges and payments per state and year in their currency, with the USD
equivalent at the rate the secretariat records on the row (no rate is
fetched), the Support Unit's yearly costs, and the yearly statement's PDFs.

Secretariat only: no public page shows a state's figures (a setting may
show yearly totals, contributions.views). Amounts are decimals; the USD
equivalent is computed by ``validators.usd_equivalent`` in the services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from archive.enums import AccessLevel
from archive.models import Document, archive_storage
from core.models import TimeStampedModel
from membership.models import ILLUSTRATIVE_HELP, ParticipantState

from .enums import StatementLanguage, StatementStatus
from .validators import validate_currency

AMOUNT = {"max_digits": 16, "decimal_places": 2}
RATE = {"max_digits": 20, "decimal_places": 10}
RATE_HELP = _("US dollars for one unit of the currency, as the secretariat records it "
              "(for example 0.0021 for the tenge). 1 for US dollars.")


class Pledge(TimeStampedModel):
    """What a state announced it would contribute for a year."""

    state = models.ForeignKey(ParticipantState, on_delete=models.PROTECT,
                              related_name="contribution_pledges", verbose_name=_("state"))
    year = models.PositiveSmallIntegerField(_("year"))
    pledged_on = models.DateField(_("pledged on"))
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency],
                                help_text=_("ISO 4217 code, for example KZT."))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    usd_rate = models.DecimalField(_("rate to the US dollar"), help_text=RATE_HELP, **RATE)
    amount_usd = models.DecimalField(_("amount in US dollars"), editable=False, **AMOUNT)
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False,
                                       help_text=ILLUSTRATIVE_HELP)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ("-year", "state__name")
        constraints = [
            models.UniqueConstraint(
                fields=["state", "year"], name="contributions_one_pledge_per_state_year",
                violation_error_message=_("This state already has a pledge for this year."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="contributions_pledge_positive",
                violation_error_message=_("The amount must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.year}: {self.amount} {self.currency}"


class Payment(TimeStampedModel):
    """Money received from a state, counted for a year (``year``), for
    the period it covers."""

    state = models.ForeignKey(ParticipantState, on_delete=models.PROTECT,
                              related_name="contribution_payments", verbose_name=_("state"))
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year whose contributions the payment counts towards."))
    pledge = models.ForeignKey(
        Pledge, on_delete=models.PROTECT, null=True, blank=True, related_name="payments",
        verbose_name=_("pledge"),
        help_text=_("Left empty, the state's pledge for the year, if any, is linked."),
    )
    received_on = models.DateField(_("received on"))
    covers_from = models.DateField(_("covers from"))
    covers_until = models.DateField(_("covers until"))
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency],
                                help_text=_("ISO 4217 code, for example KZT."))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    usd_rate = models.DecimalField(_("rate to the US dollar"), help_text=RATE_HELP, **RATE)
    amount_usd = models.DecimalField(_("amount in US dollars"), editable=False, **AMOUNT)
    receipts = models.ManyToManyField(
        Document, blank=True, related_name="contribution_payments", verbose_name=_("receipts"),
        limit_choices_to={"access": AccessLevel.SECRETARIAT},
        help_text=_("Archive documents with the access “Secretariat only”."),
    )
    non_participant_reason = models.TextField(
        _("reason (state not a participant that year)"), blank=True,
        help_text=_("Required when the state was not a participant state in the year the "
                    "payment covers."),
    )
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False,
                                       help_text=ILLUSTRATIVE_HELP)
    history = HistoricalRecords(m2m_fields=[receipts])

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ("-received_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="contributions_payment_positive",
                violation_error_message=_("The amount must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=models.Q(covers_until__gte=models.F("covers_from")),
                name="contributions_payment_period_order",
                violation_error_message=_("The period covered ends before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.received_on}: {self.amount} {self.currency}"


class AdministrativeCosts(TimeStampedModel):
    """The Support Unit's administrative costs of a year, in US dollars, as
    the secretariat records them: what the contributions are set against."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount_usd = models.DecimalField(_("amount in US dollars"), **AMOUNT)
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False,
                                       help_text=ILLUSTRATIVE_HELP)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("administrative costs of a year")
        verbose_name_plural = _("administrative costs")
        ordering = ("-year",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_usd__gte=0), name="contributions_costs_not_negative",
                violation_error_message=_("The costs cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount_usd} USD"


def statement_file_path(instance: Statement, filename: str) -> str:
    return f"contributions/{instance.year}/{filename}"


class Statement(models.Model):
    """The yearly statement's PDF in one language, built by the
    ``contributions.build_statement`` task; status on its own row."""

    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=2, choices=StatementLanguage.choices)
    status = models.CharField(_("status"), max_length=10, choices=StatementStatus.choices,
                              default=StatementStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), upload_to=statement_file_path, storage=archive_storage,
                            max_length=200, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)

    class Meta:
        verbose_name = _("yearly statement")
        verbose_name_plural = _("yearly statements")
        ordering = ("-year", "language")
        constraints = [
            models.UniqueConstraint(fields=["year", "language"],
                                    name="contributions_statement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.language})"
