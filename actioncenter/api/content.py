"""Content negotiation and JSON parsing for the API, with shortcuts for the usual request.

Nearly every call is a JSON body answered in JSON: DRF's general negotiation parses media
types (Accept, Content-Type, each renderer's and parser's own) on every request, and its
JSON parser decodes through a stream reader. On the public signature endpoint the two
together cost about as much CPU as validating the input. The shortcuts below decide those
usual requests by string comparison and hand every other request to DRF unchanged.
"""

from rest_framework.exceptions import ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.utils import json

# Accept values a JSON-only API answers with its one renderer, as DRF's negotiation would.
ANY_OR_JSON = frozenset(("", "*/*", "application/json"))


class UsualRequestNegotiation(DefaultContentNegotiation):
    def select_parser(self, request, parsers):
        # An exact match with the first parser is the one DRF's media-type matching picks.
        if parsers and parsers[0].media_type == request.content_type:
            return parsers[0]
        return super().select_parser(request, parsers)

    def select_renderer(self, request, renderers, format_suffix=None):
        meta = request.META
        usual = (
            len(renderers) == 1
            and not format_suffix
            and not meta.get("QUERY_STRING")  # no ?format= override to honour
            and meta.get("HTTP_ACCEPT", "").strip() in ANY_OR_JSON
            and renderers[0].media_type == "application/json"
        )
        if usual:
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)


class BodyJSONParser(JSONParser):
    """DRF's JSONParser, decoding the body (already read and size-checked) in one call."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        parse_constant = json.strict_constant if self.strict else None
        try:
            return json.loads(stream.read().decode(encoding), parse_constant=parse_constant)
        except ValueError as exc:  # a UnicodeDecodeError is a ValueError too
            raise ParseError(f"JSON parse error - {exc}") from exc
