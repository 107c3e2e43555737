"""Who represents a supporter: by ZIP code (crosswalk) or by street address (geocoder).

The one place pages, the API and the letter flow ask. Answers are honest about
uncertainty: a ZIP that spans districts lists every candidate and asks for a
street address. Results are cached; the address itself is never stored in the
database or written to logs (cache keys carry a hash of it, not the address).
"""

import datetime as dt
import hashlib
import logging
import math
import re
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from actioncenter.caching import MISSING, ProcessCache
from legislators.cache import data_version
from legislators.clients.breaker import CircuitBreaker
from legislators.clients.census_geocoder import (
    CensusGeocoderClient,
    GeocoderNoMatch,
    GeocoderUnavailable,
)
from legislators.models import DistrictOffice
from legislators.selectors import (
    crosswalk_loaded,
    current_members_for_seats,
    normalize_zip,
    zip_districts,
)
from legislators.services.answers import LookupResult, result_for_members
from legislators.states import STATES_BY_CODE, territory_for_zip

logger = logging.getLogger(__name__)

PO_BOX_RE = re.compile(r"\b(p\.?\s*o\.?\s*box|post\s+office\s+box)\b", re.IGNORECASE)
TRAILING_ZIP_RE = re.compile(r"\b(\d{5})(?:-\d{4})?\s*$")
# Shapes of postal codes used elsewhere (Canada, UK, most of Europe/Asia).
NON_US_RE = re.compile(
    r"^([A-Z]\d[A-Z][ -]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{6}|\d{3}-\d{4}"
    r"|[A-Z]{1,2}-?\d{4,5}|\d{2}-\d{3})$",
    re.IGNORECASE,
)
LOCAL_MEMO_SIZE = 4096


# --- By ZIP -------------------------------------------------------------------

_memo = ProcessCache("legislators.lookups", size=LOCAL_MEMO_SIZE)


def _cached(key: str, compute) -> LookupResult:
    """Per-process memo first, then the shared Django cache, then compute.

    Both are keyed by the data version, which each import bumps, so an answer
    never outlives the data it came from.
    """
    version = data_version()
    if version is None:
        return compute()
    result = _memo.get(key, version=version)
    if result is not MISSING:
        return result
    shared_key = f"legislators:lookup:{version}:{key}"
    result = cache.get(shared_key)
    if result is None:
        result = compute()
        cache.set(shared_key, result, timeout=settings.LOOKUP_CACHE_SECONDS)
    _memo.set(key, result, version=version, ttl=settings.LOOKUP_CACHE_SECONDS)
    return result


def classify_zip_input(value: str) -> tuple[str | None, str]:
    """(5-digit ZIP or None, code): code is "ok", "non_us" or "invalid_zip"."""
    zip5 = normalize_zip(value)
    if zip5:
        return zip5, "ok"
    text = (value or "").strip()
    if NON_US_RE.match(text):
        return None, "non_us"
    return None, "invalid_zip"


def lookup_by_zip(zip_code: str, *, districts: list[tuple[str, int]] | None = None) -> LookupResult:
    """Members for a 5-digit ZIP or ZIP+4 from the crosswalk (cached).

    `districts` are the ZIP's crosswalk districts when the caller has read them already.
    """
    zip5, code = classify_zip_input(zip_code)
    if zip5 is None:
        return LookupResult(precision="none", certain=False, state=None, district=None, code=code)
    return _cached(f"zip:{zip5}", lambda: _compute_zip(zip5, districts))


def _compute_zip(zip5: str, districts: list[tuple[str, int]] | None = None) -> LookupResult:
    seats = zip_districts(zip5) if districts is None else districts
    if not seats and not crosswalk_loaded():
        return LookupResult(
            precision="none", certain=False, state=None, district=None, code="not_ready"
        )
    if not seats:
        territory = territory_for_zip(zip5)
        if territory is None:
            return LookupResult(
                precision="none",
                certain=False,
                state=None,
                district=None,
                code="unknown_zip",
                zip_code=zip5,
            )
        seats = [(territory, 0)]
    return replace(_result_for_seats(seats, precision="zip", zip5=zip5), zip_code=zip5)


def lookup_by_chosen_seat(zip_code: str, *, state: str, district: int) -> LookupResult | None:
    """The members of one of a ZIP's districts, chosen by the supporter when neither the
    ZIP nor the address service settles it; None unless the seat is one of the ZIP's."""
    by_zip = lookup_by_zip(zip_code)
    if (state, district) not in {(c.state, c.district) for c in by_zip.candidates}:
        return None
    zip5 = normalize_zip(zip_code)
    result = _result_for_seats([(state, district)], precision="chosen", zip5=zip5)
    return replace(result, zip_code=zip5 or "")


def _result_for_seats(
    seats: list[tuple[str, int]],
    *,
    precision: str,
    zip5: str | None = None,
    point: tuple[float, float] | None = None,
) -> LookupResult:
    states = sorted({state for state, _district in seats})
    members = list(current_members_for_seats(seats, states))
    return replace(
        result_for_members(seats, members, precision=precision),
        nearest_offices={
            m.bioguide_id: office
            for m in members
            if (office := nearest_office(list(m.offices.all()), point=point, zip5=zip5))
        },
    )


def nearest_office(
    offices: list[DistrictOffice],
    *,
    point: tuple[float, float] | None = None,
    zip5: str | None = None,
) -> DistrictOffice | None:
    """The office closest to `point` (lat, lon), else the one whose ZIP is closest to zip5."""
    offices = [office for office in offices if office.phone] or offices
    if not offices:
        return None
    located = [o for o in offices if o.latitude is not None and o.longitude is not None]
    if point and located:
        lat, lon = point
        scale = math.cos(math.radians(lat)) ** 2
        return min(
            located, key=lambda o: (o.latitude - lat) ** 2 + scale * (o.longitude - lon) ** 2
        )
    if zip5:

        def distance(office: DistrictOffice) -> tuple:
            other = office.zip_code[:5]
            gap = abs(int(other) - int(zip5)) if other.isdigit() else 10**6
            return (other[:3] != zip5[:3], gap)

        return min(offices, key=distance)
    return offices[0]


# --- By street address ---------------------------------------------------------------


def geocoder_client() -> CensusGeocoderClient:
    return CensusGeocoderClient(
        base_url=settings.CENSUS_GEOCODER_BASE_URL,
        benchmark=settings.CENSUS_GEOCODER_BENCHMARK,
        vintage=settings.CENSUS_GEOCODER_VINTAGE,
        layers=settings.CENSUS_GEOCODER_LAYERS,
        total_timeout=settings.CENSUS_GEOCODER_TIMEOUT_SECONDS,
    )


def geocoder_breaker() -> CircuitBreaker:
    return CircuitBreaker(
        "census-geocoder",
        failures=settings.GEOCODER_BREAKER_FAILURES,
        cooldown=settings.GEOCODER_BREAKER_COOLDOWN_SECONDS,
    )


def lookup_by_address(
    *, street: str, city: str = "", state: str = "", zip_code: str = ""
) -> LookupResult:
    """Members for a street address via the Census Geocoder, falling back to the ZIP.

    `street` alone may be a whole one-line address. On a geocoder timeout, 5xx,
    open circuit breaker, no match or a PO box, the ZIP answer is returned with
    `fell_back=True`. Nothing about the address is stored or logged.
    """
    street, city, state = street.strip(), city.strip(), state.strip().upper()
    zip5 = normalize_zip(zip_code) or _trailing_zip(street)
    if not street:
        return lookup_by_zip(zip_code) if zip_code else _not_found()
    if PO_BOX_RE.search(street):
        return _fall_back(zip5, "po_box")
    breaker = geocoder_breaker()
    if breaker.is_open():
        return _fall_back(zip5, "unavailable")
    digest = hashlib.sha256("\x1f".join([street.lower(), city.lower(), state, zip5 or ""]).encode())
    key = f"address:{digest.hexdigest()}"
    version = data_version()
    if version is not None:
        hit = _memo.get(key, version=version)
        if hit is MISSING:
            hit = cache.get(f"legislators:lookup:{version}:{key}")
        if hit is not None:
            return hit
    try:
        answer = _geocode(street, city, state, zip5 or "")
    except GeocoderUnavailable:
        breaker.record_failure()
        logger.warning("census geocoder unavailable; answering from the ZIP code")
        return _fall_back(zip5, "unavailable")
    except GeocoderNoMatch:
        breaker.record_success()
        return _fall_back(zip5, "no_match")
    breaker.record_success()
    if _stale(answer):
        return _fall_back(zip5, "stale_districts")
    seats = [(d.state, d.district) for d in answer.districts if d.state in STATES_BY_CODE]
    if not seats and len(answer.states) == 1 and STATES_BY_CODE.get(answer.states[0]):
        facts = STATES_BY_CODE[answer.states[0]]
        if facts.at_large:  # one seat: the state alone settles it
            seats = [(facts.code, 0)]
    if not seats:
        return _fall_back(zip5, "no_match")
    result = _result_for_seats(seats, precision="address", zip5=zip5, point=answer.coordinates)
    if version is not None:
        cache.set(f"legislators:lookup:{version}:{key}", result, settings.LOOKUP_CACHE_SECONDS)
        _memo.set(key, result, version=version, ttl=settings.LOOKUP_CACHE_SECONDS)
    return result


STALE_FLAG_KEY = "legislators:geocoder-stale"
STALE_FLAG_SECONDS = 24 * 3600


def current_congress(today: dt.date | None = None) -> int:
    """The Congress in session (CURRENT_CONGRESS, else from the date: each begins on
    January 3 of an odd year, the 1st in 1789)."""
    if settings.CURRENT_CONGRESS:
        return settings.CURRENT_CONGRESS
    today = today or timezone.localdate()
    year = today.year - (1 if today.year % 2 == 1 and today < dt.date(today.year, 1, 3) else 0)
    return (year - 1789) // 2 + 1


def _stale(answer) -> bool:
    """The geocoder answered with the districts of an earlier Congress (its vintage is out
    of date): they may not be today's, so the ZIP answers instead, and /healthz says so."""
    congresses = [d.congress for d in answer.districts if d.congress]
    if not congresses or min(congresses) >= current_congress():
        return False
    logger.warning(
        "census geocoder answered with old district maps; answering from the ZIP code",
        extra={"count": min(congresses)},
    )
    cache.set(STALE_FLAG_KEY, min(congresses), STALE_FLAG_SECONDS)
    return True


def geocoder_health() -> str:
    """ "ok", or "stale" when the geocoder lately answered with an earlier Congress's maps."""
    return "stale" if cache.get(STALE_FLAG_KEY) else "ok"


def _geocode(street: str, city: str, state: str, zip5: str):
    client = geocoder_client()
    if city or state or zip5:
        return client.geographies_address(street=street, city=city, state=state, zip_code=zip5)
    return client.geographies_onelineaddress(street)


def _trailing_zip(street: str) -> str | None:
    match = TRAILING_ZIP_RE.search(street)
    return match.group(1) if match else None


def _not_found(code: str = "address_not_found") -> LookupResult:
    return LookupResult(precision="none", certain=False, state=None, district=None, code=code)


def _fall_back(zip5: str | None, reason: str) -> LookupResult:
    if not zip5:
        return _not_found("address_unavailable" if reason == "unavailable" else "address_not_found")
    return replace(lookup_by_zip(zip5), fell_back=True, fallback_reason=reason)
