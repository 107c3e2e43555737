"""Staff API tokens: `Authorization: Token <key>`, or OSDI's own `OSDI-API-Token: <key>`."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import TokenAuthentication


class OSDITokenAuthentication(TokenAuthentication):
    """The same staff tokens, also accepted in the header OSDI clients send."""

    header = "HTTP_OSDI_API_TOKEN"

    def authenticate(self, request):
        key = request.META.get(self.header, "").strip()
        if not key:
            return super().authenticate(request)
        return self.authenticate_credentials(key)

    def authenticate_header(self, request) -> str:
        return "OSDI-API-Token"


class OSDITokenScheme(OpenApiAuthenticationExtension):
    target_class = "integrations.osdi.authentication.OSDITokenAuthentication"
    name = "osdiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "OSDI-API-Token"}
