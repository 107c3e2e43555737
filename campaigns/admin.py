from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from actioncenter.exceptions import ApplicationError
from campaigns import kinds
from campaigns.models import (
    AuditEntry,
    Campaign,
    ConsentRecord,
    Fact,
    Partner,
    Resource,
    Supporter,
    Testimonial,
)
from campaigns.services.campaigns import campaign_set_status


class OrderedInline(admin.StackedInline):
    extra = 0
    ordering = ["position", "pk"]


class PartnerInline(OrderedInline):
    model = Partner


class TestimonialInline(OrderedInline):
    model = Testimonial


class FactInline(admin.TabularInline):
    model = Fact
    extra = 0


class ResourceInline(OrderedInline):
    model = Resource


def _status_action(status: str, label):
    def action(modeladmin, request, queryset):
        for campaign in queryset:
            try:
                campaign_set_status(campaign=campaign, status=status, actor=request.user)
            except ApplicationError as error:
                modeladmin.message_user(request, f"{campaign}: {error.message}", messages.ERROR)

    action.__name__ = f"set_status_{status}"
    action.short_description = label
    return action


class CampaignAdminForm(forms.ModelForm):
    """A new campaign must say whether it is sensitive: nobody gets it by default."""

    sensitive = forms.TypedChoiceField(
        label=_("Could taking part put a supporter at risk?"),
        choices=[
            ("", _("Choose…")),
            ("True", _("Yes: sensitive. Letters' texts and addresses are erased after delivery.")),
            ("False", _("No: an ordinary campaign.")),
        ],
        coerce=lambda value: value == "True",
        help_text=_(
            "Say yes when supporters may be survivors, undocumented or watched by someone: "
            "what they wrote is kept only until it has been delivered."
        ),
    )

    # No Meta: the admin builds it with the model and every field of its page.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # an existing campaign shows its answer
            self.initial["sensitive"] = str(self.instance.sensitive)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    list_display = ["title", "slug", "status", "featured", "goal", "created_at"]
    list_filter = ["status", "featured", "sensitive"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status"]
    # Each action kind's settings (those edited on the campaign's own page), then content.
    inlines = [
        *[kind.admin_inline for kind in kinds.all_kinds() if kind.admin_inline],
        PartnerInline,
        TestimonialInline,
        FactInline,
        ResourceInline,
    ]
    actions = [
        _status_action(Campaign.Status.LIVE, _("Publish (make live)")),
        _status_action(Campaign.Status.WON, _("Mark as won")),
        _status_action(Campaign.Status.CLOSED, _("Close")),
        _status_action(Campaign.Status.ARCHIVED, _("Archive")),
    ]
    # Adds "Preview as a supporter" next to "History" for those who may preview.
    change_form_template = "campaigns/admin/campaign_change_form.html"

    def view_on_site(self, obj):
        # Supporters cannot open a draft: the preview link stands in for it.
        return obj.get_absolute_url() if obj.status in Campaign.PUBLIC_STATUSES else None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        can_preview = request.user.has_perm(Campaign.PREVIEW_PERMISSION)
        extra_context = {**(extra_context or {}), "can_preview": can_preview}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if request.user.has_perm(Campaign.PREVIEW_PERMISSION):
            return [*columns, "preview_link"]
        return columns

    @admin.display(description=_("Preview"))
    def preview_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("staff:campaign-preview", args=[obj.slug]),
            _("Preview as a supporter"),
        )


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    list_display = ["pk", "first_name", "last_name", "state", "source", "created_at"]
    search_fields = ["email_key", "last_name"]
    readonly_fields = ["email_key", "created_at", "updated_at"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["supporter", "campaign", "purpose", "partner", "created_at"]
    list_filter = ["purpose", "campaign"]
    raw_id_fields = ["supporter"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target_repr"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
