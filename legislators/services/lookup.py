"""Who represents a supporter: by ZIP code (crosswalk) or by street address (geocoder).

The one place pages, the API and the letter flow ask. Answers are honest about
uncertainty: a ZIP that spans districts lists every candidate and asks for a
street address. Results are cached; the address itself is never stored in the
database or written to logs (cache keys carry a hash of it, not the address).
"""

import hashlib
import logging
import math
import re
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actioncenter.caching import MISSING, ProcessCache
from actioncenter.exceptions import ApplicationError
from legislators.cache import data_version
from legislators.clients.breaker import CircuitBreaker
from legislators.clients.census_geocoder import (
    CensusGeocoderClient,
    GeocoderNoMatch,
    GeocoderUnavailable,
)
from legislators.models import DistrictOffice, Legislator
from legislators.selectors import current_members_for_seats, normalize_zip, zip_districts
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


@dataclass(frozen=True)
class DistrictCandidate:
    state: str
    district: int
    representative: Legislator | None  # None when the seat is vacant

    @property
    def state_name(self) -> str:
        return STATES_BY_CODE[self.state].name

    @property
    def member_title(self) -> str:
        return member_title(self.state)

    @property
    def label(self) -> str:
        if self.district == 0:
            return _("%(state)s (at-large)") % {"state": self.state_name}
        return _("%(state)s district %(district)s") % {
            "state": self.state_name,
            "district": self.district,
        }


@dataclass(frozen=True)
class LookupResult:
    """What the lookup knows. Model instances in it are shared: treat them as read-only."""

    precision: str  # "address" | "zip" | "none"
    certain: bool
    state: str | None
    district: int | None
    candidates: list[DistrictCandidate] = field(default_factory=list)
    senators: list[Legislator] = field(default_factory=list)
    senators_certain: bool = False
    representatives: list[Legislator] = field(default_factory=list)
    fell_back: bool = False
    # Machine-readable reason behind `message` (also returned by the API).
    code: str = "found"
    fallback_reason: str = ""
    zip_code: str = ""
    # bioguide_id → the member's district office nearest to the supporter, if any.
    nearest_offices: dict[str, DistrictOffice] = field(default_factory=dict)

    @property
    def states(self) -> list[str]:
        return sorted({candidate.state for candidate in self.candidates})

    @property
    def states_without_senators(self) -> list[str]:
        return [code for code in self.states if STATES_BY_CODE[code].senators == 0]

    @property
    def message(self) -> str:
        """A translated, human explanation (built in the language of the current request)."""
        parts = [_fallback_message(self.fallback_reason)] if self.fell_back else []
        parts.append(_main_message(self))
        for code in self.states_without_senators:
            facts = STATES_BY_CODE[code]
            parts.append(
                _(
                    "%(state)s has no senators: its %(title)s in the House is its only "
                    "member of Congress."
                )
                % {"state": facts.name, "title": member_title(code)}
            )
        return " ".join(part for part in parts if part)

    def members_if_certain(self) -> list[Legislator]:
        """The House member (if the seat is filled) and senators; raises unless certain."""
        if not self.certain:
            raise ApplicationError(self.message, code="district_uncertain")
        return [*self.representatives, *self.senators]


def member_title(state: str) -> str:
    """What the state's House member is called, translated."""
    titles = {
        "Delegate": _("Delegate"),
        "Resident Commissioner": _("Resident Commissioner"),
    }
    title = STATES_BY_CODE[state].house_member_title
    return titles.get(title, _("Representative"))


def _main_message(result: LookupResult) -> str:
    messages = {
        "invalid_zip": _("Enter a 5-digit ZIP code (like 20500) or a ZIP+4 (like 20500-0003)."),
        "non_us": _(
            "That looks like a postal code from outside the United States. Only U.S. "
            "addresses (including DC and the territories) have members of Congress."
        ),
        "unknown_zip": _(
            "We don't know the ZIP code %(zip)s. It may be used only for PO boxes or one "
            "organization. Please enter your street address instead."
        )
        % {"zip": result.zip_code},
        "address_not_found": _(
            "We couldn't find that address. Check it, or enter your ZIP code instead."
        ),
        "address_unavailable": _(
            "The address service is not answering right now. Please enter your ZIP code."
        ),
    }
    if result.code in messages:
        return messages[result.code]
    if result.certain:
        candidate = result.candidates[0]
        source = (
            _("Your street address is in %(seat)s.")
            if result.precision == "address"
            else _("Your ZIP code is entirely in %(seat)s.")
        )
        text = source % {"seat": candidate.label}
        if candidate.representative is None:
            text += " " + _("This seat is currently vacant.")
        return text
    count = len(result.candidates)
    if len(result.states) > 1:
        return _(
            "Your ZIP code crosses a state line: it includes parts of %(states)s and "
            "%(count)s congressional districts. Enter your street address to be sure who "
            "represents you."
        ) % {
            "states": _(" and ").join(STATES_BY_CODE[s].name for s in result.states),
            "count": count,
        }
    if result.precision == "zip":
        return ngettext(
            "Your ZIP code spans %(count)s congressional district. Enter your street address "
            "to be sure which one is yours.",
            "Your ZIP code spans %(count)s congressional districts. Enter your street address "
            "to be sure which one is yours.",
            count,
        ) % {"count": count}
    return ngettext(
        "Your location spans %(count)s congressional district. Enter your street address "
        "to be sure which one is yours.",
        "Your location spans %(count)s congressional districts. Enter your street address "
        "to be sure which one is yours.",
        count,
    ) % {"count": count}


def _fallback_message(reason: str) -> str:
    return {
        "po_box": _(
            "A PO box doesn't tell us where you live, so this answer comes from your ZIP "
            "code and is less precise."
        ),
        "no_match": _(
            "We couldn't match your street address, so this answer comes from your ZIP "
            "code and is less precise."
        ),
    }.get(
        reason,
        _(
            "The address service is not answering right now, so this answer comes from "
            "your ZIP code and is less precise."
        ),
    )


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


def lookup_by_zip(zip_code: str) -> LookupResult:
    """Members for a 5-digit ZIP or ZIP+4 from the crosswalk (cached)."""
    zip5, code = classify_zip_input(zip_code)
    if zip5 is None:
        return LookupResult(precision="none", certain=False, state=None, district=None, code=code)
    return _cached(f"zip:{zip5}", lambda: _compute_zip(zip5))


def _compute_zip(zip5: str) -> LookupResult:
    seats = zip_districts(zip5)
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


def _result_for_seats(
    seats: list[tuple[str, int]],
    *,
    precision: str,
    zip5: str | None = None,
    point: tuple[float, float] | None = None,
) -> LookupResult:
    states = sorted({state for state, _district in seats})
    members = list(current_members_for_seats(seats, states))
    house = {(m.state, m.district): m for m in members if m.chamber == Legislator.Chamber.HOUSE}
    senators = [m for m in members if m.chamber == Legislator.Chamber.SENATE]
    senators.sort(key=lambda m: (m.state, m.state_rank != "senior", m.last_name))
    candidates = [DistrictCandidate(s, d, house.get((s, d))) for s, d in sorted(seats)]
    certain = len(candidates) == 1
    return LookupResult(
        precision=precision,
        certain=certain,
        state=states[0] if len(states) == 1 else None,
        district=candidates[0].district if certain else None,
        candidates=candidates,
        senators=senators,
        senators_certain=len(states) == 1,
        representatives=[c.representative for c in candidates if c.representative],
        code="found" if certain else ("cross_state" if len(states) > 1 else "split"),
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
