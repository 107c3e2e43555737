"""What the soak runs against: the production settings it sets, and the seeded campaign."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from soak.checks import LIMITS
from soak.load import CAMPAIGN, PLACES
from soak.services import Failed

API_KEY = "soak-cwc-key"
STUCK_AFTER_SECONDS = 8
SWEEP_SECONDS = 3
# Seats the seeded members of Congress hold: (ZIP, state, district) as in soak.load.PLACES.
SEATS = {"VA": 8, "MD": 8, "NY": 12}


def soak_environment(
    *, base_url: str, database_url: str, ports: dict[str, int], workdir: Path, cwc_url: str
) -> dict[str, str]:
    """The environment every service starts with: production settings on loopback."""
    (workdir / "mail").mkdir(exist_ok=True)
    (workdir / "static").mkdir(exist_ok=True)
    values = {
        "DJANGO_SETTINGS_MODULE": "actioncenter.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": base_url,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{ports['broker']}/0",
        "CACHE_URL": f"redis://127.0.0.1:{ports['cache']}/0",
        # Mail goes to files: production refuses only the console, memory and dummy ones.
        "EMAIL_URL": f"filemail:///{workdir / 'mail'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        # The load plays the TLS-terminating proxy: X-Forwarded-For and -Proto.
        "NUM_PROXIES": "1",
        "RATELIMIT_ENABLE": "true",
        **LIMITS,
        # Nothing listens there: every street address is placed by its ZIP code.
        "CENSUS_GEOCODER_BASE_URL": f"http://127.0.0.1:{ports['geocoder']}",
        "CWC_HOUSE_BASE_URL": cwc_url,
        "CWC_HOUSE_API_KEY": API_KEY,
        "CWC_SENATE_BASE_URL": cwc_url,
        "CWC_SENATE_API_KEY": API_KEY,
        "CWC_DELIVERY_AGENT": "Soak Delivery Agent",
        "CWC_DELIVERY_AGENT_ACK_EMAIL": "ack@example.org",
        "CWC_DELIVERY_AGENT_CONTACT_NAME": "Soak Contact",
        "CWC_DELIVERY_AGENT_CONTACT_EMAIL": "contact@example.org",
        "CWC_DELIVERY_AGENT_CONTACT_PHONE": "202-555-0100",
        "CWC_TIMEOUT_SECONDS": "5",
        # The sweeper runs every 3 s instead of 5 min, re-sending a queued delivery
        # overdue by one period (its broker message was lost), and takes back one left
        # `sending` after 8 s instead of 15 min: safe here because a send cannot last
        # that long (the CWC server answers in 50 ms, and is given up on after 5 s).
        "DELIVERY_SWEEP_SECONDS": str(SWEEP_SECONDS),
        "DELIVERY_STUCK_AFTER_SECONDS": str(STUCK_AFTER_SECONDS),
        "DELIVERY_RETRY_BACKOFF_SECONDS": "2",
        "LOG_LEVEL": "WARNING",
    }
    return {**os.environ, **values}


def seed() -> None:
    """The campaign (a petition and a letter to one's own members of Congress) and, for each
    place the load writes from, its ZIP code's district, House member and two senators."""
    import datetime as dt

    from campaigns.models import Campaign
    from devdata.letters import DEMO_LETTER, DEMO_LETTER_SUPPORTING, DEMO_SUBJECT
    from legislators.models import Legislator, ZipDistrict
    from letters.models import LetterAction
    from petitions.models import Petition

    campaign = Campaign.objects.create(
        slug=CAMPAIGN,
        title="Protect people fleeing gender persecution",
        summary="Name gender as a protected ground of asylum.",
        status=Campaign.Status.LIVE,
        goal=100_000,
        sensitive=False,
    )
    Petition.objects.create(campaign=campaign, text="Name gender as a protected ground of asylum.")
    LetterAction.objects.create(
        campaign=campaign,
        subject=DEMO_SUBJECT,
        template=DEMO_LETTER,
        template_supporting=DEMO_LETTER_SUPPORTING,
        editable=True,
    )
    term = {"term_start": dt.date(2025, 1, 3), "term_end": dt.date(2027, 1, 3)}
    for number, (zip_code, _city, state) in enumerate(PLACES):
        district = SEATS[state]
        ZipDistrict.objects.create(zcta=zip_code, state=state, district=district)
        seats = [("house", district, None, ""), ("senate", None, 1, "senior")]
        seats.append(("senate", None, 2, "junior"))
        for seat, (chamber, seat_district, senate_class, rank) in enumerate(seats):
            last = f"Member{number}{seat}"
            Legislator.objects.create(
                bioguide_id=f"K{number:02d}{seat:04d}",
                first_name="Sam",
                last_name=last,
                official_full_name=f"Sam {last}",
                party="Independent",
                chamber=chamber,
                state=state,
                district=seat_district,
                senate_class=senate_class,
                state_rank=rank,
                dc_phone=f"202-555-{number}{seat:03d}",
                website=f"https://{last.lower()}.example.org",
                is_current=True,
                **term,
            )


def check_prerequisites(postgres: str) -> None:
    """Raises Failed unless redis-server is on the PATH and PostgreSQL answers."""
    if shutil.which("redis-server") is None:
        raise Failed("redis-server is not on the PATH")
    try:
        admin_sql(postgres, "SELECT 1")
    except Exception as exc:  # any driver error: the server is not reachable
        raise Failed(f"PostgreSQL not reachable at {postgres} ({exc})") from exc


def admin_sql(postgres: str, statement: str) -> None:
    """One statement on the server's `postgres` database (creating and dropping the soak's)."""
    import psycopg

    with psycopg.connect(f"{postgres}/postgres", autocommit=True, connect_timeout=5) as c:
        c.execute(statement)
