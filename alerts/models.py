"""Email alerts: one row per address and topic, kept only as long as the
README's "Alerts" section says (unconfirmed rows for 7 days; confirmed rows
until their owner unsubscribes or their address bounces). No history is
kept of these rows (no simple_history): a deleted address must be gone."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from membership.enums import Language

from .enums import Frequency, Topic

# A saved search's query string at most (a 200-character query in Cyrillic,
# percent-encoded, takes 1,200).
VALUE_MAX_LENGTH = 2000


class Subscription(models.Model):
    """An address following one topic: an archive search (``value`` is its
    query string, as the archive's list takes it), a theme (its slug), a
    state (its ISO3 code), a kind of meeting (``MeetingKind``) or the
    register of decisions (``value`` empty).

    ``digest_covered_until`` is the end of the period the last digest
    covered (set to the moment of confirmation): the next digest lists what
    was published after it, so a worker that was down misses nothing and a
    digest never repeats an item."""

    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices,
                                default=Language.RUSSIAN)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    value = models.CharField(_("value"), max_length=VALUE_MAX_LENGTH, blank=True)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.WEEKLY)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    digest_covered_until = models.DateTimeField(_("last digest covered until"), null=True,
                                                blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["email", "topic", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "topic", "value"], name="alerts_subscription_once_per_topic",
                violation_error_message=_("This address already follows this topic."),
            ),
            models.CheckConstraint(
                condition=models.Q(email=models.functions.Lower("email")),
                name="alerts_subscription_email_lower_case",
                violation_error_message=_("Addresses are kept in lower case."),
            ),
        ]
        indexes = [
            models.Index(fields=["confirmed_at", "frequency"], name="alerts_sub_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.get_topic_display()} {self.value}".strip()

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
