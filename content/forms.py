"""Forms of the content app: the secretariat's news form."""

from __future__ import annotations

from django import forms

from .models import NewsItem


class NewsItemAdminForm(forms.ModelForm):
    """Either title may be given alone (modeltranslation would make the
    Russian one required); the model's clean() asks for one of them. The
    slug may be left empty: the service makes one."""

    class Meta:
        model = NewsItem
        fields = ("slug",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_ru", "title_en", "slug"):
            if name in self.fields:
                self.fields[name].required = False
