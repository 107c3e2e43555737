"""U.S. Census Geocoder client (`geographies` endpoints): address → state and district.

Knows HTTP and the wire format only. Every call is bounded by a total time
budget shared by all attempts; transient failures (connection errors,
timeouts, 5xx) are retried while the budget lasts.

It asks only for the layers the lookup reads: the congressional districts and the
states (layer ids of the vintage's TIGERweb map service; `layers`). Layer ids are the
map service's, not the geocoder's own: should an answer come back with no
congressional-district layer at all (the ids moved with a new vintage), the client asks
once more for every layer, within the same time budget, and logs it, rather than let
every address fall back to its ZIP code.
"""

import logging
import re
import time
from dataclasses import dataclass

import requests

from legislators.states import STATES

CD_LAYER_RE = re.compile(r"^(\d+)(?:st|nd|rd|th) Congressional Districts$")
CD_FIELD_RE = re.compile(r"^CD\d+$")
# TIGER codes: "00" at-large, "98" delegate / resident commissioner; stored as 0.
AT_LARGE_CODES = {"00": 0, "98": 0}
FIPS_TO_STATE = {state.fips: state.code for state in STATES}
# tigerWMS_Current (vintage Current_Current): 54 congressional districts, 80 states.
DEFAULT_LAYERS = "54,80"

logger = logging.getLogger(__name__)


class GeocoderError(Exception):
    """Base class of the client's errors."""


class GeocoderUnavailable(GeocoderError):
    """The service did not answer usefully: timeout, connection error, 5xx, bad body."""


class GeocoderNoMatch(GeocoderError):
    """The service answered but found no address, or no district for it."""


@dataclass(frozen=True)
class GeocodedDistrict:
    state: str  # USPS code from the geography layers, not from the typed address
    district: int  # 0 = at-large or delegate
    congress: int | None  # the Congress number of the district layer, e.g. 119


@dataclass(frozen=True)
class GeocodeResult:
    """Distinct districts of every address match (usually exactly one)."""

    districts: tuple[GeocodedDistrict, ...]
    states: tuple[str, ...]  # states of matches, even when their district layer failed
    coordinates: tuple[float, float] | None = None  # (latitude, longitude) of the first match


class CensusGeocoderClient:
    def __init__(
        self,
        *,
        base_url: str,
        benchmark: str = "Public_AR_Current",
        vintage: str = "Current_Current",
        layers: str = DEFAULT_LAYERS,
        total_timeout: float = 4.0,
        max_attempts: int = 2,
        session: requests.Session | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.benchmark = benchmark
        self.vintage = vintage
        self.layers = layers or "all"
        self.total_timeout = total_timeout
        self.max_attempts = max(1, max_attempts)
        self.session = session or requests.Session()

    def geographies_onelineaddress(self, address: str) -> GeocodeResult:
        return self._geographies("onelineaddress", {"address": address})

    def geographies_address(
        self, *, street: str, city: str = "", state: str = "", zip_code: str = ""
    ) -> GeocodeResult:
        params = {"street": street, "city": city, "state": state, "zip": zip_code}
        return self._geographies("address", {k: v for k, v in params.items() if v})

    def _geographies(self, endpoint: str, params: dict) -> GeocodeResult:
        query = {
            **params,
            "benchmark": self.benchmark,
            "vintage": self.vintage,
            "layers": self.layers,
            "format": "json",
        }
        url = f"{self.base_url}/geographies/{endpoint}"
        deadline = time.monotonic() + self.total_timeout
        payload = self._get(url, query, deadline)
        if self.layers != "all" and _lacks_district_layer(payload):
            logger.warning(
                "census geocoder answered without a congressional district layer for "
                "layers=%s; asking for every layer",
                self.layers,
            )
            payload = self._get(url, {**query, "layers": "all"}, deadline)
        return parse_geographies(payload)

    def _get(self, url: str, params: dict, deadline: float) -> dict:
        last_error: Exception | None = None
        for attempt in range(self.max_attempts):
            remaining = deadline - time.monotonic()
            if remaining <= 0.05:
                break
            try:
                response = self.session.get(
                    url, params=params, timeout=(min(remaining, 2.0), remaining)
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                last_error = exc
                continue
            if response.status_code >= 500:
                last_error = GeocoderUnavailable(f"HTTP {response.status_code}")
                if attempt + 1 < self.max_attempts:
                    time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
                continue
            if response.status_code >= 400:
                # A 400 means the service could not parse the address: no match.
                raise GeocoderNoMatch(f"HTTP {response.status_code}")
            try:
                return response.json()
            except ValueError as exc:
                raise GeocoderUnavailable("response is not JSON") from exc
        raise GeocoderUnavailable(
            f"no answer within {self.total_timeout:g}s ({type(last_error).__name__})"
        ) from last_error


def _lacks_district_layer(payload) -> bool:
    """A match came back without any congressional-district layer, not even an errored one."""
    try:
        matches = payload["result"]["addressMatches"]
    except (KeyError, TypeError):
        return False
    return bool(matches) and not any(
        isinstance(match, dict) and _cd_layer(match.get("geographies") or {}) is not None
        for match in matches
    )


def parse_geographies(payload: dict) -> GeocodeResult:
    """Districts and states of every match; GeocoderNoMatch when there is neither."""
    try:
        matches = payload["result"]["addressMatches"]
    except (KeyError, TypeError) as exc:
        raise GeocoderUnavailable("unexpected response shape") from exc
    if not matches:
        raise GeocoderNoMatch("no address match")
    districts: list[GeocodedDistrict] = []
    states: list[str] = []
    for match in matches:
        geographies = match.get("geographies") or {}
        state = _state_of(geographies)
        if state and state not in states:
            states.append(state)
        found = _district_of(geographies, state)
        if found is not None and found not in districts:
            districts.append(found)
    if not districts and not states:
        raise GeocoderNoMatch("no state or congressional district in the answer")
    return GeocodeResult(
        districts=tuple(districts), states=tuple(states), coordinates=_coordinates(matches[0])
    )


def _coordinates(match: dict) -> tuple[float, float] | None:
    point = match.get("coordinates") or {}
    x, y = point.get("x"), point.get("y")
    if isinstance(x, int | float) and isinstance(y, int | float):
        return (float(y), float(x))
    return None


def _first_record(layer) -> dict | None:
    """The layer's first record; None when missing or an error object ({"status": ...})."""
    if not isinstance(layer, list) or not layer or not isinstance(layer[0], dict):
        return None
    record = layer[0]
    return None if "status" in record and len(record) == 1 else record


def _state_of(geographies: dict) -> str | None:
    record = _first_record(geographies.get("States"))
    if record is None:
        return None
    code = record.get("STUSAB") or FIPS_TO_STATE.get(str(record.get("STATE", "")))
    return code or None


def _cd_layer(geographies: dict) -> tuple[int, list] | None:
    best = None
    for name, layer in geographies.items():
        match = CD_LAYER_RE.match(name)
        if match and (best is None or int(match.group(1)) > best[0]):
            best = (int(match.group(1)), layer)
    return best


def _district_of(geographies: dict, state: str | None) -> GeocodedDistrict | None:
    found = _cd_layer(geographies)
    if found is None:
        return None
    congress, layer = found
    record = _first_record(layer)
    if record is None:
        return None
    state = state or FIPS_TO_STATE.get(str(record.get("STATE", "")))
    if not state:
        return None
    code = next((str(v) for k, v in record.items() if CD_FIELD_RE.match(k)), None)
    if code is None:
        code = str(record.get("GEOID", ""))[2:] or str(record.get("BASENAME", ""))
    if code in AT_LARGE_CODES:
        district = AT_LARGE_CODES[code]
    elif code.isdigit():
        district = int(code)
    else:
        return None  # "ZZ": water or no district defined
    session = str(record.get("CDSESSN", ""))
    return GeocodedDistrict(
        state=state, district=district, congress=int(session) if session.isdigit() else congress
    )
