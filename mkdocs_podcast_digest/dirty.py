"""Which posts a ``--dirty`` rebuild must rebuild although their file did not change.

MkDocs' dirty mode (``mkdocs serve --dirty``) rebuilds a page only when its source file is newer
than the page it built before. A post's page also shows other posts: the parts of its series,
its related posts (title, date, description, reading time), the names of its terms. Edit one
part's title and, with MkDocs' check alone, the other parts keep showing the old one.

So each post gets a fingerprint of everything on its page that comes from somewhere else; a
dirty rebuild marks the built page of every post whose fingerprint changed as out of date, and
MkDocs' own check rebuilds it. Fingerprints are Python hashes, kept by the plugin between the
rebuilds of one ``mkdocs serve`` (a few bytes a post). The first dirty build of a session has
nothing to compare with (``mkdocs build --dirty`` over an earlier build), so it rebuilds every
post, as does every build when posts are in the nav (``posts_in_nav``), which names them all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from .digest import SERIES_KEY, Digest
from .posts import Post


def card(post: Post, urls: Mapping[str, str]) -> tuple:
    """What other pages show of a post (listings, series boxes, related posts)."""
    return (
        post.src_uri,
        urls.get(post.src_uri, ""),
        post.title,
        post.date.isoformat() if post.date else "",
        post.description,
        post.source_name,
        post.source_url,
        post.draft,
        post.held,
        post.publish_date.isoformat() if post.publish_date else "",  # in a draft note
        post.expiry_date.isoformat() if post.expiry_date else "",
        post.has_heading,
        post.minutes,
    )


def fingerprints(
    digest: Digest,
    urls: Mapping[str, str],
    related: Mapping[str, list[Post]],
    site: object,
    ref_users: Iterable[str] = (),
    images: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Each post's fingerprint: ``site`` (whatever changes every page: options, templates, term
    names), its terms, its series' parts in order, and its related posts; for the posts that
    link others with Hugo's ``ref``/``relref`` (``ref_users``), every page's URL as well; and
    where its ``image`` was found (``images``: a file added next to the post takes over)."""
    images = images or {}
    cards: dict[str, tuple] = {}
    ref_users = set(ref_users)
    every_url = hash(tuple(sorted(urls.items()))) if ref_users else 0

    def card_of(post: Post) -> tuple:
        found = cards.get(post.src_uri)
        if found is None:
            found = cards[post.src_uri] = card(post, urls)
        return found

    series = digest.taxonomies.get(SERIES_KEY)
    out = {}
    for post in digest.posts.values():
        terms = tuple((key, tuple(names)) for key, names in sorted(post.terms.items()))
        parts = ()
        if series is not None:
            slugs = (series.slug_of.get(name) for name in post.terms.get(SERIES_KEY, ()))
            parts = tuple(tuple(card_of(p) for p in series.terms[slug].posts) for slug in slugs if slug)
        rel = tuple(card_of(p) for p in related.get(post.src_uri, ()))
        refs = every_url if post.src_uri in ref_users else 0
        # Its own card and keys too: a cascade in an `_index.md` changes them, not the post's file.
        own = (card_of(post), repr(post.meta))
        out[post.src_uri] = hash((site, terms, parts, rel, refs, images.get(post.src_uri, ""), own))
    return out


def site_key(digest: Digest, urls: Mapping[str, str], *parts: object) -> int:
    """What every post page shows alike: ``parts`` (options, templates) and every term's name,
    page and data (a person's description and links are in the JSON-LD of their posts)."""
    terms = tuple(
        (
            key,
            slug,
            info.name,
            info.description,
            info.photo,
            repr(info.links),
            urls.get(digest.term_uris.get((key, slug), ""), ""),
        )
        for (key, slug), info in sorted(digest.infos.items())
    )
    return hash((repr(parts), terms))


def folder_state(folder: str) -> tuple:
    """The files of a folder and its subfolders (a template includes another from one), and
    when each was last changed (nothing for a missing folder)."""
    if not folder or not os.path.isdir(folder):
        return ()
    out = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                out.append((os.path.relpath(path, folder), os.stat(path).st_mtime_ns))
            except OSError:
                continue  # removed while we looked: the next save rebuilds again
    return tuple(sorted(out))


def file_state(path: str | None) -> tuple:
    """When a file (mkdocs.yml: the site's name, Markdown extensions, the nav) last changed."""
    try:
        return (path, os.stat(path).st_mtime_ns) if path else ()
    except OSError:
        return ()


def stale(previous: Mapping[str, int] | None, current: Mapping[str, int]) -> list[str]:
    """Posts whose page changed although their file may not have: all of them with no record."""
    if previous is None:
        return list(current)
    return [src_uri for src_uri, fp in current.items() if previous.get(src_uri) != fp]


def mark_out_of_date(paths: Iterable[str]) -> int:
    """Make built pages older than any source, so MkDocs' dirty check rebuilds them."""
    marked = 0
    for path in paths:
        try:
            os.utime(path, (0, 0))
            marked += 1
        except FileNotFoundError:
            pass  # never built: MkDocs builds it anyway
    return marked
