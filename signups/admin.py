from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaigns.localized import fields_beside_translations
from images.forms import AltTextRequiredModelForm
from signups.models import OrganizationSignOn, SignupAction, UpdatesSubscription
from signups.services.signups import organization_signon_review


class SignupActionInline(admin.StackedInline):
    model = SignupAction
    form = AltTextRequiredModelForm
    fields = fields_beside_translations(SignupAction, exclude=["campaign"])
    extra = 0
    max_num = 1


@admin.register(OrganizationSignOn)
class OrganizationSignOnAdmin(admin.ModelAdmin):
    """The approval queue: pending requests first."""

    list_display = ["name", "campaign", "status", "website", "created_at", "reviewed_by"]
    list_filter = ["status", "campaign"]
    search_fields = ["name"]
    readonly_fields = ["status", "reviewed_by", "reviewed_at", "created_at"]
    ordering = ["-status", "-created_at"]
    actions = ["approve", "reject"]

    @admin.action(description=_("Approve (list publicly)"))
    def approve(self, request, queryset):
        for signon in queryset:
            organization_signon_review(signon=signon, approve=True, actor=request.user)

    @admin.action(description=_("Reject"))
    def reject(self, request, queryset):
        for signon in queryset:
            organization_signon_review(signon=signon, approve=False, actor=request.user)


@admin.register(UpdatesSubscription)
class UpdatesSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["supporter", "campaign", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "campaign"]
    raw_id_fields = ["supporter"]
