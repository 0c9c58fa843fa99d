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
    work for fifty pages in a row takes about half the time it takes spread between renders.
    Only one run is held at a time, so memory does not grow with the site. A key not in
    ``order`` is computed on its own; once pages come out of order (``--dirty`` skips some,
    another plugin may reorder them), it stops working ahead, so a wrong guess never costs more
    than one run.
    """

    def __init__(self, order: Sequence[K], compute: Callable[[K], V], size: int = 50):
        self._order = order
        self._at = {key: i for i, key in enumerate(order)}
        self._compute = compute
        self._size = size
        self._held: dict[K, V] = {}

    def get(self, key: K) -> V:
        if key in self._held:
            return self._held.pop(key)
        i = self._at.get(key)
        if i is None:
            return self._compute(key)
        if self._held:  # the last run was not used up in order
            self._size = 1
        self._held = {k: self._compute(k) for k in self._order[i : i + self._size]}
        return self._held.pop(key)
