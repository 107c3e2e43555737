"""POST /api/v1/campaigns/{slug}/signatures: sign from a partner's own form."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from actioncenter.ratelimit import supporter_action_allowed
from campaigns.api.views import TAGS, PublicApi
from campaigns.selectors import campaign_get_for_action
from petitions.api.serializers import SignatureInputSerializer, SignatureOutputSerializer
from petitions.services import signature_create


class SignatureCreateApi(PublicApi):
    """Sign a campaign's petition from a partner's own form (CORS allow-list applies)."""

    throttle_scope = "action_submit"

    @extend_schema(
        tags=TAGS,
        operation_id="campaigns_signatures_create",
        summary="Sign the petition",
        request=SignatureInputSerializer,
        responses={
            201: OpenApiResponse(
                SignatureOutputSerializer,
                "Received. A repeat with the same email gets the same answer and is not "
                "counted again, so the answer never tells whether an email had signed.",
            ),
            400: OpenApiResponse(description="Invalid data"),
            404: OpenApiResponse(description="No such campaign"),
            409: OpenApiResponse(description="Campaign or petition closed"),
            429: OpenApiResponse(description="Too many attempts"),
        },
    )
    def post(self, request, slug):
        campaign = campaign_get_for_action(slug)
        if campaign is None:
            raise Http404
        data = request.data if isinstance(request.data, dict) else {}
        email = data.get("email") if isinstance(data.get("email"), str) else ""
        if not supporter_action_allowed(request, scope="petition", email=email[:254], data=data):
            return self._received()
        serializer = SignatureInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("website_url", None)
        signature_create(campaign=campaign, **fields)
        return self._received()

    def _received(self) -> Response:
        # The same for a first signature, a repeat and a robot: nothing to learn from it.
        body = {"status": "signed", "detail": _("Thank you for signing!")}
        return Response(body, status=status.HTTP_201_CREATED)
