"""Rich text the secretariat writes for public pages (news bodies), kept
safe by sanitising it when it is saved: nh3 (the Rust ammonia sanitiser)
keeps a short list of tags and attributes and drops everything else, so the
stored HTML is shown as it is, never escaped a second time.

Sanitising is idempotent: text already sanitised comes out unchanged
(``a &amp; b`` stays ``a &amp; b``), so saving an item again changes
nothing."""

from __future__ import annotations

import html
import re

import nh3

# Headings start at h2: the page's own title is the h1.
ALLOWED_TAGS = frozenset({
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i",
    "a", "blockquote", "abbr", "sub", "sup", "hr",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Elements dropped with their content (not only their tags).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript"})


def sanitise_html(text: str) -> str:
    """The allowed part of ``text``: tags outside the list lose their tags
    (their text stays), scripts and styles go with their content, links keep
    only http(s) and mailto targets and get rel="noopener noreferrer"."""
    if not text or not text.strip():
        return ""
    return nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


_BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def plain_text(sanitised: str) -> str:
    """The text of sanitised HTML, for summaries and meta descriptions."""
    text = _BLOCK_END.sub(" ", sanitised or "")
    text = nh3.clean(text, tags=set())
    return _SPACES.sub(" ", html.unescape(text)).strip()
