"""The movement's site in the admin: its identity (one row), news, and its own facts,
members and partners, quotes, library and media coverage (content rows of no campaign)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from campaigns.localized import fields_beside_translations
from campaigns.models import Resource
from images.forms import AltTextRequiredModelForm
from movement.models import (
    LibraryResource,
    MediaCoverage,
    MovementFact,
    MovementPartner,
    NewsPost,
    SiteIdentity,
    SupporterQuote,
)
from movement.services import site_identity_save


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    form = AltTextRequiredModelForm  # a logo needs its description
    fields = fields_beside_translations(SiteIdentity)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one row: the list opens it (or the form that creates it)."""
        row = SiteIdentity.objects.first()
        if row is None:
            return redirect(reverse("admin:movement_siteidentity_add"))
        return redirect(reverse("admin:movement_siteidentity_change", args=[row.pk]))

    def save_model(self, request, obj, form, change):
        site_identity_save(identity=obj)


@admin.register(NewsPost)
class NewsPostAdmin(admin.ModelAdmin):
    list_display = ["title", "published_on", "language"]
    list_filter = ["language", "campaigns"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    filter_horizontal = ["campaigns"]
    fields = ["title", "slug", "published_on", "language", "body", "campaigns"]


class MovementContentAdmin(admin.ModelAdmin):
    """Rows of the movement as a whole: those without a campaign, saved without one."""

    ordering = ["position", "pk"]
    list_editable = ["position"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(campaign__isnull=True)

    def get_fields(self, request, obj=None):
        return fields_beside_translations(self.model, exclude=["campaign"])


@admin.register(MovementFact)
class MovementFactAdmin(MovementContentAdmin):
    list_display = ["figure", "statement", "source_title", "source_date", "position"]


@admin.register(MovementPartner)
class MovementPartnerAdmin(MovementContentAdmin):
    list_display = ["name", "founding_member", "website", "position"]
    list_filter = ["founding_member"]


@admin.register(SupporterQuote)
class SupporterQuoteAdmin(MovementContentAdmin):
    list_display = ["name", "role", "consent_recorded", "is_sample", "position"]
    list_filter = ["consent_recorded", "is_sample"]


class ResourceKindAdmin(admin.ModelAdmin):
    """Resources of some kinds, the movement's and every campaign's (a campaign tags it)."""

    kinds: tuple = ()
    list_filter = ["kind", "campaign", "language"]
    search_fields = ["title", "summary", "source"]
    ordering = ["-published_on", "position", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind__in=self.kinds)

    def get_fields(self, request, obj=None):
        return fields_beside_translations(self.model)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [(k.value, k.label) for k in Resource.Kind if k in self.kinds]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(LibraryResource)
class LibraryResourceAdmin(ResourceKindAdmin):
    kinds = Resource.LIBRARY_KINDS
    list_display = ["title", "kind", "published_on", "campaign"]


@admin.register(MediaCoverage)
class MediaCoverageAdmin(ResourceKindAdmin):
    kinds = (Resource.Kind.MEDIA,)
    list_display = ["title", "source", "published_on", "language", "campaign"]

    def get_fields(self, request, obj=None):
        return [field for field in super().get_fields(request, obj) if field != "kind"]

    def save_model(self, request, obj, form, change):
        obj.kind = Resource.Kind.MEDIA
        super().save_model(request, obj, form, change)
