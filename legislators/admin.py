from django.contrib import admin

from legislators.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    State,
    ZipDistrict,
)


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "voting_house_seats", "at_large", "senators"]
    list_filter = ["type", "at_large"]


class DistrictOfficeInline(admin.TabularInline):
    model = DistrictOffice
    extra = 0
    fields = ["office_id", "city", "state", "zip_code", "phone"]


@admin.register(Legislator)
class LegislatorAdmin(admin.ModelAdmin):
    list_display = ["official_full_name", "chamber", "state", "district", "party", "is_current"]
    list_filter = ["is_current", "chamber", "party", "state"]
    search_fields = ["official_full_name", "last_name", "bioguide_id"]
    inlines = [DistrictOfficeInline]


class MembershipInline(admin.TabularInline):
    model = CommitteeMembership
    extra = 0
    autocomplete_fields = ["legislator"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "thomas_id", "type", "parent", "is_current"]
    list_filter = ["type", "is_current"]
    search_fields = ["name", "thomas_id"]
    list_select_related = ["parent"]
    inlines = [MembershipInline]


@admin.register(ZipDistrict)
class ZipDistrictAdmin(admin.ModelAdmin):
    list_display = ["zcta", "state", "district"]
    list_filter = ["state"]
    search_fields = ["=zcta"]


@admin.register(LegislatorImport)
class LegislatorImportAdmin(admin.ModelAdmin):
    list_display = ["source", "finished_at"]
    readonly_fields = ["source", "finished_at", "summary"]
