"""The answer for a ZIP as the API and the page send it, and how HTTP caches may keep it.

Answers come from the set the last import prepared (`legislators.prepared`). Before any
import has prepared one (a new database, or rows written another way, as in tests), they
are built from the tables as they always were, and kept per process by data version.

HTTP caching: a ZIP answer is public data (who represents a ZIP, the same for everyone),
so browsers and shared caches may keep it for `MAX_AGE` seconds and then revalidate with
its strong ETag. The ZIP is in the URL and so in what a shared cache keys and may log; a
ZIP names an area of thousands of people, not a person, which is why the API takes it in
the query string while street addresses are only ever POSTed by the page. Answers differ
by language, chosen by LocaleMiddleware from the language cookie or Accept-Language: the
response varies on both, and the ETag names the language and the answer set.

Compression: an answer is a few kilobytes of JSON, on supporters' phones often over slow
or metered connections, so a client that accepts gzip gets it gzipped (about a fifth of
the bytes), compressed once per process and answer and then kept. The gzipped bytes are
another representation, so they carry their own strong ETag (`…-gz"`).
"""

from __future__ import annotations

import gzip
import hashlib
from typing import NamedTuple

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags
from django.utils.translation import get_language
from rest_framework.renderers import JSONRenderer

from actioncenter.caching import MISSING, ProcessCache
from legislators.api.serializers import LookupResultSerializer
from legislators.cache import data_version
from legislators.prepared import (
    NO_BOOK,
    Answer,
    answer_book,
    answer_book_for,
    current_answer_book,
)
from legislators.selectors import normalize_zip, zip_districts_and_answer_version
from legislators.services.lookup import lookup_by_zip

MAX_AGE = 3600
VARY = "Accept-Language, Cookie, Accept-Encoding"
GZIP_FROM_BYTES = 1024  # smaller answers (an unknown ZIP's error) gain nothing
_gzipped = ProcessCache("legislators.gzipped-answers", size=8192)


def zip_answer(zip_code: str) -> Answer:
    """The answer for a well-formed ZIP or ZIP+4, in the language of the current request."""
    zip5 = normalize_zip(zip_code)
    book, districts = answer_book(), None
    if book is MISSING:
        districts, version = zip_districts_and_answer_version(zip5)
        book = answer_book_for(version)
    if book is not NO_BOOK:
        return book.zip_answer(zip5, get_language())
    body = _table_answer(zip5, districts)
    digest = hashlib.blake2b(body, digest_size=16).hexdigest()
    return Answer(body, f'"t.{get_language()}.{digest}"')


def address_answer(result) -> bytes:
    """The answer for a street address placed in one district: the prepared fragments of
    that district with the member's office nearest to the address. Answers that fell back
    to the ZIP, or with no prepared set, are rendered from `result`."""
    book = current_answer_book() if result.precision == "address" else NO_BOOK
    if book is not NO_BOOK:
        offices = result.nearest_offices
        body = book.seats_answer(
            [(candidate.state, candidate.district) for candidate in result.candidates],
            precision="address",
            language=get_language(),
            office_for=lambda bioguide: (
                f"office:{offices[bioguide].office_id}" if bioguide in offices else None
            ),
        )
        if body is not None:
            return body
    return render_lookup(result)


def render_lookup(result) -> bytes:
    """A LookupResult as the API's JSON."""
    data = LookupResultSerializer(result, context={"nearest_offices": result.nearest_offices}).data
    return JSONRenderer().render(data)


_table_answers = ProcessCache("legislators.zip-payloads", size=4096)


def _table_answer(zip5: str, districts) -> bytes:
    version = data_version()
    if version is None:  # the cache keeps nothing: neither may this process
        return render_lookup(lookup_by_zip(zip5, districts=districts))
    return _table_answers.get_or_set(
        (zip5, get_language()),
        lambda: render_lookup(lookup_by_zip(zip5, districts=districts)),
        version=version,
        ttl=settings.LOOKUP_CACHE_SECONDS,
    )


class Representation(NamedTuple):
    """An answer as one client takes it: the bytes to send, their ETag, their encoding,
    and the ETag of the other representation (an If-None-Match may name either)."""

    body: bytes
    etag: str | None
    encoding: str
    other_etag: str | None


# The representations of the current set's answers, so a ZIP asked again (a launch spike
# asks the same few thousand) costs a dictionary lookup. Keyed by the ZIP as asked and
# the request's language, for the set's version: a new set starts afresh.
_ready = ProcessCache("legislators.ready-answers", size=4096)


def zip_response(request, zip_code: str) -> HttpResponse:
    """The response for a well-formed ZIP or ZIP+4: 200 with the answer, gzipped when the
    client takes it, or 304 when the client's copy (If-None-Match) is this answer."""
    gzipped = _accepts_gzip(request)
    book = answer_book()
    if book is MISSING or book is NO_BOOK:
        return representation_response(request, representation(zip_answer(zip_code), gzipped))
    key = (zip_code, get_language(), gzipped)
    ready = _ready.get(key, version=book.version)
    if ready is MISSING:
        ready = representation(zip_answer(zip_code), gzipped)
        _ready.set(key, ready, version=book.version)
    return representation_response(request, ready)


def representation(answer: Answer, gzipped: bool) -> Representation:
    if not gzipped or len(answer.body) < GZIP_FROM_BYTES:
        return Representation(answer.body, answer.etag, "", None)
    etag = f'{answer.etag[:-1]}-gz"' if answer.etag else ""
    body = _gzipped.get_or_set(etag or answer.body, lambda: gzip.compress(answer.body, 6, mtime=0))
    return Representation(body, etag, "gzip", answer.etag)


def representation_response(request, ready: Representation) -> HttpResponse:
    etags = (ready.etag, ready.other_etag)
    if ready.etag and _matches(request.META.get("HTTP_IF_NONE_MATCH", ""), etags):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(ready.body, content_type="application/json")
        if ready.encoding:
            response["Content-Encoding"] = ready.encoding
    if ready.etag:
        response["ETag"] = ready.etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Vary"] = VARY
    return response


def _accepts_gzip(request) -> bool:
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return "gzip" in accepted and "gzip;q=0" not in accepted.replace(" ", "")


def _matches(header: str, etags: tuple[str, ...]) -> bool:
    if not header:
        return False
    # If-None-Match compares weakly: W/"x" names the same answer as "x".
    tags = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in tags or bool(tags.intersection(etags))
