"""Staff views of letters and the delivery outbox."""

from django.contrib import admin, messages
from django.db.models import Count, Max, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.localized import SPANISH_MERGE_FIELDS_HELP
from campaigns.models import Campaign
from campaigns.templating import merge_fields_help
from images.forms import AltTextRequiredModelForm
from letters.models import (
    Delivery,
    LegislatorStance,
    Letter,
    LetterAction,
    OfficeReach,
    OfficeRoute,
)
from letters.outbox import deliveries_retry


class LegislatorStanceInline(admin.TabularInline):
    model = LegislatorStance
    extra = 0
    autocomplete_fields = ["legislator"]


@admin.register(LetterAction)
class LetterActionAdmin(admin.ModelAdmin):
    form = AltTextRequiredModelForm
    list_display = ["subject", "campaign", "targets", "chambers", "is_active", "editable"]
    list_filter = ["is_active", "targets", "chambers"]
    search_fields = ["subject", "campaign__title"]
    # Names to search, never ids to type (the campaign builder does the same with selects).
    autocomplete_fields = ["campaign", "committee", "fixed_legislators"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [LegislatorStanceInline]
    fieldsets = [
        (None, {"fields": ["campaign", "is_active", ("subject", "subject_es")]}),
        (
            _("Letter"),
            {
                "fields": [
                    ("template", "template_es"),
                    ("template_supporting", "template_supporting_es"),
                    ("template_opposing", "template_opposing_es"),
                    "editable",
                    ("personal_story_prompt", "personal_story_prompt_es"),
                ]
            },
        ),
        (_("Recipients"), {"fields": ["targets", "chambers", "fixed_legislators", "committee"]}),
        (_("Card on the campaign page"), {"fields": ["card_image", ("card_alt", "card_alt_es")]}),
        (
            _("How Congress files it (CWC)"),
            {
                "fields": [
                    "topics",
                    ("bill_congress", "bill_type", "bill_number"),
                    "cwc_campaign_id",
                ]
            },
        ),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        fields = form.base_fields  # empty for read-only viewers
        if "template" in fields:
            fields["template"].help_text = merge_fields_help(intro=fields["template"].help_text)
        for name in ("template_supporting", "template_opposing"):
            if name in fields:
                fields[name].help_text = format_html(
                    "{} {}",
                    fields[name].help_text,
                    _("The merge fields listed under the letter work here too."),
                )
        for name in ("template_es", "template_supporting_es", "template_opposing_es"):
            if name in fields:
                fields[name].help_text = SPANISH_MERGE_FIELDS_HELP
        return form


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ["office_code", "office_name", "channel", "status", "attempts", "sent_at"]
    readonly_fields = fields


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["pk", "campaign", "state", "district", "personalized", "created_at"]
    list_filter = ["personalized", "campaign"]
    date_hierarchy = "created_at"
    raw_id_fields = ["action", "campaign", "supporter"]
    readonly_fields = ["receipt_key", "created_at", "purged_at"]
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "office_code",
        "office_name",
        "campaign",
        "channel",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", "channel", "chamber", "campaign", "office_code"]
    search_fields = ["office_code", "office_name", "id"]
    list_select_related = ["campaign"]
    date_hierarchy = "created_at"
    actions = ["retry_failed"]
    readonly_fields = [
        field.name for field in Delivery._meta.fields if field.name not in ("body",)
    ] + ["body"]
    change_list_template = "letters/admin/delivery_change_list.html"

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Retry the selected failed deliveries"))
    def retry_failed(self, request, queryset):
        count = deliveries_retry(delivery_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d failed delivery queued again.",
                "%(count)d failed deliveries queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self):
        summary = path(
            "by-office/",
            self.admin_site.admin_view(self.by_office_view),
            name="letters_delivery_by_office",
        )
        return [summary, *super().get_urls()]

    def by_office_view(self, request):
        """Per-office summary: deliveries by status, last delivery (filter by ?campaign=)."""
        queryset = Delivery.objects.all()
        campaign = request.GET.get("campaign", "")
        if campaign.isdigit():
            queryset = queryset.filter(campaign_id=int(campaign))
        counts = {status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values}
        rows = [
            {**row, "by_status": [row[status] for status in Delivery.Status.values]}
            for row in queryset.values("office_code", "office_name")
            .annotate(total=Count("pk"), last_sent_at=Max("sent_at"), **counts)
            .order_by("office_code")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deliveries by office"),
            "opts": self.model._meta,
            "rows": rows,
            "statuses": Delivery.Status.choices,
            # Chosen by name: nobody types a campaign's number.
            "campaigns": Campaign.objects.order_by("title").values_list("pk", "title"),
            "chosen": int(campaign) if campaign.isdigit() else None,
        }
        return TemplateResponse(request, "letters/admin/deliveries_by_office.html", context)


@admin.register(OfficeRoute)
class OfficeRouteAdmin(admin.ModelAdmin):
    list_display = ["office_code", "channel_order", "email", "note"]
    search_fields = ["office_code", "note"]


@admin.register(OfficeReach)
class OfficeReachAdmin(admin.ModelAdmin):
    list_display = ["office_code", "campaign", "first_sent_at"]
    list_filter = ["campaign"]
