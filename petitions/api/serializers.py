from rest_framework import serializers

from actioncenter.fastpaths import FieldsBuiltOncePerThread
from campaigns.api.serializers import CleanCharField
from campaigns.forms import ZIP_VALIDATOR


class SignatureInputSerializer(FieldsBuiltOncePerThread, serializers.Serializer):
    """A signature: the signer's name, email and ZIP, and what they agree to."""

    first_name = CleanCharField(max_length=100)
    last_name = CleanCharField(max_length=100)
    email = serializers.EmailField(max_length=254)
    zip_code = CleanCharField(max_length=10, validators=[ZIP_VALIDATOR])
    comment = CleanCharField(max_length=1000, required=False, allow_blank=True, default="")
    source = serializers.RegexField(
        r"^[A-Za-z0-9._-]*$", max_length=64, required=False, allow_blank=True, default=""
    )
    updates_opt_in = serializers.BooleanField(required=False, default=False)
    show_publicly = serializers.BooleanField(required=False, default=False)
    partner_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        default=list,
        max_length=20,
    )
    website_url = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Leave empty (spam trap)."
    )


class SignatureOutputSerializer(serializers.Serializer):
    status = serializers.CharField(help_text='Always "signed", a repeat included')
    detail = serializers.CharField()
