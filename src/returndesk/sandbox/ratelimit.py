"""A sliding one-minute window, as the vendors' plans describe their limits."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable


class MinuteWindow:
    def __init__(self, per_minute: int | None, clock: Callable[[], float]) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._times: deque[float] = deque()

    def _trim(self, now: float) -> None:
        while self._times and now - self._times[0] >= 60:
            self._times.popleft()

    def take(self) -> bool:
        """Record one request; False if it exceeds the limit (and is not recorded)."""
        now = self._clock()
        self._trim(now)
        if self.per_minute is not None and len(self._times) >= self.per_minute:
            return False
        self._times.append(now)
        return True

    def remaining(self) -> int:
        self._trim(self._clock())
        if self.per_minute is None:
            return 1_000_000
        return max(self.per_minute - len(self._times), 0)

    def seconds_until_free(self) -> int:
        now = self._clock()
        self._trim(now)
        if self.per_minute is None or len(self._times) < self.per_minute:
            return 0
        return max(1, math.ceil(60 - (now - self._times[0])))

    def reset_epoch(self) -> int:
        return int(self._clock()) + self.seconds_until_free()
