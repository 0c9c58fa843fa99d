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

import heapq
import math
from collections.abc import Container, Iterable, Mapping
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
    members: list[int]  # post ids, in the term's order (newest first; reading order for series)
    common: bool
    positions: dict[int, int] | None = None


class Related:
    """``Related(taxonomies).of(post)`` -> up to ``limit`` posts, most related first."""

    def __init__(
        self,
        taxonomies: Mapping[str, Taxonomy],
        weights: Mapping[str, float] | None = None,
        limit: int = 5,
        common: int = 100,
        pages: Container[str] = (),
    ):
        """``pages``: entries of the terms that are no posts (the writer's other pages with
        tags): never offered as related posts. A post listed in its section only (Hugo's
        ``build: {list: local}``: not in ``site.RegularPages``) has related posts, but is never
        offered as one."""
        weights = {**DEFAULT_WEIGHTS, **(weights or {})}
        self.limit = limit
        self._posts: list[Post] = []
        self._ids: dict[str, int] = {}
        self._terms: list[_Term] = []
        self._of: list[set[int]] = []  # post id -> its term ids
        self._when: list[float | None] = []  # post id -> its date as a timestamp, for ties
        self._keys: list[tuple] = []  # post id -> its sort key, for ties
        self._hidden: set[int] = set()  # posts never offered (``Post.local``)
        for key, tax in taxonomies.items():
            weight = float(weights.get(key, OTHER_WEIGHT))
            if weight <= 0:
                continue
            for term in tax.terms.values():
                posts = [p for p in term.posts if p.src_uri not in pages] if pages else term.posts
                df = len(posts)
                if df < 2:
                    continue  # nobody to share it with
                tid = len(self._terms)
                members = [self._id(p) for p in posts]
                self._terms.append(_Term(weight / math.log2(1 + df), members, df > common))
                for pid in members:
                    self._of[pid].add(tid)

    def _id(self, post: Post) -> int:
        pid = self._ids.get(post.src_uri)
        if pid is None:
            pid = self._ids[post.src_uri] = len(self._posts)
            self._posts.append(post)
            self._of.append(set())
            self._when.append(post.timestamp)
            self._keys.append(post.sort_key)
            if post.local:
                self._hidden.add(pid)
        return pid

    def of(self, post: Post) -> list[Post]:
        me = self._ids.get(post.src_uri)
        if self.limit <= 0 or me is None:
            return []
        terms = self._terms
        own = self._of[me]
        common_ids = [tid for tid in own if terms[tid].common]
        scores: dict[int, float] = {}
        get = scores.get
        for tid in own:
            term = terms[tid]
            if not term.common:
                w = term.weight
                for pid in term.members:
                    scores[pid] = get(pid, 0.0) + w
        scores.pop(me, None)
        hidden = self._hidden
        for pid in hidden:  # (none on most sites)
            scores.pop(pid, None)
        if common_ids:
            # Common terms only add their weight to posts found through rarer ones, and only to
            # those that could still reach the top `limit` with it (the rest cannot, whatever
            # they share).
            candidates: Iterable[int] = scores
            if len(scores) > self.limit:
                bonus = sum(terms[tid].weight for tid in common_ids)
                cutoff = heapq.nlargest(self.limit, scores.values())[-1] - bonus - 1e-9
                candidates = [pid for pid, score in scores.items() if score >= cutoff]
            for pid in candidates:
                theirs = self._of[pid]
                for tid in common_ids:
                    if tid in theirs:
                        scores[pid] += terms[tid].weight
            # ...or, for a post with too few of those, offer the posts nearest to it in date.
            if len(scores) < self.limit:
                for tid in common_ids:
                    for pid in self._neighbours(terms[tid], me):
                        if pid not in scores and pid not in hidden:
                            theirs = self._of[pid]
                            scores[pid] = sum(terms[t].weight for t in common_ids if t in theirs)
        if not scores:
            return []
        # Only the posts that can make the top `limit` are ranked in full; equal scores go to the
        # post nearest in date, then the newer one.
        floor = heapq.nlargest(self.limit, scores.values())[-1] - 1e-9  # sums of floats: allow slack
        finalists = [pid for pid, score in scores.items() if score >= floor]
        stamps, keys = self._when, self._keys
        when = stamps[me]

        def rank(pid: int) -> tuple:
            other = stamps[pid]
            gap = abs(other - when) if when is not None and other is not None else math.inf
            return (-round(scores[pid], 9), gap, keys[pid])

        finalists.sort(key=rank)
        return [self._posts[pid] for pid in finalists[: self.limit]]

    def _neighbours(self, term: _Term, me: int) -> list[int]:
        """The posts next to ``me`` in a common term's list, nearest first."""
        if term.positions is None:
            term.positions = {pid: i for i, pid in enumerate(term.members)}
        i = term.positions[me]
        out: list[int] = []
        for step in range(1, self.limit + 1):
            out += [term.members[j] for j in (i - step, i + step) if 0 <= j < len(term.members)]
        return out
