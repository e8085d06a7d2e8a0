from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Archive")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache

        from .models import DocumentTerm
        from .search.version import bump_index_version
        from .signals import documents_indexed

        documents_indexed.connect(bump_index_version, dispatch_uid="archive:index-version")
        # The public pages of the archive, and what drops them. The search
        # index's term weights are rewritten in bulk by the indexing, which
        # sends documents_indexed once per batch instead (a receiver on the
        # terms would also cost every reindex Django's fast delete: it would
        # fetch each row to send post_delete).
        pagecache.public_views_register(
            "archive:document_list", "archive:document_detail",
            "archive:feed_rss", "archive:feed_atom", "harvest:documents",
        )
        pagecache.follow_app(self, private=(DocumentTerm,))
        pagecache.follow_signal(documents_indexed)
