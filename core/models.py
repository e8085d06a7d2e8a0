"""Models every app may build on; core's own tables live here too.

``TimeStampedModel`` is the audit pair (when a row was created, when it was
last saved) that several apps had declared field by field. It is abstract: it
adds no table, and a model that inherits it gets exactly the two columns it
had before.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """``created_at`` set once on insert, ``updated_at`` on every save."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
