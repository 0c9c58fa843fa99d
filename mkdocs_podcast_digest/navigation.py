"""The automatic navigation (no ``nav`` in mkdocs.yml): our index pages, tidy and in reading order."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def arrange(nav: Navigation, index_uris: list[str], posts: list[list[str]] | None = None) -> None:
    """Our index pages, each alone in a section, become the page, after the writer's pages, in this order.

    MkDocs sorts the auto nav by path ("categories", "companies", "people", "posts", …) and wraps
    each index page in a section named after its folder; readers expect Posts first, then series
    and tags, under the names the pages carry in the site's language. ``posts``: the posts'
    src_uris, newest first, of each posts folder, when they are in the nav (``posts_in_nav``):
    listed in that order after the section's own pages, not by file name, and a leaf bundle or a
    year folder is not a section of its own. Previous/next links then follow the nav as shown.
    """
    for group in posts or ():
        if group:
            _order_posts(nav, group)
    rank = {uri: i for i, uri in enumerate(index_uris)}

    def unwrapped(item):
        """Our index page out of the section MkDocs wrapped it in. Other sections of one page
        stay: Material's blog hangs its archive under its own, and mkdocs-section-index's
        sections are pages already."""
        if isinstance(item, Section) and not isinstance(item, Page) and len(item.children) == 1:
            child = item.children[0]
            if isinstance(child, Page) and child.file.src_uri in rank:
                return child
        return item

    items = [unwrapped(item) for item in nav.items]

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
    _relink(nav)


def name_sections(nav: Navigation, titles: dict[str, str]) -> None:
    """Each section of the auto nav named as its Hugo ``_index.md`` names it (``titles``:
    src_uri -> name), as Hugo names a section: MkDocs names it after its folder ("About" for
    ``about/``, whose ``_index.md`` says 關於本站)."""

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, Section) and not isinstance(item, Page):
                own = next(
                    (c for c in item.children if isinstance(c, Page) and c.file.src_uri in titles),
                    None,
                )
                # (Only its own `_index.md`: a section holds none of a folder below it.)
                if own is not None:
                    item.title = titles[own.file.src_uri]
                walk(item.children)

    walk(nav.items)


def _order_posts(nav: Navigation, posts: list[str]) -> None:
    """Gather the posts under the innermost section that holds them all, in ``posts``' order."""
    rank = {uri: i for i, uri in enumerate(posts)}
    paths: list[list[Section]] = []  # the sections above each post

    def walk(items: list, above: list[Section]) -> None:
        for item in items:
            if isinstance(item, Page) and item.file.src_uri in rank:
                paths.append(above)
            elif isinstance(item, Section):
                walk(item.children, [*above, item])

    walk(nav.items, [])
    if not paths:
        return
    common: list[Section] = []
    for level in zip(*paths, strict=False):
        if any(s is not level[0] for s in level):
            break
        common.append(level[0])
    home = common[-1] if common else None
    found: list[Page] = []

    def take(items: list) -> list:
        """``items`` without their posts (collected in ``found``) or the sections left empty."""
        kept = []
        for item in items:
            if isinstance(item, Page) and item.file.src_uri in rank:
                found.append(item)
            elif isinstance(item, Section):
                item.children = take(item.children)
                if item.children:
                    kept.append(item)
            else:
                kept.append(item)
        return kept

    children = take(home.children if home else nav.items)
    found.sort(key=lambda page: rank[page.file.src_uri])
    for page in found:
        page.parent = home
    if home is None:
        nav.items = children + found
    else:
        home.children = children + found


def _relink(nav: Navigation) -> None:
    """Pages' previous/next links and ``nav.pages`` in the order the nav now shows them."""
    pages: list[Page] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    for before, after in zip([None, *pages], pages, strict=False):
        after.previous_page = before
        if before is not None:
            before.next_page = after
    if pages:
        pages[-1].next_page = None
    nav.pages = pages
