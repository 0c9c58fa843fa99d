"""The automatic navigation (no ``nav`` in mkdocs.yml): our index pages, tidy and in reading order."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def arrange(nav: Navigation, index_uris: list[str]) -> None:
    """Single-page sections become the page; our indexes follow the writer's pages in this order.

    MkDocs sorts the auto nav by path ("categories", "companies", "people", "posts", …) and wraps
    each index page in a section named after its folder; readers expect Posts first, then series
    and tags, under the names the pages carry in the site's language.
    """
    items = [
        item.children[0] if isinstance(item, Section) and len(item.children) == 1 else item
        for item in nav.items
    ]
    rank = {uri: i for i, uri in enumerate(index_uris)}

    def ours(item) -> int | None:
        if isinstance(item, Page):
            return rank.get(item.file.src_uri)
        if isinstance(item, Section):
            first = next((c for c in item.children if isinstance(c, Page)), None)
            return rank.get(first.file.src_uri) if first else None
        return None

    mine = sorted((i for i in items if ours(i) is not None), key=ours)
    nav.items = [i for i in items if ours(i) is None] + mine
    for item in nav.items:
        item.parent = None
