"""A coordinator's update of one follow-up item: status, note, and an
evidence link: the address of an archive document they may see."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import FollowUpStatus
from .models import FollowUpItem

# /ru/archive/<slug>/ or /archive/<slug>/files/3/ or the slug alone.
_ARCHIVE_PATH = re.compile(r"(?:^|/)archive/(?P<slug>[-\w]+)(?:/|$)")
_SLUG = re.compile(r"^[-\w]+$")


class FollowUpReportForm(forms.ModelForm):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus.choices)
    note = forms.CharField(
        label=pgettext_lazy("follow-up", "Note on progress"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_link = forms.CharField(
        label=pgettext_lazy("follow-up", "Add evidence"), required=False, max_length=500,
        help_text=_("The address of a document in the archive that shows what was done, "
                    "e.g. https://…/ru/archive/report-2024/."),
    )

    class Meta:
        model = FollowUpItem
        fields = ["status", "note"]

    def __init__(self, *args, evidence, **kwargs):
        super().__init__(*args, **kwargs)
        self.evidence_documents = evidence

    def clean_evidence_link(self):
        value = self.cleaned_data["evidence_link"].strip()
        if not value:
            return None
        path = urlsplit(value).path if "/" in value else value
        match = _ARCHIVE_PATH.search(path)
        slug = match["slug"] if match else (path if _SLUG.match(path) else None)
        document = (
            self.evidence_documents.filter(slug=slug).first() if slug is not None else None
        )
        if document is None:
            raise forms.ValidationError(
                _("There is no document at this address in the archive, or you may not see "
                  "it. Copy the address of the document's page in the archive."),
                code="evidence_unknown",
            )
        return document
