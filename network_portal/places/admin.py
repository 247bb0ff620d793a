from django.contrib import admin

from .models import Block, Province, Ward


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "division_type", "is_active")
    list_filter = ("is_active", "division_type")
    search_fields = ("name", "codename", "code")


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "province", "division_type", "is_active")
    list_filter = ("is_active", "division_type", "province")
    search_fields = ("name", "codename", "code")
    list_select_related = ("province",)


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "ward", "is_active", "created_at")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "ward__name")
    list_select_related = ("ward__province",)
    autocomplete_fields = ("ward",)
    readonly_fields = ("created_by", "created_at")
