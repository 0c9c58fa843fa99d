"""Related posts from shared terms, scored through inverted indexes (no all-pairs loop).

The taxonomies already are inverted indexes: term -> its posts. A post's candidates are the posts
of its own terms; each shared term adds its taxonomy's weight (a shared series counts more than a
shared tag), scaled down as the term gets more common, since two posts sharing a tag used on
half the site say little about each other. Terms on more than ``common`` posts are not walked at
all: they only add their weight to candidates found through rarer terms, or, for a post with too
few of those, offer their posts nearest to it in date. The cost is then bounded by
``common`` x the number of (post, term) pairs, whatever the size of the biggest tag.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .posts import Post
from .taxonomy import Taxonomy

#: Weight of one shared term per taxonomy key; other (custom) taxonomies weigh ``OTHER_WEIGHT``.
DEFAULT_WEIGHTS: dict[str, float] = {
    "series": 4.0,
    "related_people": 3.0,
    "related_companies": 2.0,
    "tags": 1.0,
    "categories": 0.5,
}
OTHER_WEIGHT = 1.0


@dataclass
class _Term:
    weight: float  # taxonomy weight x rarity
    posts: list[Post]
    common: bool
    positions: dict[str, int] | None = None


class Related:
    """``Related(taxonomies).of(post)`` -> up to ``limit`` posts, most related first."""

    def __init__(
        self,
        taxonomies: Mapping[str, Taxonomy],
        weights: Mapping[str, float] | None = None,
        limit: int = 5,
        common: int = 100,
    ):
        weights = {**DEFAULT_WEIGHTS, **(weights or {})}
        self.limit = limit
        self._terms: list[_Term] = []
        self._of: dict[str, set[int]] = {}
        for key, tax in taxonomies.items():
            weight = float(weights.get(key, OTHER_WEIGHT))
            if weight <= 0:
                continue
            for term in tax.terms.values():
                df = len(term.posts)
                if df < 2:
                    continue  # nobody to share it with
                tid = len(self._terms)
                self._terms.append(_Term(weight / math.log2(1 + df), term.posts, df > common))
                for post in term.posts:
                    self._of.setdefault(post.src_uri, set()).add(tid)

    def of(self, post: Post) -> list[Post]:
        if self.limit <= 0:
            return []
        own = self._of.get(post.src_uri, set())
        scores: dict[str, float] = {}
        by_uri: dict[str, Post] = {}
        common: list[_Term] = []
        for tid in own:
            term = self._terms[tid]
            if term.common:
                common.append(term)
                continue
            for other in term.posts:
                if other is not post:
                    scores[other.src_uri] = scores.get(other.src_uri, 0.0) + term.weight
                    by_uri[other.src_uri] = other
        if common:
            common_ids = [i for i in own if self._terms[i].common]
            for uri in scores:
                theirs = self._of[uri]
                scores[uri] += sum(self._terms[i].weight for i in common_ids if i in theirs)
            if len(scores) < self.limit:
                for term in common:
                    for other in self._neighbours(term, post):
                        if other.src_uri not in scores:
                            theirs = self._of[other.src_uri]
                            scores[other.src_uri] = sum(
                                self._terms[i].weight for i in common_ids if i in theirs
                            )
                            by_uri[other.src_uri] = other
        when = post.date.timestamp() if post.date else None

        def distance(other: Post) -> float:
            if when is None or other.date is None:
                return math.inf
            return abs(other.date.timestamp() - when)

        # Equal scores: the post nearest in date first, then the newer one.
        ranked = sorted(
            scores, key=lambda uri: (-round(scores[uri], 9), distance(by_uri[uri]), by_uri[uri].sort_key)
        )
        return [by_uri[uri] for uri in ranked[: self.limit]]

    def _neighbours(self, term: _Term, post: Post) -> list[Post]:
        """The posts next to ``post`` in a common term's list (newest first), nearest first."""
        if term.positions is None:
            term.positions = {p.src_uri: i for i, p in enumerate(term.posts)}
        i = term.positions[post.src_uri]
        out: list[Post] = []
        for step in range(1, self.limit + 1):
            out += [term.posts[j] for j in (i - step, i + step) if 0 <= j < len(term.posts)]
        return out[: self.limit * 2]
