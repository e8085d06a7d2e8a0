from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DemoData(models.Model):
    """One row when this database holds the demo data (``load_demo`` wrote
    it): every public page then says that its data is illustrative. A
    production database never has one."""

    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("demo data marker")
        verbose_name_plural = _("demo data markers")

    def __str__(self) -> str:
        return str(_("Demo data loaded on %(date)s") % {"date": self.loaded_at})

