"""POST /api/v1/campaigns/{slug}/letters and GET /api/v1/receipts/{token}."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from actioncenter.ratelimit import ApiThrottle, supporter_action_check
from campaigns.api.serializers import CleanCharField
from campaigns.forms import ZIP_VALIDATOR
from letters import flow
from letters.cwc_rules import ADDRESS_MIN_LENGTH, CITY_MIN_LENGTH, cwc_email
from letters.forms import PREFIXES, STATE_CHOICES
from letters.selectors import letter_get_for_receipt
from letters.services.receipts import (
    letter_receipt_resend,
    receipt_key_from_token,
    receipt_token,
    receipt_url,
)
from letters.services.submit import Draft, letter_submit


class DeliveryOutputSerializer(serializers.Serializer):
    office = serializers.CharField(source="office_code")
    recipient = serializers.CharField(source="office_name")
    chamber = serializers.CharField()
    status = serializers.CharField(help_text="queued, sending, sent, failed or needs_manual")
    status_label = serializers.CharField(source="get_status_display")
    channel = serializers.CharField()
    sent_at = serializers.DateTimeField(allow_null=True)
    contact_form_url = serializers.CharField(source="office_contact_url")
    phone = serializers.CharField(source="office_phone")


class ReceiptOutputSerializer(serializers.Serializer):
    token = serializers.CharField()
    receipt_url = serializers.CharField()
    campaign = serializers.CharField()
    created = serializers.BooleanField()
    written_at = serializers.DateTimeField()
    deliveries = DeliveryOutputSerializer(many=True)


class RepeatOutputSerializer(serializers.Serializer):
    created = serializers.BooleanField(help_text="Always false: nothing new was recorded.")
    detail = serializers.CharField()


def receipt_payload(request, letter, *, created: bool) -> dict:
    return {
        "token": receipt_token(letter),
        "receipt_url": request.build_absolute_uri(receipt_url(letter)),
        "campaign": letter.campaign.slug,
        "created": created,
        "written_at": letter.created_at,
        "deliveries": list(letter.deliveries.all()),
    }


REPEAT_DETAIL = _(
    "A letter from this email address is already on its way. "
    "We emailed the link to its receipt to that address."
)


class LetterCreateApi(APIView):
    """Write to Congress for a supporter; returns the receipt and one delivery per office.

    A supporter writes one letter per campaign. A repeat with the same email (whatever
    the other fields say) records nothing, answers 202 without the receipt, and emails
    the link to the receipt to that address: knowing someone's email must not show their
    letter.
    """

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ApiThrottle]
    throttle_scope = "action_submit"

    class InputSerializer(serializers.Serializer):
        prefix = serializers.ChoiceField(choices=PREFIXES)
        first_name = CleanCharField(max_length=100)
        last_name = CleanCharField(max_length=100)
        email = serializers.EmailField(max_length=254, validators=[cwc_email])
        phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
        address1 = CleanCharField(min_length=ADDRESS_MIN_LENGTH, max_length=200)
        address2 = CleanCharField(max_length=200, required=False, allow_blank=True)
        city = CleanCharField(min_length=CITY_MIN_LENGTH, max_length=100)
        state = serializers.ChoiceField(choices=[c for c in STATE_CHOICES if c[0]])
        zip_code = serializers.CharField(max_length=10, validators=[ZIP_VALIDATOR])
        personal_note = CleanCharField(max_length=5000, required=False, allow_blank=True)
        response_requested = serializers.BooleanField(
            required=False, default=False, help_text="The supporter would like a reply."
        )
        letter = CleanCharField(
            max_length=9000,
            required=False,
            allow_blank=True,
            help_text="The edited letter text, when the campaign allows editing.",
        )
        source = serializers.CharField(max_length=64, required=False, allow_blank=True)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: ReceiptOutputSerializer,
            202: OpenApiResponse(
                RepeatOutputSerializer, "A letter from this email was already recorded"
            ),
        },
        operation_id="letter_create",
        tags=["letters"],
    )
    def post(self, request, slug: str):
        _campaign, action = flow.action_for(slug)
        body = request.data if isinstance(request.data, dict) else {}
        email = body.get("email") if isinstance(body.get("email"), str) else ""
        supporter_action_check(request, scope="letter", email=email)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        address = {
            "street": values["address1"],
            "city": values["city"],
            "state": values["state"],
            "zip_code": values["zip_code"],
        }
        state = flow.address_step(action, address)
        state = flow.draft_step(
            action,
            state,
            {
                "edited_template": values.get("letter", ""),
                "personal_note": values.get("personal_note", ""),
            },
        )
        letter, created = letter_submit(
            action=action,
            sender=flow.sender(values),
            draft=Draft(state.edited_template, state.personal_note),
            recipients=flow.recipients(state),
            district=state.district,
            source=values.get("source", "") or "api",
        )
        if not created:
            letter_receipt_resend(letter=letter)
            body = {"created": False, "detail": str(REPEAT_DETAIL)}
            return Response(RepeatOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED)
        letter = letter_get_for_receipt(letter_id=letter.pk)
        body = ReceiptOutputSerializer(receipt_payload(request, letter, created=True)).data
        return Response(body, status=status.HTTP_201_CREATED)


class ReceiptGetApi(APIView):
    """Per-office delivery status of one letter, by its receipt token."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ApiThrottle]
    throttle_scope = "action_submit"

    @extend_schema(
        responses={200: ReceiptOutputSerializer}, operation_id="receipt_get", tags=["letters"]
    )
    def get(self, request, token: str):
        key = receipt_key_from_token(token)
        letter = letter_get_for_receipt(receipt_key=key) if key else None
        if letter is None:
            raise Http404
        return Response(
            ReceiptOutputSerializer(receipt_payload(request, letter, created=False)).data
        )
