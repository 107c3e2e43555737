"""Ways of delivering a letter to an office: one module per channel.

`base` defines the interface; `cwc`, `email` and `manual` implement it. The
order in which channels are tried comes from the DELIVERY_CHANNEL_ORDER setting
(an office may override it): the first channel that is available for the office
is used, and `manual` is always available as the last resort.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import urllib3
from django.conf import settings

from letters.channels.base import Channel, Office
from letters.channels.cwc import CwcChannel, DeliveryAgent, Endpoint
from letters.channels.email import EmailChannel
from letters.channels.manual import ManualChannel


@cache
def _http_pool() -> urllib3.PoolManager:
    """One connection pool per process: CWC deliveries reuse their TLS connections."""
    return urllib3.PoolManager()


def _endpoint(prefix: str) -> Endpoint:
    return Endpoint(
        base_url=getattr(settings, f"CWC_{prefix}_BASE_URL", ""),
        api_key=getattr(settings, f"CWC_{prefix}_API_KEY", ""),
        timeout=(5.0, float(settings.CWC_TIMEOUT_SECONDS)),
    )


def cwc_channel() -> CwcChannel:
    agent = DeliveryAgent(
        name=settings.CWC_DELIVERY_AGENT,
        ack_email=settings.CWC_DELIVERY_AGENT_ACK_EMAIL,
        contact_name=settings.CWC_DELIVERY_AGENT_CONTACT_NAME,
        contact_email=settings.CWC_DELIVERY_AGENT_CONTACT_EMAIL,
        contact_phone=settings.CWC_DELIVERY_AGENT_CONTACT_PHONE,
        organization=settings.CWC_ORGANIZATION,
        organization_about=settings.CWC_ORGANIZATION_ABOUT,
    )
    from letters.senate_offices import senate_cwc_offices

    return CwcChannel(
        house=_endpoint("HOUSE"),
        senate=_endpoint("SENATE"),
        agent=agent,
        pool=_http_pool(),
        senate_offices=senate_cwc_offices,
    )


def channel_get(name: str) -> Channel:
    if name == "cwc":
        return cwc_channel()
    if name == "email":
        return EmailChannel(from_email=settings.DEFAULT_FROM_EMAIL)
    if name == "manual":
        return ManualChannel()
    raise ValueError(f"unknown delivery channel {name!r}")


def channel_for(office: Office, order: Sequence[str] = ()) -> Channel:
    """The first channel of `order` (default: the setting) that can reach `office`."""
    for name in [*(order or settings.DELIVERY_CHANNEL_ORDER), "manual"]:
        channel = channel_get(name)
        if channel.is_available(office):
            return channel
    raise AssertionError("the manual channel is always available")  # pragma: no cover
