from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Consent, MemberProfile, Organisation, OrganisationMembership


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin):
    list_display = ("__str__", "ward", "gender", "affiliation", "in_directory", "created_at")
    list_filter = ("gender", "affiliation", "in_directory", "province")
    search_fields = ("search_name", "user__email", "phone")
    list_select_related = ("user", "ward__province")
    autocomplete_fields = ("ward",)
    raw_id_fields = ("user",)
    readonly_fields = ("search_name", "created_at", "updated_at", "anonymised_at")


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("user", "policy_version", "given_at", "withdrawn_at")
    list_filter = ("policy_version",)
    search_fields = ("user__email", "user__full_name")
    list_select_related = ("user",)
    raw_id_fields = ("user",)


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    raw_id_fields = ("user", "decided_by")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "province", "country", "status", "created_at")
    list_filter = ("status", "kind", "in_vietnam", "province")
    search_fields = ("name", "search_name", "contact_email")
    list_select_related = ("province",)
    readonly_fields = ("search_name", "created_by", "created_at", "verified_by", "verified_at")
    inlines = [MembershipInline]
    actions = ["verify"]

    @admin.action(description=_("Verify and list the chosen organisations"))
    def verify(self, request, queryset):
        for organisation in queryset:
            services.organisation_verify(organisation=organisation, by=request.user)
        messages.success(request, _("Verified."))


@admin.register(OrganisationMembership)
class OrganisationMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "status", "created_at")
    list_filter = ("role", "status")
    search_fields = ("user__email", "user__full_name", "organisation__name")
    list_select_related = ("user", "organisation")
    raw_id_fields = ("user", "organisation", "decided_by")
