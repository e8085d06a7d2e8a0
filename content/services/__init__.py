"""Writes of the content app, one module per entity (STYLE.md): each
service validates (``full_clean`` plus rules that need other rows) and
writes inside ``transaction.atomic``."""

from .about import about_section_save, history_entry_save
from .contact import (
    contact_message_mark_read,
    contact_message_mark_unread,
    contact_message_notify,
    contact_message_recipients,
    contact_message_submit,
)
from .news import (
    news_item_publish,
    news_item_save,
    news_item_unpublish,
    news_slug_for,
)
from .partners import partner_save
from .projects import project_save, project_slug_for

__all__ = [
    "about_section_save",
    "contact_message_mark_read",
    "contact_message_mark_unread",
    "contact_message_notify",
    "contact_message_recipients",
    "contact_message_submit",
    "history_entry_save",
    "news_item_publish",
    "news_item_save",
    "news_item_unpublish",
    "news_slug_for",
    "partner_save",
    "project_save",
    "project_slug_for",
]
