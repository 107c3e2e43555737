"""A circuit breaker kept in the Django cache, so every process shares it.

After `failures` consecutive failures the breaker opens for `cooldown`
seconds: callers skip the outside service and answer from what they have.
"""

import time

from django.core.cache import cache


class CircuitBreaker:
    def __init__(self, name: str, *, failures: int, cooldown: int):
        self.failures_key = f"breaker:{name}:failures"
        self.open_key = f"breaker:{name}:open-until"
        self.failures = max(1, failures)
        self.cooldown = max(1, cooldown)

    def is_open(self) -> bool:
        open_until = cache.get(self.open_key)
        return open_until is not None and open_until > time.time()

    def record_success(self) -> None:
        cache.delete_many([self.failures_key, self.open_key])

    def record_failure(self) -> None:
        cache.add(self.failures_key, 0, timeout=self.cooldown * 10)
        try:
            count = cache.incr(self.failures_key)
        except ValueError:  # expired between add() and incr()
            cache.set(self.failures_key, 1, timeout=self.cooldown * 10)
            count = 1
        if count >= self.failures:
            cache.set(self.open_key, time.time() + self.cooldown, timeout=self.cooldown)
            cache.delete(self.failures_key)
