"""The one helper for what a process keeps in memory between requests.

A `ProcessCache` is a small least-recently-used map, thread-safe (web processes run
threads), whose entries may expire after `ttl` seconds and may belong to a `version`: a
lookup with another version finds nothing, and the first write under a new version drops
the entries of the old one. Use it only for values that are cheap to be wrong about for
`ttl`, or whose key or version changes when they change; anything shared between
processes belongs in Django's cache. `ProcessCache.clear_all()` empties every one (tests,
benchmarks that start cold).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MISSING = object()


class ProcessCache:
    _instances: weakref.WeakSet[ProcessCache] = weakref.WeakSet()

    def __init__(self, name: str, *, size: int = 1024, ttl: float | None = None):
        self.name = name
        self.size = size
        self.ttl = ttl
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._version: Hashable = None
        self._lock = threading.Lock()
        ProcessCache._instances.add(self)

    def get(self, key: Hashable, *, version: Hashable = None) -> Any:
        """The kept value, or MISSING (expired, evicted, or kept for another version)."""
        with self._lock:
            if version != self._version:
                return MISSING
            entry = self._items.get(key)
            if entry is None:
                return MISSING
            expires, value = entry
            if expires < time.monotonic():
                del self._items[key]
                return MISSING
            self._items.move_to_end(key)
            return value

    def set(
        self, key: Hashable, value: Any, *, version: Hashable = None, ttl: float | None = None
    ) -> None:
        """Keep `value` (for `ttl` seconds, default the cache's own)."""
        ttl = self.ttl if ttl is None else ttl
        expires = time.monotonic() + ttl if ttl is not None else float("inf")
        with self._lock:
            if version != self._version:
                self._items.clear()
                self._version = version
            self._items[key] = (expires, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_or_set(
        self,
        key: Hashable,
        compute: Callable[[], Any],
        *,
        version: Hashable = None,
        ttl: float | None = None,
    ) -> Any:
        """The kept value, else `compute()` kept (computed outside the lock)."""
        value = self.get(key, version=version)
        if value is MISSING:
            value = compute()
            self.set(key, value, version=version, ttl=ttl)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    @classmethod
    def clear_all(cls) -> None:
        for instance in list(cls._instances):
            instance.clear()
