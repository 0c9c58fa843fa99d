"""Posts -> taxonomies and series as plain data: which terms exist, their slugs, their posts.

Built once per build from the post list; knows nothing of MkDocs. Spellings that mean the same
term (``AI產業`` / ``AI 產業``, ``GPU`` / ``gpu``) are merged into one term with one page, and
the merge is reported once so the writer can settle on a spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .posts import Post, Problem
from .urls import hugo_term_path, is_fallback_slug, slugify

_SEPARATORS = re.compile(r"[\s\-_]+")


def term_key(name: str) -> str:
    """Identity of a term across spellings: width, case, spaces, hyphens and underscores ignored."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SEPARATORS.sub("", folded) or folded


@dataclass
class Term:
    taxonomy: str
    slug: str
    name: str
    #: Every spelling seen, most used first; the others' URLs redirect to this term's page.
    spellings: list[str] = field(default_factory=list)
    #: Newest first (``build_taxonomy``); a series' in reading order (``order_series``).
    posts: list[Post] = field(default_factory=list)
    #: For series: post -> its position, 1-based, after ordering.
    data: dict = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.posts)


@dataclass
class Taxonomy:
    key: str
    folder: str
    terms: dict[str, Term] = field(default_factory=dict)  # slug -> term
    #: Every spelling used in a post -> the slug of its term.
    slug_of: dict[str, str] = field(default_factory=dict)

    def sorted_terms(self, by: str = "count") -> list[Term]:
        if by == "name":
            return sorted(self.terms.values(), key=lambda t: (t.name.casefold(), t.slug))
        return sorted(self.terms.values(), key=lambda t: (-t.count, t.name.casefold(), t.slug))


@dataclass
class SourceProblem:
    """A problem that belongs to a file (or to several, for collisions)."""

    src_uri: str
    problem: Problem


def series_sort_key(post: Post) -> tuple:
    """Numbered parts first, ascending; then unnumbered ones by date; ties by title."""
    if post.series_order is not None:
        return (0, post.series_order, 0.0, post.title.casefold(), post.src_uri)
    ts = post.timestamp if post.date else float("inf")
    return (1, 0, ts, post.title.casefold(), post.src_uri)


def build_taxonomy(key: str, folder: str, posts: list[Post]) -> tuple[Taxonomy, list[SourceProblem]]:
    """Group posts (newest first) by term.

    Where spellings differ, the most used one names the term; on a tie, the one used first
    (oldest post), so a new post never moves an existing page to another URL.
    """
    groups: dict[str, dict] = {}
    keys: dict[str, str] = {}  # spelling -> term_key: a tag is on dozens of posts
    for post in reversed(posts):
        for name in post.terms.get(key, ()):
            ident = keys.get(name)
            if ident is None:
                ident = keys[name] = term_key(name)
            g = groups.get(ident)
            if g is None:
                g = groups[ident] = {"spellings": Counter(), "first": {}, "posts": []}
            g["spellings"][name] += 1
            g["first"].setdefault(name, post.src_uri)
            if not g["posts"] or g["posts"][-1] is not post:
                g["posts"].append(post)
    for g in groups.values():
        g["posts"].reverse()

    tax = Taxonomy(key, folder)
    where_seen: dict[str, str] = {}
    for g in groups.values():
        order = list(g["first"])  # first-seen order
        spellings = sorted(order, key=lambda s: (-g["spellings"][s], order.index(s)))
        where_seen.update(g["first"])
        slug = slugify(spellings[0])
        term = tax.terms.get(slug)
        if term is None:
            tax.terms[slug] = Term(key, slug, spellings[0], spellings, g["posts"])
            continue
        # Different identity, same slug (e.g. two emoji-only names): still one page.
        term.spellings += [s for s in spellings if s not in term.spellings]
        seen = {id(p) for p in term.posts}
        term.posts += [p for p in g["posts"] if id(p) not in seen]
        term.posts.sort(key=lambda p: p.sort_key)

    problems: list[SourceProblem] = []
    for term in tax.terms.values():
        tax.slug_of.update(dict.fromkeys(term.spellings, term.slug))
        if is_fallback_slug(term.name, term.slug):
            problems.append(
                SourceProblem(
                    where_seen[term.name],
                    Problem(
                        f"{key}: '{term.name}' has no letter or digit, so its page is {folder}/{term.slug}/; "
                        "give the term a name with words (or remove it) for a readable URL",
                        key=key,
                    ),
                )
            )
        if len(term.spellings) > 1 and not _one_page_in_hugo(term.spellings, key):
            where = ", ".join(f"'{s}' ({where_seen[s]})" for s in term.spellings)
            if len({term_key(s) for s in term.spellings}) == 1:  # spellings of one name
                what = f"are one term and share the page {folder}/{term.slug}/; use one spelling ('{term.name}')"
            else:  # names that differ by more than case, width or spaces (`C#` and `C`): one URL here
                what = (
                    f"share the page {folder}/{term.slug}/, as their URLs are the same here; if they are "
                    f"different terms, rename one (e.g. 'C Sharp' for 'C#'), else use one spelling ('{term.name}')"
                )
            problems.append(
                SourceProblem(
                    where_seen[term.spellings[-1]],
                    Problem(f"{key}: {where} {what} in every post to silence this warning", key=key),
                )
            )
    return tax, problems


def _one_page_in_hugo(spellings: list[str], key: str) -> bool:
    """Whether Hugo gave these spellings one page too (``GPU`` and ``gpu``: it lower-cases a
    term's URL), so sharing one here changes nothing a writer should hear about."""
    try:
        return len({hugo_term_path(s, key) for s in spellings}) == 1
    except ValueError:
        return False


def order_series(tax: Taxonomy) -> list[SourceProblem]:
    """Put each series' parts in reading order and report clashing orders (naming both files)."""
    problems: list[SourceProblem] = []
    for term in tax.terms.values():
        term.posts.sort(key=series_sort_key)
        seen: dict[int, Post] = {}
        for post in term.posts:
            if post.series_order is None:
                continue
            other = seen.get(post.series_order)
            if other is not None:
                problems.append(
                    SourceProblem(
                        post.src_uri,
                        Problem(
                            f"series '{term.name}': '{other.src_uri}' and '{post.src_uri}' both have "
                            f"series_order {post.series_order}; they are ordered by date then title. "
                            "Give each part its own number.",
                            key="series_order",
                        ),
                    )
                )
            else:
                seen[post.series_order] = post
    return problems
