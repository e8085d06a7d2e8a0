from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from ..models import Theme


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position", "document_count"]
    list_editable = ["position"]
    search_fields = ["name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    ordering = ["position", "slug"]
    fieldsets = ((None, {"fields": ("name", "slug", "position")}),)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, obj: Theme) -> int:
        return obj.document_count
