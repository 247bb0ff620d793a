from django.contrib import admin

from .models import Delivery, Preference, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting_days_before", "morning_hour", "report_days_before"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReminderSettings.objects.exists()


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "language", "daily_digest"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "occasion", "channel", "status", "sent_at"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["recipient__email", "occasion"]
    list_select_related = ["recipient"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False
