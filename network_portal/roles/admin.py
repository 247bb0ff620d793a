from django.contrib import admin

from .models import RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "ward", "province", "is_active", "granted_at")
    list_filter = ("role", "is_active", "province")
    search_fields = ("user__email", "user__full_name", "ward__name", "province__name")
    autocomplete_fields = ("user", "ward", "province")
    readonly_fields = ("granted_by", "granted_at")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
