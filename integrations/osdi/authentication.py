"""Staff API tokens: `Authorization: Token <key>`, or OSDI's own `OSDI-API-Token: <key>`."""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed


class OSDITokenAuthentication(TokenAuthentication):
    """The same staff tokens, also accepted in the header OSDI clients send."""

    header = "HTTP_OSDI_API_TOKEN"

    def authenticate(self, request):
        key = request.META.get(self.header, "").strip()
        if not key:
            return super().authenticate(request)
        found = self.authenticate_credentials(key)
        if get_authorization_header(request):
            # Both headers: the same valid token in each, or neither counts.
            other = super().authenticate(request)  # raises for an unknown token
            if other is None or other[1].key != found[1].key:
                raise AuthenticationFailed(_("Send one token, in one header."))
        return found

    def authenticate_header(self, request) -> str:
        return "OSDI-API-Token"


class OSDITokenScheme(OpenApiAuthenticationExtension):
    target_class = "integrations.osdi.authentication.OSDITokenAuthentication"
    name = "osdiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "OSDI-API-Token"}
