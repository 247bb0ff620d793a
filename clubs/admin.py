"""Site administrators' tools. Cases are deliberately not here (only the club's advisory team,
chair and ward officials see them); the access log is read-only for administrators."""

from django.contrib import admin

from .models import (
    CaseAccessLog,
    Club,
    Meeting,
    RosterEntry,
    RosterRoleChange,
    SteeringGroupMember,
    Topic,
)


class RosterEntryInline(admin.TabularInline):
    model = RosterEntry
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["full_name", "gender", "birth_year", "role", "user", "joined_on", "left_on"]


@admin.register(Club)
class ClubAdmin(admin.ModelAdmin):
    list_display = ["name", "ward", "status"]
    list_filter = ["status"]
    search_fields = ["name", "ward__name"]
    raw_id_fields = ["ward"]
    filter_horizontal = ["blocks"]
    inlines = [RosterEntryInline]
    list_select_related = ["ward__province"]


@admin.register(SteeringGroupMember)
class SteeringGroupMemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "role", "position", "ward"]
    raw_id_fields = ["ward", "user"]
    list_select_related = ["ward__province"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_core", "order"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "club", "status", "starts_at"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["club", "topic"]
    filter_horizontal = ["attendees"]
    list_select_related = ["club", "topic"]


@admin.register(CaseAccessLog)
class CaseAccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "case", "club"]
    list_filter = ["action"]
    list_select_related = ["user", "case", "club"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RosterRoleChange)
class RosterRoleChangeAdmin(admin.ModelAdmin):
    """History of roles: read-only, written by `services.roster_entry_update`."""

    list_display = ["entry", "from_role", "to_role", "changed_on", "changed_by"]
    list_filter = ["to_role"]
    search_fields = ["entry__full_name", "entry__club__name"]
    list_select_related = ["entry", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
