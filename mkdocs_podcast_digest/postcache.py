"""Posts parsed by the last `mkdocs serve` build, reused while their file has not changed.

Reading a post is the plugin's biggest cost per post (front matter, reading time, excerpt:
~0.3 ms; reading and hashing the file: ~0.04 ms), and every `mkdocs serve` rebuild reads every
post again, though the writer changed one. Entries are keyed by the post's path, a hash of its
bytes and the options that shape the result, and hold the post pickled: each build unpickles
its own copy, so nothing a build (or another plugin, through ``page.meta``) changes in a post
reaches the next build. Only the posts of the last build are kept (~1.5 KB each).
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Hashable

from .posts import Post


class PostCache:
    def __init__(self) -> None:
        self._entries: dict[tuple, bytes] = {}
        self._seen: set[tuple] = set()

    @staticmethod
    def key(src_uri: str, raw: bytes, settings: Hashable) -> tuple:
        return (src_uri, hashlib.blake2b(raw, digest_size=16).digest(), settings)

    def get(self, key: tuple) -> Post | None:
        self._seen.add(key)
        blob = self._entries.get(key)
        return pickle.loads(blob) if blob is not None else None

    def put(self, key: tuple, post: Post) -> None:
        # A front-matter value pickle cannot copy: that post is read again next time.
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError, RecursionError):
            self._entries[key] = pickle.dumps(post, pickle.HIGHEST_PROTOCOL)

    def keep_seen(self) -> None:
        """Forget the posts this build did not read (edited, renamed or deleted since)."""
        self._entries = {k: v for k, v in self._entries.items() if k in self._seen}
        self._seen = set()
