from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Archive")

    def ready(self):
        from .search.version import bump_index_version
        from .signals import documents_indexed

        documents_indexed.connect(bump_index_version, dispatch_uid="archive:index-version")
