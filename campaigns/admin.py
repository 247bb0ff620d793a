"""The Django admin is for site administrators only; officials and chairs use the portal's
pages. Campaign, activity and commendation records can be corrected here."""

from django.contrib import admin

from .models import (
    Activity,
    ActivityEvidence,
    ActivityPhoto,
    Campaign,
    Commendation,
    Pledge,
    Target,
)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "starts_on", "ends_on", "scope"]
    list_filter = ["kind", "scope", "year"]
    search_fields = ["title", "theme", "plan_number"]
    autocomplete_fields = ["province", "ward"]
    raw_id_fields = ["copied_from", "created_by"]
    inlines = [TargetInline]


class PhotoInline(admin.TabularInline):
    model = ActivityPhoto
    extra = 0
    fields = ["image", "thumbnail", "caption"]


class EvidenceInline(admin.TabularInline):
    model = ActivityEvidence
    extra = 0


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "campaign", "club", "organisation", "held_on", "status"]
    list_filter = ["status", "kind", "campaign"]
    search_fields = ["title", "club__name", "organisation__name"]
    list_select_related = ["campaign", "club", "organisation"]
    raw_id_fields = ["club", "organisation", "ward", "province", "created_by"]
    inlines = [PhotoInline, EvidenceInline]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["name", "campaign", "choice", "is_hidden", "created_at"]
    list_filter = ["is_hidden", "campaign"]
    list_editable = ["is_hidden"]
    search_fields = ["name", "text"]
    exclude = ["identity"]
    raw_id_fields = ["user", "province"]


@admin.register(Commendation)
class CommendationAdmin(admin.ModelAdmin):
    list_display = ["recipient_name", "kind", "decision_number", "decided_on", "revoked_on"]
    list_filter = ["kind", "recipient_kind"]
    search_fields = ["recipient_name", "decision_number"]
    raw_id_fields = ["club", "organisation", "ward", "campaign", "created_by"]
    readonly_fields = ["code"]
