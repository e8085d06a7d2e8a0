"""The kinds of paragraph the Operational Mechanism is made of."""

from django.db import models
from django.utils.translation import pgettext_lazy


class ParagraphKind(models.TextChoices):
    """How a paragraph of the text is shown: the numbered sections (1–3) and
    the subsections of section 3 (i–vii) are headings; list items keep their
    number ("1)") or a bullet; footnotes keep their mark ("¹")."""

    SECTION = "section", pgettext_lazy("mechanism paragraph", "Section heading")
    SUBSECTION = "subsection", pgettext_lazy("mechanism paragraph", "Subsection heading")
    PARAGRAPH = "paragraph", pgettext_lazy("mechanism paragraph", "Paragraph")
    ITEM = "item", pgettext_lazy("mechanism paragraph", "List item")
    FOOTNOTE = "footnote", pgettext_lazy("mechanism paragraph", "Footnote")


HEADINGS = frozenset({ParagraphKind.SECTION, ParagraphKind.SUBSECTION})
