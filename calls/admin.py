"""Staff views of call-ins and reported calls."""

from django.contrib import admin

from calls.models import CallAction, CallLog
from campaigns.templating import merge_fields_help


@admin.register(CallAction)
class CallActionAdmin(admin.ModelAdmin):
    list_display = ["campaign", "chambers", "is_active"]
    raw_id_fields = ["campaign"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "script" in form.base_fields:  # absent for read-only viewers
            form.base_fields["script"].help_text = merge_fields_help()
        return form


@admin.register(CallLog)
class CallLogAdmin(admin.ModelAdmin):
    list_display = ["office_code", "outcome", "state", "district", "created_at"]
    list_filter = ["outcome", "action__campaign"]
    date_hierarchy = "created_at"
