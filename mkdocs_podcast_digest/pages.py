"""Taxonomies -> the pages to generate (or to extend), as plain data.

One :class:`Listing` per page: a term page, a taxonomy index, the posts index, and their
paginated continuations. Where the writer already has the file (``docs/people/lex-fridman.md``,
``docs/tags/index.md``), the listing is added to their page instead of replacing it.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .posts import Post
from .taxonomy import Taxonomy, Term
from .urls import title_from_slug

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!>.-])")
#: Marks only some extensions read (tables, pymdownx.tilde): Markdown without them has no escape
#: for them and would show the backslash, so they become character references.
_MD_ENTITIES = str.maketrans({"|": "&#124;", "~": "&#126;"})


def md_text(text: str) -> str:
    """Markdown that shows ``text`` literally: no Markdown, no raw HTML gets through."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).translate(_MD_ENTITIES)


def md_heading(text: str) -> str:
    """A level-1 heading that shows ``text`` literally."""
    return "# " + md_text(text) + "\n"


@dataclass
class TermInfo:
    """What a reader sees of a term: its display name and, if known, a description and photo."""

    name: str
    description: str = ""
    photo: str = ""
    links: list[dict[str, str]] = field(default_factory=list)
    profile_src_uri: str = ""


@dataclass
class Listing:
    src_uri: str
    title: str
    kind: str  # "term" | "index" | "posts"
    posts: list[Post] = field(default_factory=list)
    term: Term | None = None
    taxonomy: Taxonomy | None = None
    info: TermInfo | None = None
    page_no: int = 1
    page_uris: list[str] = field(default_factory=list)
    #: True when the page is ours; False when the writer's own file gets the listing added.
    generated: bool = True
    #: The ``title`` in that file's front matter (read by MkDocs as the page renders): the
    #: heading shown on the page when the writer wrote none, as Hugo shows a section's title.
    own_title: str = ""

    @property
    def page_count(self) -> int:
        return len(self.page_uris)

    def markdown(self) -> str:
        body = md_heading(self.title)
        if self.info and self.info.description and self.page_no == 1:
            # Text, as Hugo's templates print a data file's description: no Markdown link may
            # take a reader to a `javascript:` URL (a profile page of the writer's is Markdown).
            body += "\n" + md_text(self.info.description) + "\n"
        return body


def looks_like_slug(name: str) -> bool:
    """``lex-fridman``, not ``2026-01-06`` (a date, kept as written) nor ``OpenAI``."""
    return bool(re.fullmatch(r"(?=[\d-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*", name))


def term_info(
    term: Term, data: dict[str, Any], profile_meta: dict[str, Any] | None, profile_src_uri: str = ""
) -> TermInfo:
    """Profile file first, then the data file, then the name as written (or title-cased slug)."""
    entry = data.get(term.slug) or next((data[s] for s in term.spellings if s in data), None) or {}
    if not isinstance(entry, dict):
        entry = {}
    meta = profile_meta or {}
    name = str(meta.get("name") or meta.get("title") or entry.get("name") or "")
    if not name:
        name = title_from_slug(term.name) if looks_like_slug(term.name) else term.name
    links = entry.get("links") or meta.get("links") or []
    if isinstance(links, dict):
        links = [{"name": str(k), "url": str(v)} for k, v in links.items()]
    elif isinstance(links, list):
        links = [
            {"name": str(x.get("name", x.get("url", ""))), "url": str(x.get("url", ""))}
            if isinstance(x, dict)
            else {"name": str(x), "url": str(x)}
            for x in links
        ]
    else:
        links = []
    return TermInfo(
        name=name,
        description=str(meta.get("description") or entry.get("description") or ""),
        photo=str(meta.get("photo") or entry.get("photo") or ""),
        links=links,
        profile_src_uri=profile_src_uri,
    )


def paginate(base_uri: str, items: list, page_size: int) -> list[tuple[str, list]]:
    """``tags/gpu.md`` -> ``tags/gpu.md``, ``tags/gpu/page/2.md`` ... (Hugo's /page/N/ URLs)."""
    if page_size <= 0 or len(items) <= page_size:
        return [(base_uri, items)]
    stem = base_uri[: -len(".md")]
    for index in ("/index", "/_index", "/README"):
        if stem.endswith(index):
            stem = stem[: -len(index)]
    count = math.ceil(len(items) / page_size)
    return [
        (base_uri if i == 0 else f"{stem}/page/{i + 1}.md", items[i * page_size : (i + 1) * page_size])
        for i in range(count)
    ]


def listing_pages(
    base_uri: str,
    title: str,
    kind: str,
    posts: list[Post],
    page_size: int,
    generated: bool = True,
    **extra: Any,
) -> list[Listing]:
    chunks = paginate(base_uri, posts, page_size)
    uris = [u for u, _ in chunks]
    return [
        Listing(
            uri,
            title,
            kind,
            chunk,
            page_no=i + 1,
            page_uris=uris,
            generated=generated if i == 0 else True,
            **extra,
        )
        for i, (uri, chunk) in enumerate(chunks)
    ]
