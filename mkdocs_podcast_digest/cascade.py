"""Hugo's front-matter ``cascade``: an ``_index.md`` hands keys down to the pages below it.

Hugo sites set the tags, category, series or ``draft`` of a whole folder once, in the folder's
``_index.md`` (the home page's ``_index.md`` for every page):

    cascade:
      categories: [podcast]
      - series: [年度回顧]            # or a list of entries, each with a target
        target: {path: "/posts/2025/**", kind: page, environment: production}

Those pages had those keys in Hugo, so here they must too, or the terms they were listed under
lose them. The rules are Hugo 0.168's, recorded by ``tests/hugo_reference/make_cascade.py``: a
page's own key wins (in any case: ``Tags`` is ``tags``), even an empty list; otherwise the
nearest ``_index.md`` that sets the key wins, one key at a time; lists are replaced, never
merged; a cascade applies to its own ``_index.md`` page too; ``target`` (or the older
``_target``) narrows an entry by ``path`` (a glob on the page's path in the content folder,
``/posts/2025/**``, the path lower case and spaces as ``-``), ``kind`` (``page`` for posts and
other pages, ``section``, ``home``) and
``environment`` (``production`` for ``mkdocs build``, ``development`` under ``mkdocs serve``, as
``hugo`` and ``hugo server``). Plain data: no MkDocs here.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One cascade entry: keys (lower case) and the pages they go to (``None``: any)."""

    values: tuple[tuple[str, Any], ...]
    path: re.Pattern[str] | None = None
    kind: re.Pattern[str] | None = None
    environment: re.Pattern[str] | None = None

    def matches(self, path: str, kind: str, environment: str) -> bool:
        return all(
            pattern is None or pattern.fullmatch(value) is not None
            for pattern, value in ((self.path, path), (self.kind, kind), (self.environment, environment))
        )


#: What a ``target.kind`` may name (Hugo stops on any other).
KINDS = ("page", "section", "home", "taxonomy", "term")


def entries(value: object) -> tuple[list[Entry], list[str]]:
    """The entries of a front matter's ``cascade`` (a mapping, or a list of them), and what in
    it could not be read (for a warning)."""
    items = value if isinstance(value, list) else [value]
    out: list[Entry] = []
    problems: list[str] = []
    for item in items:
        if not isinstance(item, Mapping):
            problems.append(f"'cascade' should be a mapping of keys (or a list of them), not {item!r:.40}")
            continue
        target: object = None
        values: dict[str, Any] = {}
        for key, val in item.items():
            low = str(key).lower()
            if low in ("target", "_target"):
                target = val
            elif low not in values:  # `Series` and `series` in one entry: the first, as a page's
                values[low] = val
        patterns: dict[str, re.Pattern[str]] = {}
        if isinstance(target, Mapping):
            why = ""
            for key, pattern in target.items():
                name = str(key).lower()
                if name == "lang":
                    why = "a target's 'lang' (Hugo reads it no more since 0.150; it stopped on it)"
                elif name not in ("path", "kind", "environment"):
                    why = f"a target's '{key}', which is none of path, kind and environment"
                elif not isinstance(pattern, str):
                    why = f"a target's '{key}' that is not text ({pattern!r:.40})"
                elif not pattern:
                    continue
                else:
                    try:
                        patterns[name] = glob(pattern.lower() if name == "path" else pattern)
                    except ValueError as err:
                        why = f"a target's '{key}' that is no glob ({pattern!r:.40}: {err})"
                    else:
                        if name == "kind" and not any(patterns[name].fullmatch(k) for k in KINDS):
                            why = f"a target's kind '{pattern}', which is none of {', '.join(KINDS)}"
                if why:
                    break
            if why:
                problems.append(f"'cascade' has {why}; that entry was ignored")
                continue
        elif target is not None:
            problems.append(f"'cascade' has a target that is not a mapping ({target!r:.40}); that entry was ignored")
            continue
        if values:
            out.append(Entry(tuple(values.items()), **patterns))
    return out, problems


def glob(pattern: str) -> re.Pattern[str]:
    """Hugo's globs (gobwas/glob, ``/`` as separator): ``*`` within a path segment, ``**``
    across them, ``?``, ``[abc]``, ``{a,b}``; case-insensitive, as Hugo's paths are lower case.
    ValueError for one Hugo would not take (an unclosed ``[`` or ``{``)."""
    out: list[str] = []
    i, depth = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                raise ValueError("a '[' is not closed")
            else:
                body = pattern[i + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
                i = end
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    if depth:
        raise ValueError("a '{' is not closed")
    try:
        return re.compile("".join(out), re.IGNORECASE)
    except re.error as err:  # a class such as [z-a]
        raise ValueError(str(err)) from None


def page_path(src_uri: str) -> str:
    """A page's path as Hugo's targets see it: ``/posts/x`` for ``posts/x.md``, the folder for a
    bundle or section (``posts/x/index.md``, ``posts/2025/_index.md``), ``/`` for the home page."""
    folder, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    path = folder if stem in ("index", "_index") else posixpath.join(folder, stem)
    return "/" + path.lower().replace(" ", "-")  # as Hugo's paths: `My Show` is `my-show`


class Cascades:
    """Every folder's cascade entries, and what they hand down to a page."""

    def __init__(self, by_folder: Mapping[str, list[Entry]], environment: str = "production"):
        self._by_folder = {folder: list(found) for folder, found in by_folder.items() if found}
        self._environment = environment

    def __bool__(self) -> bool:
        return bool(self._by_folder)

    def inherited(self, src_uri: str) -> dict[str, Any]:
        """The keys (lower case) the page at ``src_uri`` takes from the cascades above it, the
        nearest first; its own keys are for the caller to keep (they win)."""
        if not self._by_folder:
            return {}
        folder, name = posixpath.split(src_uri)
        stem = posixpath.splitext(name)[0]
        if stem == "_index":
            kind = "home" if not folder else "section"
            start = folder  # a section's own cascade is its own too
        else:
            kind = "page"
            # A leaf bundle's folder is the page itself: its cascade starts a folder up.
            start = posixpath.dirname(folder) if stem == "index" and folder else folder
        path = page_path(src_uri)
        out: dict[str, Any] = {}
        for above in _folders_up(start):
            for entry in self._by_folder.get(above, ()):
                if entry.matches(path, kind, self._environment):
                    for key, value in entry.values:
                        out.setdefault(key, value)
        return out


    def own(self, src_uri: str, found: list[Entry], inherited: Mapping[str, Any]) -> dict[str, Any]:
        """What a regular page's own ``cascade`` gives the page itself (Hugo applies it there,
        as a section's to the section), over what the cascades above hand down."""
        out: dict[str, Any] = {}
        for entry in found:
            if entry.matches(page_path(src_uri), "page", self._environment):
                for key, value in entry.values:
                    out.setdefault(key, value)
        return {**inherited, **out}


def _folders_up(folder: str) -> Iterable[str]:
    """``posts/2025``, ``posts``, then the docs folder itself (``""``)."""
    while folder:
        yield folder
        folder = posixpath.dirname(folder)
    yield ""
