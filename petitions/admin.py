from django.contrib import admin

from campaigns.localized import fields_beside_translations
from images.forms import AltTextRequiredModelForm
from petitions.models import Petition, Signature


class PetitionInline(admin.StackedInline):
    model = Petition
    form = AltTextRequiredModelForm
    fields = fields_beside_translations(Petition, exclude=["campaign"])
    extra = 0
    max_num = 1


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["pk", "campaign", "state", "district", "source", "created_at"]
    list_filter = ["campaign"]
    raw_id_fields = ["supporter"]
    list_select_related = ["campaign"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
