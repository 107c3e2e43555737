"""A version token for cached lookups: replaced after each import so no stale answer is served.

A random token rather than a counter: if the cache is flushed, a fresh token
cannot collide with one a process still remembers.
"""

import uuid

from django.core.cache import cache

DATA_VERSION_KEY = "legislators:data-version"


def data_version() -> str | None:
    """The current token; None when the cache stores nothing (then nothing is cached)."""
    version = cache.get(DATA_VERSION_KEY)
    if version is None:
        # add() so concurrent first readers agree on one value.
        cache.add(DATA_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(DATA_VERSION_KEY)
    return version


def bump_data_version() -> None:
    cache.set(DATA_VERSION_KEY, uuid.uuid4().hex, timeout=None)
