"""Site administrators manage categories here; editors work in the newsroom pages."""

from django.contrib import admin

from .models import Article, Category, Revision, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    can_delete = False
    fields = ["at", "by", "action", "note", "title"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Read-only: articles change only through the newsroom (services.py)."""

    list_display = ["title", "status", "published_at", "category", "author"]
    list_filter = ["status", "category"]
    search_fields = ["title", "search_text"]
    list_select_related = ["category", "author"]
    inlines = [RevisionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
