"""A version token for cached lookups: replaced after each import so no stale answer is served.

A random token rather than a counter: if the cache is flushed, a fresh token
cannot collide with one a process still remembers.
"""

import threading
import time
import uuid
from collections import OrderedDict

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


class LocalMemo:
    """A per-process LRU of answers, valid for one data version and at most `ttl` seconds.

    Sits in front of the shared cache so that a repeated lookup costs one cache
    read (the version) instead of a cache read plus unpickling model instances.
    """

    def __init__(self, size: int = 4096):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._version: str | None = None
        self._lock = threading.Lock()

    def get(self, key, version: str | None):
        if version is None:
            return None
        if version != self._version:
            with self._lock:
                self._items.clear()
                self._version = version
            return None
        entry = self._items.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def set(self, key, version: str | None, value, ttl: float) -> None:
        with self._lock:
            if version is None or version != self._version:
                return
            self._items[key] = (time.monotonic() + ttl, value)
            self._items.move_to_end(key)
            if len(self._items) > self.size:
                self._items.popitem(last=False)
