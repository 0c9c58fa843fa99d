"""RSS 2.0 feeds where Hugo wrote them: ``index.xml`` for the site, the posts, each taxonomy and term.

Hugo's subscribers keep their feed: the file name is Hugo's (``index.xml`` next to each list
page), and where a term's or a taxonomy's page moved (another folder, such as ``related_people/``
to ``people/``, or another spelling of its name) the feed is written at Hugo's path as well: feed
readers do not follow the HTML redirect pages that keep the old page URLs answering, so the old
feed URL gets the same XML, whose ``atom:link rel="self"`` names the new one.

Feeds are plain files added with ``File.generated`` in ``on_files``, once the posts are read and
the pages planned, so they need no rendered HTML: each item carries the post's ``description``
(or its first paragraph, cut from the raw Markdown), a link to the episode, its terms as
categories and, from ``audio:`` front matter, an ``<enclosure>`` that makes the feed a podcast.
The XML is written as text (every value escaped), after removing the control characters XML 1.0
forbids, so the feed parses whatever the titles contain; tests parse every feed.

RSS needs absolute links: without ``site_url`` no feed is written (an info message says so).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from html import escape
from itertools import islice
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .digest import SERIES_KEY, Digest
from .i18n import theme_language
from .posts import Post, to_timestamp_sortable
from .reading import inline_text, shorten
from .redirects import Redirect
from .taxonomy import Taxonomy

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "index.xml"  # Hugo's name for every list page's RSS
#: Characters XML 1.0 does not allow (C0 controls but tab/newline/return, lone surrogates,
#: U+FFFE/U+FFFF) plus the C1 controls it discourages.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text that can go into an XML 1.0 document: forbidden characters dropped, spaces folded."""
    return " ".join(_ILLEGAL_XML.sub("", text).split())


def site_join(site_url: str, url: str) -> str:
    """``urljoin(site_url, url)`` for a page's URL; a plain concatenation where that is the same
    (it is for every MkDocs page URL under a site_url ending in ``/``), as urljoin is slow."""
    if site_url.endswith("/") and url and url[0] not in "./" and "/." not in url and "//" not in url and ":" not in url:
        return site_url + url
    return urljoin(site_url, url)


def text_of(post: Post, limit: int) -> str:
    """What describes a post, as text: its ``description``, else Hugo's ``summary`` (Markdown
    there, so read as the words it shows), else its first paragraph, cut at ``limit``."""
    summary = post.meta.get("summary")
    return post.description or (inline_text(str(summary)) if summary else "") or shorten(post.excerpt, limit)


def absolute_url(ref: str, post_src_uri: str, files: Files, site_url: str) -> str:
    """A front-matter path (``cover.jpg``, ``/img/x.png``, ``https://…``) -> an absolute URL.

    A relative path is looked up next to the post, then from the docs root (as MkDocs resolves
    links); a leading ``/`` means the site root. Empty when there is no way to make it absolute.
    """
    ref = ref.strip()
    if not ref:
        return ""
    parts = urlsplit(ref)
    if parts.scheme in ("http", "https") and parts.netloc:
        return ref
    if parts.scheme or ref.startswith("//") or not site_url:
        return ""
    path = parts.path
    candidates = (
        [path.lstrip("/")]
        if path.startswith("/")
        else [
            posixpath.normpath(posixpath.join(posixpath.dirname(post_src_uri), path)),
            posixpath.normpath(path),
        ]
    )
    for candidate in candidates:
        file = files.get_file_from_path(candidate)
        if file is not None:
            return site_join(site_url, file.url)
    return urljoin(site_url, path.lstrip("/")) + (f"?{parts.query}" if parts.query else "")


@dataclass
class Item:
    title: str
    link: str
    date: dt.datetime | None
    description: str  # HTML, escaped again by the XML writer as RSS expects
    categories: list[str] = field(default_factory=list)
    enclosure: dict | None = None
    #: The item's XML, made once: a post appears in a dozen feeds (site, tags, people, series…).
    xml: str = ""
    #: Its date as RSS writes it (RFC 822), made with the XML: also the date of a feed it leads.
    pub_date: str = ""


@dataclass
class Channel:
    title: str
    link: str
    description: str
    self_url: str
    language: str = ""


def rss(channel: Channel, items: Iterable[Item]) -> str:
    """An RSS 2.0 document (with Atom's ``rel="self"``, which feed validators ask for).

    Written as text around the items' cached XML: a site has a feed per term, hundreds of them,
    and building each channel as an element tree cost more than the rest of the plugin's setup.
    """
    items = list(items)
    lines = [
        f"    <title>{xml_escape(clean(channel.title))}</title>",
        f"    <link>{xml_escape(clean(channel.link))}</link>",
        f"    <description>{xml_escape(_no_tags(clean(channel.description or channel.title)))}</description>",
        f'    <atom:link href={quoteattr(clean(channel.self_url))} rel="self" type="application/rss+xml" />',
    ]
    if channel.language:
        lines.append(f"    <language>{xml_escape(clean(channel.language))}</language>")
    lines.append("    <generator>mkdocs-podcast-digest</generator>")
    body = [item_xml(item) for item in items]  # first: it gives each item its pub_date
    newest = next((i for i in items if i.date), None)
    if newest is not None:
        # The newest post's date, not the build's: the same posts always give the same file.
        lines.append(f"    <lastBuildDate>{newest.pub_date}</lastBuildDate>")
    lines += body
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss xmlns:atom="{ATOM}" version="2.0">\n  <channel>\n'
        + "\n".join(lines)
        + "\n  </channel>\n</rss>\n"
    )


def _no_tags(text: str) -> str:
    """A channel's description is text (Hugo's is), but some readers show it as HTML: a ``<`` in
    it (a term named ``<img onerror=…>``) is escaped once more, so none of them runs it."""
    return escape(text, quote=False) if "<" in text else text


def _attr(value: str) -> str:
    """An attribute value as ElementTree writes it (quotes and line breaks escaped too)."""
    return xml_escape(value, _ATTR_ENTITIES)


_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}


def _element(tag: str, text: str, attrs: str = "") -> str:
    return f"<{tag}{attrs}>{xml_escape(text)}</{tag}>" if text else f"<{tag}{attrs} />"


def item_xml(item: Item) -> str:
    """An ``<item>``, indented for its place in the channel (its first line too: it is copied
    into a dozen feeds as it is); made once per post."""
    if item.xml:
        return item.xml
    parts = [
        _element("title", clean(item.title)),
        _element("link", clean(item.link)),
        _element("guid", clean(item.link), ' isPermaLink="true"'),
    ]
    if item.date is not None:
        item.pub_date = format_datetime(to_timestamp_sortable(item.date))
        parts.append(_element("pubDate", item.pub_date))
    if item.description:
        parts.append(_element("description", _ILLEGAL_XML.sub("", item.description)))
    parts += [_element("category", clean(name)) for name in item.categories]
    if item.enclosure:
        e = item.enclosure
        parts.append(
            f'<enclosure url="{_attr(_ILLEGAL_XML.sub("", e["url"]))}" length="{_attr(clean(str(e["length"])))}" '
            f'type="{_attr(clean(e["type"]))}" />'
        )
    item.xml = "    <item>\n      " + "\n      ".join(parts) + "\n    </item>"
    return item.xml


# ---------------------------------------------------------------------------------------------
# The site's feeds


@dataclass
class FeedLink:
    title: str
    url: str  # absolute
    #: The feed's path in the site, for a relative <link>: Material fetches `sitemap.xml` next to
    #: every `rel=alternate` URL, so an absolute one would send readers' browsers to site_url.
    path: str = ""


class Feeds:
    """Plans every feed of one build; ``files()`` returns them, ``links_for()`` their <link>s."""

    def __init__(self, digest: Digest, files: Files, config: MkDocsConfig, length: int):
        self.digest = digest
        self.files = files
        self.config = config
        self.site_url = config.site_url or ""
        self.length = length
        self.site: FeedLink | None = None
        #: (taxonomy key, slug) -> the term's feed
        self.terms: dict[tuple[str, str], FeedLink] = {}
        #: taxonomy key -> the feed of its terms
        self.indexes: dict[str, FeedLink] = {}
        #: a section's page (`posts/2024/_index.md`) -> its feed
        self.sections: dict[str, FeedLink] = {}
        #: each posts folder -> the feed of its posts (`posts/index.xml`), announced on its index
        self.folders: dict[str, FeedLink] = {}
        self._items: dict[str, Item] = {}
        self._urls = {f.src_uri: f.url for f in files.documentation_pages()}
        self._rank: dict[str, int] = {}
        #: Each feed written, with its channel and items: made again without a post another
        #: plugin took out of the site after this one planned the feeds (``forget``).
        self._made: list[tuple[File, Channel, list[Item]]] = []
        #: Each copy of a feed at a Hugo path, with the feed it copies (``forget`` writes both).
        self._copies: list[tuple[File, File]] = []

    def _abs(self, src_uri: str) -> str:
        return site_join(self.site_url, self._urls.get(src_uri, ""))

    def item(self, post: Post) -> Item:
        item = self._items.get(post.src_uri)
        if item is None:
            item = self._items[post.src_uri] = self._make_item(post)
        return item

    def _make_item(self, post: Post) -> Item:
        text = text_of(post, 300)
        parts = [f"<p>{escape(clean(text))}</p>"] if text else []
        source = urlsplit(post.source_url)
        if source.scheme in ("http", "https") and source.netloc:
            name = post.source_name or source.netloc
            parts.append(f'<p><a href="{escape(post.source_url)}">{escape(clean(name))}</a></p>')
        categories = [*post.terms.get("categories", ()), *post.terms.get("tags", ())]
        enclosure = None
        if post.audio:
            url = absolute_url(post.audio["url"], post.src_uri, self.files, self.site_url)
            enclosure = {**post.audio, "url": url} if url else None
        return Item(
            title=post.title,
            link=self._abs(post.src_uri),
            date=post.date,
            description="\n".join(parts),
            categories=categories,
            enclosure=enclosure,
        )

    def _newest(self, posts: Iterable[Post], in_order: bool = False) -> list[Item]:
        """The newest ``length`` posts' items; only those are made (a tag can have hundreds).
        ``in_order``: the posts are newest first already (a term's, but for a series'), so the
        first ones are taken without sorting the term's posts, for each of hundreds of terms."""
        published = (p for p in posts if not p.draft)
        if not in_order:
            rank = self._rank
            published = iter(sorted(published, key=lambda p: rank[p.src_uri]))
        return [self.item(p) for p in (islice(published, self.length) if self.length > 0 else published)]

    def _terms_newest(self, key: str, tax: Taxonomy) -> list[Item]:
        """A taxonomy's terms as feed items, the term with the newest post first (as Hugo does)."""
        rank = self._rank
        latest = []
        for term in tax.terms.values():
            posts = [p for p in term.posts if not p.draft]
            if posts:
                newest = min(posts, key=lambda p: rank[p.src_uri])
                latest.append((rank[newest.src_uri], term.slug, newest))
        latest.sort(key=lambda entry: entry[:2])
        items = []
        for _, slug, newest in latest[: self.length] if self.length > 0 else latest:
            info = self.digest.infos[(key, slug)]
            link = self._abs(self.digest.term_uris[(key, slug)])
            text = f"<p>{escape(clean(info.description))}</p>" if info.description else ""
            items.append(Item(info.name, link, newest.date, text))
        return items

    def plan(self, redirects: Iterable[Redirect] = ()) -> list[File]:
        """Every feed as a generated file; none without ``site_url`` or when a file is in the way.
        ``redirects``: the build's planned redirects (a term's page Hugo wrote elsewhere had its
        feed there too); only read here, so the plan is let go once its pages are made."""
        config = self.config
        taken = {f.src_uri for f in self.files}
        language = theme_language(config)
        out: list[File] = []
        # Every feed is newest first: the order is worked out once, not once per term.
        self._rank = {p.src_uri: i for i, p in enumerate(self.digest.sorted_entries())}

        feed_of: dict[str, File] = {}  # a page -> its feed, for copies at Hugo's paths

        def add(path: str, channel: Channel, items: list[Item], page_uri: str = "") -> FeedLink | None:
            if path in taken:
                return None
            taken.add(path)
            file = _included(File.generated(config, path, content=""))
            channel.self_url = site_join(self.site_url, file.url)  # quoted: tags/%E6%8E%A8/index.xml
            file.content_string = rss(channel, items)
            self._made.append((file, channel, items))
            out.append(file)
            if page_uri:
                feed_of[page_uri] = file
            return FeedLink(channel.title, channel.self_url, file.url)

        site_name = str(config.site_name)
        home = Channel(site_name, self.site_url, str(config.site_description or ""), "", language)
        listed = [p for p in self.digest.posts.values() if not p.unlisted]
        # The site's feed is Hugo's home page's, `site.RegularPages`: not the posts listed in
        # their section only (`build: {list: local}`), which its section's feed still holds.
        posts = self._newest(p for p in listed if not p.local)
        in_section = self._newest(listed) if any(p.local for p in listed) else posts
        self.site = add(FEED_NAME, home, posts, self.digest.home_uri)  # (and where Hugo's home page moved)
        # Hugo's feed of each posts folder's section (`posts/index.xml`): its posts.
        folders = self.digest.folder_titles  # (those that exist)
        for folder, name in folders.items() if self.digest.posts else ():
            index = self.digest.folder_indexes.get(folder)
            link = self._abs(index) if index else self.site_url
            inside = in_section
            if len(self.digest.options.posts_dir) > 1:
                inside = self._newest(self.digest.folder_posts.get(folder, ()), in_order=True)
            feed = add(f"{folder}/{FEED_NAME}", Channel(f"{name} – {site_name}", link, "", "", language), inside, index or "")
            if feed:
                self.folders[folder] = feed
        # ...and of each section below them with a page (`posts/2024/_index.md`): its posts.
        for uri, inside in self.digest.sections.items() if self.digest.posts else ():
            head = uri[: -len("_index.md")]
            title = f"{self.digest.listings[uri].title} – {site_name}"
            channel = Channel(title, self._abs(uri), "", "", language)
            link = add(f"{head}{FEED_NAME}", channel, self._newest(inside, in_order=True), uri)
            if link:
                self.sections[uri] = link
        # ...and of each other section (`guides/_index.md`): its own pages, as Hugo wrote it.
        for uri, pages in self.digest.plain_sections(self.files).items():
            name = self.digest.section_title(uri)
            channel = Channel(f"{name} – {site_name}", self._abs(uri), "", "", language)
            items = [self.item(p) for p in (pages[: self.length] if self.length > 0 else pages)]
            link = add(f"{uri[: -len('_index.md')]}{FEED_NAME}", channel, items, uri)
            if link:
                self.sections[uri] = link
        for key, tax in self.digest.taxonomies.items():
            for term in tax.terms.values():
                info = self.digest.infos[(key, term.slug)]
                page_uri = self.digest.term_uris[(key, term.slug)]
                channel = Channel(f"{info.name} – {site_name}", self._abs(page_uri), info.description, "", language)
                items = self._newest(term.posts, in_order=key != SERIES_KEY)
                link = add(f"{tax.folder}/{term.slug}/{FEED_NAME}", channel, items, page_uri)
                if link:
                    self.terms[(key, term.slug)] = link
            # Hugo's feed of a whole taxonomy (`tags/index.xml`): its terms, latest post first.
            index = self.digest.index_uris.get(key)
            if index is not None:
                title = f"{self.digest.label(tax.folder)} – {site_name}"
                channel = Channel(title, self._abs(index), "", "", language)
                link = add(f"{tax.folder}/{FEED_NAME}", channel, self._terms_newest(key, tax), index)
                if link:
                    self.indexes[key] = link
        claimed = {f.dest_uri for f in self.files}
        # `tags/Abc/` beside `tags/abc/`: one file where the file system folds case (macOS).
        same = str.lower if self.digest.folds_case() else str
        folded = {same(path) for path in taken}
        for redirect in redirects:
            if redirect.reason in ("page", "alias"):  # Hugo wrote no feed for page 2 of a list, nor at an alias
                continue
            # A term page Hugo wrote elsewhere: its feed was next to it, `<old folder>/index.xml`.
            # Where a page of ours or an earlier redirect has that URL, the feed follows it, as
            # the redirect pages do (the first one planned for a URL is the one written).
            if redirect.dest_uri in claimed:
                continue
            claimed.add(redirect.dest_uri)
            feed = feed_of.get(redirect.target_src_uri)
            if feed is None:
                continue
            if redirect.dest_uri.endswith("/index.html"):
                path = redirect.dest_uri[: -len("index.html")] + FEED_NAME
            elif redirect.reason == "term" and redirect.dest_uri.endswith(".html"):
                # A term's page Hugo wrote as a file (`uglyURLs`, `tags/x.html`): its feed is
                # in the folder of that name, `tags/x/index.xml`.
                path = redirect.dest_uri[: -len(".html")] + "/" + FEED_NAME
            else:
                continue
            if same(path) not in folded:
                folded.add(same(path))
                copy = _included(File.generated(config, path, content=feed.content_string))
                self._copies.append((copy, feed))
                out.append(copy)
        return out

    def forget(self, src_uris: list[str]) -> None:
        """Write again, without them, the feeds that had these posts, and their copies at Hugo's
        paths (``Digest.forget_removed``)."""
        links = {self._abs(uri) for uri in src_uris}
        for file, channel, items in self._made:
            if any(item.link in links for item in items):
                file.content_string = rss(channel, [item for item in items if item.link not in links])
        for copy, feed in self._copies:  # the copies at Hugo's paths too
            copy.content_string = feed.content_string

    def keep_written(self, files: Files) -> None:
        """Announce only the feeds still in ``files`` (a feed a term's folder needed the name
        of is left out: ``Digest.check_collisions``)."""
        written = {f.url for f in files}
        self.terms = {k: link for k, link in self.terms.items() if link.path in written}
        self.indexes = {k: link for k, link in self.indexes.items() if link.path in written}
        self.sections = {k: link for k, link in self.sections.items() if link.path in written}
        if self.site is not None and self.site.path not in written:
            self.site = None
        self.folders = {k: link for k, link in self.folders.items() if link.path in written}

    def links_for(self, src_uri: str) -> list[FeedLink]:
        """Feeds to announce on a page: the site's, and on a term's (or a taxonomy's index's,
        a section's, the posts index's) pages that term's (or that taxonomy's, that section's,
        the posts' section's)."""
        links = [self.site] if self.site else []
        if src_uri in self.sections:
            return [*links, self.sections[src_uri]]
        listing = self.digest.listings.get(src_uri)
        if listing is not None and listing.kind == "posts" and listing.page_uris:
            folder = self.digest.posts_folder(listing.page_uris[0])
            if self.digest.folder_indexes.get(folder) == listing.page_uris[0] and folder in self.folders:
                links.append(self.folders[folder])  # each page of a posts folder's index
        if listing is not None and listing.taxonomy is not None:
            key = listing.taxonomy.key
            link = self.terms.get((key, listing.term.slug)) if listing.term else self.indexes.get(key)
            if link:
                links.append(link)
        return links


def _included(file: File) -> File:
    """Written even under a folder MkDocs leaves out by default (Hugo wrote `tags/.net/`)."""
    file.inclusion = InclusionLevel.INCLUDED
    return file
