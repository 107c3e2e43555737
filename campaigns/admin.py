from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from actioncenter.exceptions import ApplicationError
from campaigns import kinds
from campaigns.forms import SensitivityField
from campaigns.localized import TRANSLATIONS, fields_beside_translations
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
from campaigns.selectors import campaign_translation_checklist
from campaigns.services.campaigns import (
    campaign_sensitivity_record,
    campaign_translation_publish,
    campaign_translation_withdraw,
)
from images.forms import AltTextRequiredMixin


class OrderedInline(admin.StackedInline):
    extra = 0
    ordering = ["position", "pk"]


class PartnerInline(OrderedInline):
    model = Partner
    fields = fields_beside_translations(Partner, exclude=["campaign"])


class TestimonialInline(OrderedInline):
    model = Testimonial
    fields = fields_beside_translations(Testimonial, exclude=["campaign"])


class FactInline(OrderedInline):
    model = Fact
    fields = fields_beside_translations(Fact, exclude=["campaign"])


class ResourceInline(OrderedInline):
    model = Resource
    fields = fields_beside_translations(Resource, exclude=["campaign"])


def _status_action(status: str, label):
    """A lifecycle move asked from the list: it opens the move's confirmation page (what
    changes for supporters and, before publishing, the checklist), one campaign at a time."""

    def action(modeladmin, request, queryset):
        campaigns = list(queryset[:2])
        if len(campaigns) != 1:
            modeladmin.message_user(
                request,
                _("Choose one campaign: each move is confirmed on its own page."),
                messages.WARNING,
            )
            return None
        return redirect("staff:campaign-status", slug=campaigns[0].slug, status=status)

    action.__name__ = f"set_status_{status}"
    action.short_description = label
    return action


class CampaignAdminForm(AltTextRequiredMixin, forms.ModelForm):
    """A new campaign must say whether it is sensitive: nobody gets it by default."""

    sensitive = SensitivityField()

    # No Meta: the admin builds it with the model and every field of its page.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answer = self.instance.sensitive  # an existing campaign shows its answer, if any
        self.initial["sensitive"] = "" if answer is None else str(answer)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    list_display = ["title", "slug", "status", "featured", "goal", "created_at"]
    list_filter = ["status", "featured", "sensitive"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "spanish_version"]
    # Published translations change only through the button of "Spanish version".
    fields = [
        *fields_beside_translations(Campaign, exclude=["published_translations"]),
        "spanish_version",
    ]
    inlines = [PartnerInline, TestimonialInline, FactInline, ResourceInline]
    actions = [
        _status_action(Campaign.Status.LIVE, _("Publish (make live)…")),
        _status_action(Campaign.Status.WON, _("Mark as won…")),
        _status_action(Campaign.Status.CLOSED, _("Close…")),
        _status_action(Campaign.Status.ARCHIVED, _("Archive…")),
    ]
    # Adds "Preview as a supporter" next to "History" for those who may preview.
    change_form_template = "campaigns/admin/campaign_change_form.html"

    def get_inlines(self, request, obj):
        """Each action kind's settings (those edited on the campaign's own page), then
        content. Read on each request: the admin is loaded before the kinds register."""
        configs = [kind.admin_inline for kind in kinds.all_kinds() if kind.admin_inline]
        return [*configs, *self.inlines]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "sensitive" in form.changed_data:  # the form requires the answer
            campaign_sensitivity_record(campaign=obj, actor=request.user)

    def view_on_site(self, obj):
        # Supporters cannot open a draft: the preview link stands in for it.
        return obj.get_absolute_url() if obj.status in Campaign.PUBLIC_STATUSES else None

    @admin.display(description=_("Spanish version"))
    def spanish_version(self, obj):
        """Whether Spanish is published, what still lacks its Spanish text, and the button
        that saves the page and publishes (or withdraws) the Spanish version."""
        if obj is None or obj.pk is None:
            return _("Save the campaign first; then fill in its Spanish texts and publish them.")
        items = campaign_translation_checklist(obj, "es")
        if obj.publishes("es"):
            status = _("Published in Spanish: readers of the Spanish site see the campaign in it.")
            button = ("_withdraw_es", _("Save and withdraw the Spanish version"))
        else:
            status = _(
                "Not published in Spanish: readers of the Spanish site see the campaign in "
                "English, with a note."
            )
            button = ("_publish_es", _("Save and publish in Spanish"))
        rows = format_html_join(
            "",
            "<li>{}: {}</li>",
            (
                (item.label, _("Missing: %(fields)s") % {"fields": ", ".join(item.missing)})
                if item.missing
                else (item.label, _("complete"))
                for item in items
            ),
        )
        return format_html(
            '<p>{}</p><ul class="translation-checklist">{}</ul>'
            '<p><button type="submit" class="button" name="{}" value="1">{}</button></p>',
            status,
            rows,
            *button,
        )

    def response_change(self, request, obj):
        """After the page is saved: publish or withdraw a translation when its button was
        pressed, and say so when a published one lacks some texts."""
        for language in TRANSLATIONS:
            if f"_publish_{language}" in request.POST:
                return self._translation_change(
                    request, obj, campaign_translation_publish, language
                )
            if f"_withdraw_{language}" in request.POST:
                return self._translation_change(
                    request, obj, campaign_translation_withdraw, language
                )
        self._warn_incomplete(request, obj)
        return super().response_change(request, obj)

    def _translation_change(self, request, obj, service, language):
        try:
            service(campaign=obj, language=language, actor=request.user)
        except ApplicationError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            done = (
                _("Published in Spanish.") if obj.publishes(language) else _("Spanish withdrawn.")
            )
            self.message_user(request, done, messages.SUCCESS)
        return redirect(reverse("admin:campaigns_campaign_change", args=[obj.pk]))

    def _warn_incomplete(self, request, obj) -> None:
        if obj.publishes("es") and obj.language != "es":
            missing = [
                item.label for item in campaign_translation_checklist(obj, "es") if item.missing
            ]
            if missing:
                message = _(
                    "Published in Spanish, but these have no Spanish version yet, so readers "
                    "of the Spanish site see them in English: %(missing)s."
                )
                self.message_user(
                    request, message % {"missing": "; ".join(missing)}, messages.WARNING
                )

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
