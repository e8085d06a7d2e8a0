from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """What the Support Unit writes for the public: news, partners and
    related processes, the regional projects catalogue, the contact page."""

    name = "content"
    verbose_name = _("Public content")
    # The secretariat's groups edit this app's rows (membership.permissions).
    secretariat_content = True

    def ready(self):
        from core import pagecache

        from .models import ContactMessage

        # Public pages, and what drops them: every row but the contact
        # messages, which no public page shows.
        pagecache.public_views_register(
            "content:news_list", "content:news_detail",
            "content:news_feed_rss", "content:news_feed_atom",
            "content:partner_list", "content:project_list", "content:project_detail",
        )
        pagecache.follow_app(self, private=(ContactMessage,))
