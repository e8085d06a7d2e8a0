from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ..forms import NewsItemAdminForm
from ..models import NewsItem
from ..services import news_item_publish, news_item_save, news_item_unpublish


class PublicNowFilter(admin.SimpleListFilter):
    title = _("on the portal")
    parameter_name = "public"

    def lookups(self, request, model_admin):
        return [("yes", _("Shown now")), ("scheduled", _("Scheduled")),
                ("no", _("Not published"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(is_published=True, published_at__lte=now)
        if self.value() == "scheduled":
            return queryset.filter(is_published=True, published_at__gt=now)
        if self.value() == "no":
            return queryset.filter(is_published=False)
        return queryset


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = NewsItemAdminForm
    list_display = ["title", "date", "is_published", "published_at", "has_image"]
    list_filter = [PublicNowFilter, "is_published", "date"]
    search_fields = ["title_ru", "title_en", "lead_ru", "lead_en", "slug"]
    list_select_related = False  # nothing related is shown
    date_hierarchy = "date"
    ordering = ["-date", "-pk"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    history_list_display = ["is_published"]
    actions = ["publish", "unpublish"]
    fieldsets = (
        (None, {"fields": ("date", "title", "lead", "body", "slug")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Publication"), {"fields": ("is_published", "published_at")}),
        (_("Record"), {"classes": ("collapse",), "fields": (
            "created_at", "created_by", "updated_at", "updated_by",
        )}),
    )

    @admin.display(description=_("image"), boolean=True)
    def has_image(self, obj: NewsItem) -> bool:
        return bool(obj.image)

    def save_model(self, request, obj, form, change):
        news_item_save(item=obj, user=request.user)

    @admin.action(description=_("Publish the selected news now"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for item in queryset:
            news_item_publish(item=item, by=request.user)
            count += 1
        self.message_user(request, ngettext(
            "Published %(count)d news item.", "Published %(count)d news items.", count,
        ) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected news"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for item in queryset:
            news_item_unpublish(item=item, by=request.user)
            count += 1
        self.message_user(request, ngettext(
            "Unpublished %(count)d news item.", "Unpublished %(count)d news items.", count,
        ) % {"count": count}, messages.SUCCESS)
