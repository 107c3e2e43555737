"""Staff views of call-ins and reported calls."""

from django.contrib import admin

from calls.models import CallAction, CallLog
from campaigns.localized import SPANISH_MERGE_FIELDS_HELP, fields_beside_translations
from campaigns.templating import merge_fields_help
from images.forms import AltTextRequiredModelForm


@admin.register(CallAction)
class CallActionAdmin(admin.ModelAdmin):
    form = AltTextRequiredModelForm
    list_display = ["campaign", "chambers", "is_active"]
    raw_id_fields = ["campaign"]
    fields = fields_beside_translations(CallAction)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "script" in form.base_fields:  # absent for read-only viewers
            form.base_fields["script"].help_text = merge_fields_help()
            form.base_fields["script_es"].help_text = SPANISH_MERGE_FIELDS_HELP
        return form


@admin.register(CallLog)
class CallLogAdmin(admin.ModelAdmin):
    list_display = ["office_code", "outcome", "state", "district", "created_at"]
    list_filter = ["outcome", "action__campaign"]
    date_hierarchy = "created_at"
