"""One build's view of the site: posts read once, taxonomies, the pages to add, the redirects.

A new :class:`Digest` is made for every build (``mkdocs serve`` rebuilds included), so an edited,
renamed or deleted post can never leave a stale term, series entry or index line behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import posixpath
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from . import posts as postmod
from . import reading
from .batch import Batched
from .cascade import Cascades, page_path
from .cascade import Entry as CascadeEntry
from .cascade import entries as cascade_entries
from .config import PluginConfig
from .pages import Listing, TermInfo, listing_pages, term_info
from .permalinks import Facts, Permalinks, UglyURLs, expand, uglify
from .postcache import PostCache
from .posts import Post, Problem
from .render import Links
from .shortcodes.hugo import safe_url
from .taxonomy import SourceProblem, Taxonomy, build_taxonomy, order_series
from .urls import hugo_alias_path, hugo_post_path, hugo_term_path, hugo_urlize, slugify, title_from_slug

SERIES_KEY = "series"

#: Names that Hugo's URL rules leave as they are (lower-case ASCII words joined by - _ .), so
#: the Hugo URL of such a post or term needs no emulation.
_PLAIN_NAME = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\.md)?")


@dataclass
class Redirect:
    dest_uri: str  # e.g. "old/path/index.html"
    target_src_uri: str  # the page it points to
    reason: str
    src_uri: str = ""  # the post that asked for it, for warnings


#: Hugo's language suffix in a content file's name (``post.fr.md``, ``post.zh-tw.md``); only
#: which of two files keeps a shared alias depends on it.
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:-[a-zA-Z]{2,4})?\.md$")


def _newest(posts: list[Post]) -> dt.datetime | None:
    """The newest date among ``posts`` (a list's date in Hugo: its newest page's)."""
    dates = [p.date for p in posts if p.date is not None]
    return max(dates, key=postmod.to_timestamp_sortable) if dates else None


def _regular_page(src_uri: str) -> bool:
    """A page Hugo would have made a regular page of (no section's or folder's index page)."""
    return posixpath.basename(src_uri).lower() not in ("index.md", "_index.md", "readme.md")


def _blog_dirs(config: MkDocsConfig) -> tuple[str, ...]:
    """The folders of Material's blog plugins (``blog/``): their posts are that plugin's."""
    return tuple(
        str(plugin.config.blog_dir).strip("/") + "/"
        for plugin in config.plugins.values()
        if type(plugin).__module__.startswith("material.plugins.blog") and hasattr(plugin.config, "blog_dir")
    )


def _front_matter_key(names) -> re.Pattern[bytes]:
    """A line of front matter that sets one of ``names`` (in any case, quoted or not, YAML's
    ``:`` or TOML's ``=``): a quick look at a page's bytes before reading it."""
    alternatives = b"|".join(re.escape(name.encode()) for name in sorted(names, key=len, reverse=True))
    return re.compile(rb"(?im)^[ \t]*[\"']?(?:" + alternatives + rb")[\"']?[ \t]*[:=]")


#: A publish date written out (a page that is no post is held back by that, not by its ``date``).
_PUBLISH_NAMES = frozenset(("publishdate", "publish_date", "pubdate", "published"))
_PUBLISH_KEY = _front_matter_key(_PUBLISH_NAMES)
#: The front-matter keys by which Hugo publishes a page elsewhere or not at all: only the
#: writer's other pages that name one (or get one from a cascade) are read by the plugin
#: (MkDocs reads the rest).
_HUGO_PAGE_KEYS = _PUBLISH_NAMES | frozenset(
    ("draft", "headless", "build", "_build", "aliases", "url", "slug", "expirydate", "expiry_date", "unpublishdate")
)
_HUGO_PAGE_KEY = _front_matter_key(_HUGO_PAGE_KEYS)


@dataclass
class Digest:
    options: PluginConfig
    config: MkDocsConfig
    include_drafts: bool
    labels: dict[str, str]
    #: Hugo's environment, for a cascade's ``target.environment``: ``hugo server``'s under serve.
    environment: str = "production"
    posts: dict[str, Post] = field(default_factory=dict)
    taxonomies: dict[str, Taxonomy] = field(default_factory=dict)
    listings: dict[str, Listing] = field(default_factory=dict)
    infos: dict[tuple[str, str], TermInfo] = field(default_factory=dict)
    term_uris: dict[tuple[str, str], str] = field(default_factory=dict)
    index_uris: dict[str, str] = field(default_factory=dict)
    #: Each posts folder (``posts_dir``, in its order) -> its index page, when it has one: the
    #: first is the posts index (``index_uris[""]``), the others lists of their own posts.
    folder_indexes: dict[str, str] = field(default_factory=dict)
    #: Each posts folder -> its name (its index's title, or "Posts", or the folder's).
    folder_titles: dict[str, str] = field(default_factory=dict)
    #: Each posts folder -> its posts in lists, in Hugo's order (its index, feed, nav group).
    folder_posts: dict[str, list[Post]] = field(default_factory=dict)
    #: The home page's file (the writer's, or the listing of the newest posts made for it).
    home_uri: str = ""
    redirects: list[Redirect] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    #: Posts that are not published yet, or no longer (Hugo's ``publishDate`` and ``expiryDate``),
    #: by file: left out of this build, or shown as drafts under serve; and those that never have
    #: a page (``headless``) or have none in this build (drafts), so a link to one can say why.
    held: dict[str, Post] = field(default_factory=dict)
    #: Each post's file, in the order MkDocs reads pages (for :meth:`body`).
    post_files: dict[str, File] = field(default_factory=dict)
    _bodies: Batched[str, str] | None = field(default=None, init=False, repr=False)
    #: The bodies of the posts read from their files in this build, until MkDocs asks for each.
    _unread: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    #: When this build read the posts: what "scheduled" and "expired" are measured against.
    _now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc), init=False, repr=False)
    #: Hugo's sections below the posts' folder (`posts/2024/_index.md`) with a page here, and
    #: the posts in each, newest first (its listing, feed and the pages Hugo split it into).
    sections: dict[str, list[Post]] = field(default_factory=dict, init=False, repr=False)
    #: Every `_index.md` served as the page of its folder (home, sections, taxonomies, terms).
    _folder_pages: dict[str, File] = field(default_factory=dict, init=False, repr=False)
    #: Each `_index.md` read (once) as a post is: `folder_page`.
    _folder_read: dict[str, Post | None] = field(default_factory=dict, init=False, repr=False)
    #: A leaf bundle's folder -> the folder Hugo published it at, where that differs (a `slug`).
    _moved_bundles: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    #: The writer's other pages whose front matter has Hugo's ``aliases``, ``url`` or ``slug``
    #: (``about.md`` with ``aliases: [/about-us/]``): their old URLs keep answering too.
    _moved_pages: dict[str, tuple[File, Post]] = field(default_factory=dict, init=False, repr=False)
    _blog_dirs: tuple[str, ...] = field(default=(), init=False, repr=False)
    #: The writer's other pages with terms (``about.md`` with ``tags: [關於]``): Hugo listed every
    #: page on its terms' pages, so they are on theirs here (and in their feeds), as pages, not
    #: posts: in no posts index, home page, site feed or related posts.
    tagged: dict[str, Post] = field(default_factory=dict, init=False, repr=False)
    #: ``posts/`` for each posts folder (one ``startswith`` per file of the site), and ``tags/``
    #: for each taxonomy's (whose pages are terms' own, never entries of a term).
    _posts_prefixes: tuple[str, ...] = field(default=(), init=False, repr=False)
    _taxonomy_prefixes: tuple[str, ...] = field(default=(), init=False, repr=False)
    #: A taxonomy's key in front matter (a page that names none is not read for terms).
    _term_key: re.Pattern[bytes] | None = field(default=None, init=False, repr=False)
    _speeds: tuple[float, float] | None = field(default=None, init=False, repr=False)
    #: The writer's other pages Hugo listed on its home page (whose list, by default, held every
    #: regular page: `about.md` too), for the pages it split that list into.
    _other_pages: int = field(default=0, init=False, repr=False)
    _folds_case: bool | None = field(default=None, init=False, repr=False)
    #: Hugo's ``cascade`` of every `_index.md` (none on most sites: then nothing is looked up).
    cascades: Cascades = field(default_factory=lambda: Cascades({}), init=False, repr=False)
    #: Hugo's ``permalinks`` (``hugo_permalinks``): where Hugo published pages, by kind.
    permalinks: Permalinks = field(default_factory=Permalinks, init=False, repr=False)
    #: Hugo's ``uglyURLs`` (``hugo_ugly_urls``): the sections Hugo published as files.
    ugly: UglyURLs = field(default_factory=UglyURLs, init=False, repr=False)

    def __post_init__(self) -> None:
        self._posts_prefixes = tuple(folder + "/" for folder in self.options.posts_dir)
        self._taxonomy_prefixes = tuple(folder + "/" for folder in self.options.taxonomies.values())
        if self.options.taxonomies:
            self._term_key = _front_matter_key(self.options.taxonomies)
        self.permalinks = Permalinks(self.options.hugo_permalinks)  # checked with the config
        self.ugly = UglyURLs(self.options.hugo_ugly_urls)

    def _ugly_page(self, src_uri: str) -> bool:
        """Whether Hugo published the page at ``src_uri`` as a file (``uglyURLs``): by its
        section, the top folder of its content file (whatever its slug made of its URL)."""
        return bool(self.ugly) and self.ugly(src_uri.partition("/")[0] if "/" in src_uri else "")

    # ----------------------------------------------------------------------------- reading

    def is_post(self, file: File) -> bool:
        """Every page under posts_dir but its own index, and Hugo's section pages (``_index.md``).

        A Hugo leaf bundle (``posts/my-post/index.md``) is a post, as it was in Hugo.
        """
        uri = file.src_uri
        if not uri.startswith(self._posts_prefixes) or not file.is_documentation_page():
            return False
        folder, name = posixpath.split(uri)
        stem = posixpath.splitext(name)[0]
        if stem == "_index":
            return False
        return folder not in self.options.posts_dir or stem not in ("index", "README")

    def posts_folder(self, src_uri: str) -> str:
        """The posts folder (of ``posts_dir``) a post or section is in."""
        return next((p[:-1] for p in self._posts_prefixes if src_uri.startswith(p)), "")

    def read_posts(self, files: Files, cache: PostCache | None = None) -> list[File]:
        """Parse every post once (or take it from ``cache`` if its file is unchanged since the
        last build); return the draft files to leave out of this build."""
        drafts: list[File] = []
        keys = tuple(self.options.taxonomies)
        o = self.options
        # Read once, not per post: each option read is a lookup through MkDocs' config.
        speeds = self._speeds = (o.reading_speed_cjk, o.reading_speed_words) if o.reading_time else None
        in_nav = o.posts_in_nav
        # Once per build (a post's status is not part of what the serve cache keeps).
        now = self._now = dt.datetime.now(dt.timezone.utc)
        settings = (keys, speeds)  # what shapes a post read from the same bytes (its cache key)
        cascades = self.cascades = self._read_cascades(files)
        self._tagged_folder_pages(files)
        self._markdown_in_capitals(files)
        self._blog_dirs = _blog_dirs(self.config)
        headless: list[str] = []  # leaf bundles Hugo renders no page of: their pages neither
        unpublished: list[str] = []  # draft, scheduled or expired leaf bundles: their files neither
        for file in files.documentation_pages():
            if not self.is_post(file):
                if self._other_page_held(file, headless, unpublished):
                    drafts.append(file)
                elif _regular_page(file.src_uri) and not file.src_uri.startswith(self._taxonomy_prefixes):
                    self._other_pages += 1
                continue
            try:
                raw = file.content_bytes
            except OSError as err:
                self.problems.append(SourceProblem(file.src_uri, Problem(f"cannot be read ({err})")))
                continue
            inherited = cascades.inherited(file.src_uri) if cascades else None
            shaped = (*settings, repr(inherited)) if inherited else settings  # (a cascade shapes it too)
            key = PostCache.key(file.src_uri, raw, shaped) if cache is not None else ()
            post = cache.get(key) if cache is not None else None
            body = None
            if post is None:
                post = postmod.parse_post(file.src_uri, raw, keys, inherited)
                if (own := _own_cascade(post)) is not None:  # a post's own cascade is its own too
                    found, problems = cascade_entries(own)
                    post = postmod.parse_post(file.src_uri, raw, keys, cascades.own(file.src_uri, found, inherited or {}))
                    post.problems += [Problem(f"{message}. Fix the front matter.") for message in problems]
                body = post.body
                self._take_facts(post, speeds)
                if cache is not None:
                    cache.put(key, post)
            self.problems += [SourceProblem(file.src_uri, p) for p in post.problems]
            if post.unrendered:  # Hugo makes no page of it, under its server too
                post.held = "unrendered"
                self.held[file.src_uri] = post
                drafts.append(file)
                continue
            if held := self._held_back(post, now):
                post.held = held
                post.draft = True  # this build's copy only (the cache keeps its own)
                self.held[file.src_uri] = post
            if post.draft and not self.include_drafts:
                self.held.setdefault(file.src_uri, post)  # a draft: for a link to it, the reason
                drafts.append(file)
                if file.src_uri.endswith("/index.md"):  # a leaf bundle: Hugo published none of it
                    unpublished.append(file.src_uri[: -len("index.md")])
                continue
            if body is not None:
                self._unread[file.src_uri] = body
            self.posts[file.src_uri] = post
            self.post_files[file.src_uri] = file
            if not in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        if cache is not None:
            cache.keep_seen()
        if headless or unpublished:
            # A headless bundle's images may be shown by other pages: only its pages go.
            pages, everything = tuple(headless), tuple(unpublished)
            dropped = {id(f) for f in drafts}
            swept = [
                f
                for f in files
                if id(f) not in dropped
                and not f.generated_by
                and (f.src_uri.startswith(everything) or (f.is_documentation_page() and f.src_uri.startswith(pages)))
            ]
            for f in swept:  # a page of the bundle read as a post: no post, then
                if self.posts.pop(f.src_uri, None) is not None:
                    del self.post_files[f.src_uri]
                    self._unread.pop(f.src_uri, None)
            drafts += swept
        self._date_sections()
        return drafts

    def _date_sections(self) -> None:
        """A section or home page (`_index.md`) listed under its terms with no date of its own
        has its newest page's, as Hugo dates a section: it sorts among the posts, not last."""
        undated = [uri for uri, page in self.tagged.items() if uri.endswith("_index.md") and page.date is None]
        if not undated:
            return
        dated = [p for p in (*self.posts.values(), *self.tagged.values()) if p.date is not None and not p.draft]
        for uri in undated:
            head = posixpath.dirname(uri)
            inside = [p for p in dated if not head or p.src_uri.startswith(head + "/")]
            if inside:
                self.tagged[uri].date = _newest(inside)

    def _other_page_held(self, file: File, headless: list[str], unpublished: list[str]) -> bool:
        """Whether one of the writer's other pages (not a post) is left out, as Hugo left it out:
        ``draft: true``, ``headless``/``build: {render: never}``, an explicit ``publishDate`` to
        come or an ``expiryDate`` gone (a future ``date`` alone does not hide a page that is no
        post). Its ``aliases``, ``url`` and ``slug`` are kept for ``plan_redirects``, and its
        terms for their pages (``tagged``). Only pages whose front matter, or a cascade above
        them, names one of those keys or a taxonomy's are read."""
        if (
            file.generated_by
            or posixpath.basename(file.src_uri) == "_index.md"
            or file.src_uri.startswith(self._blog_dirs)  # Material's blog reads its own posts
        ):
            return False
        try:
            raw = file.content_bytes
        except OSError:
            return False  # MkDocs reports it
        head = raw[:65536]  # the front matter, however long its description
        written = head.startswith((b"---", b"+++", b"{", b"\xef\xbb\xbf"))
        inherited = self.cascades.inherited(file.src_uri) if self.cascades else {}
        # Hugo's `permalinks` for its section (or the root's): Hugo published it elsewhere.
        ruled = (
            bool(self.permalinks) and self.permalinks.pattern("page", page_path(file.src_uri)) is not None
        ) or (self._ugly_page(file.src_uri) and file.src_uri != "index.md")  # (Hugo's URL differs; not the home)
        if not written and not inherited and not ruled:
            return False
        # A page in a taxonomy's folder is a term's own page (`people/lex-fridman.md`), no entry.
        termed = (
            (written and self._term_key is not None and self._term_key.search(head) is not None)
            or any(key in self.options.taxonomies for key in inherited)
        ) and not file.src_uri.startswith(self._taxonomy_prefixes)
        hugo_keys = (written and _HUGO_PAGE_KEY.search(head) is not None) or any(
            key in _HUGO_PAGE_KEYS for key in inherited
        )
        if not termed and not hugo_keys and not ruled:
            return False
        # Its other problems are not reported: MkDocs renders the page, and its front matter may be
        # another plugin's (a date as a mapping); its aliases, url and slug are checked as used.
        keys = tuple(self.options.taxonomies) if termed else ()
        page = postmod.parse_post(file.src_uri, raw, keys, inherited or None)
        if page.unrendered:
            held = "unrendered"  # as a post's: no page under serve either
        elif page.draft:
            held = "draft"
        else:
            hold = page.hold(self._now)
            published = _PUBLISH_KEY.search(head) is not None or any(k in inherited for k in _PUBLISH_NAMES)
            explicit = hold == "expired" or (hold == "future" and published)
            held = self._held_back(page, self._now) if explicit else ""
        if held and (held == "unrendered" or not self.include_drafts):
            page.held = held
            self.held[file.src_uri] = page
            if file.src_uri.endswith("/index.md"):  # a leaf bundle: its pages (and files) neither
                (headless if page.unrendered else unpublished).append(file.src_uri[: -len("index.md")])
            return True
        if page.aliases or page.url or page.slug or ruled:
            self._moved_pages[file.src_uri] = (file, page)
        if termed and any(page.terms.values()) and not page.unlisted:
            self._take_facts(page, self._speeds)  # for its line in the term's list
            self.tagged[file.src_uri] = page
        return False

    def _markdown_in_capitals(self, files: Files) -> None:
        """``UPPER.MD``: a page to Hugo; to MkDocs, which reads only lower-case extensions, a file
        to copy as it is. Said, not guessed at: renaming is the writer's call."""
        for file in files:
            stem, ext = posixpath.splitext(file.src_uri)
            if (
                ext != ext.lower()
                and ext.lower() in utils.markdown_extensions
                and not file.generated_by
                and not file.inclusion.is_excluded()  # left out by `exclude_docs`: nothing is lost
            ):
                self.problems.append(
                    SourceProblem(
                        file.src_uri,
                        Problem(
                            f"is copied as a file, not built as a page: MkDocs reads only lower-case "
                            f"extensions. Rename it to {posixpath.basename(stem)}{ext.lower()}."
                        ),
                    )
                )

    @staticmethod
    def _take_facts(post: Post, speeds: tuple[float, float] | None) -> None:
        """What listings and feeds need from the body; then the post lets the body go (``body``
        hands it to MkDocs, once). (The page's players are recorded by the shortcode extension
        while it renders.) ``speeds``: characters and words a minute, or None when reading time
        is off."""
        if speeds is not None:
            post.minutes = reading.minutes(post.body, *speeds)
        given = post.meta.get("summary")
        if post.description:
            post.listed = post.description
        elif given:
            post.listed = reading.inline_text(str(given))
        else:
            manual = reading.manual_summary(post.body)
            post.excerpt = manual or reading.first_paragraph(post.body, 0)
            post.listed = reading.shorten(manual, 300)
        post.body = ""

    def body(self, src_uri: str) -> str:
        """A post's Markdown without its front matter, for MkDocs to render.

        The body read in ``read_posts`` is handed over once and let go: MkDocs reads every page
        before it renders any, so the bodies wait in memory no longer than the pages' HTML,
        which replaces them (peak memory unchanged; reading each file twice cost ~5% of the
        plugin's time). A post taken from the ``mkdocs serve`` cache, or asked for again, is
        read from its file, a run of posts at a time: MkDocs asks for them in this order.
        """
        body = self._unread.pop(src_uri, None)
        if body is not None:
            return body
        if self._bodies is None:
            self._bodies = Batched(list(self.post_files), lambda uri: self.body_of(self.post_files[uri]))
        return self._bodies.get(src_uri)

    def line_of(self, src_uri: str, key: str) -> int | None:
        """Where a post's (or an ``_index.md`` page's) front matter has ``key``: read again from
        its file, as only a warning found after reading (a clashing alias, a duplicate
        series_order) asks for it."""
        file = self.post_files.get(src_uri) or self._folder_pages.get(src_uri)
        if file is None or not key:
            return None
        try:
            text, _ = postmod.decode(file.content_bytes)
        except OSError:
            return None
        return postmod.key_lines(text).get(key.lower())

    @staticmethod
    def body_of(file: File) -> str:
        text, _ = postmod.decode(file.content_bytes)
        return postmod.split_front_matter(text)[2]

    def forget_removed(self, files: Files) -> list[str]:
        """Leave out the posts another plugin took out of ``files`` after they were read (one
        listed after this one, such as mkdocs-exclude: its ``on_files`` runs after ours). Their
        pages are gone; listings, term pages and related posts leave them out too (and the
        caller, the feeds); the pages and counts planned with them stay, so the writer is told
        to list that plugin first. Returns them."""
        gone = [uri for uri in self.post_files if files.get_file_from_path(uri) is None]
        if not gone:
            return gone
        removed = set(gone)
        for uri in gone:
            del self.posts[uri], self.post_files[uri]
            self._unread.pop(uri, None)
            self.problems.append(
                SourceProblem(
                    uri,
                    Problem(
                        "was taken out of the site by another plugin after podcast-digest read the "
                        "posts; it is left out of listings and feeds, but pages and counts were "
                        "planned with it. List that plugin before podcast-digest in mkdocs.yml, or "
                        "leave the post out with MkDocs' exclude_docs."
                    ),
                )
            )
        for tax in self.taxonomies.values():
            for term in tax.terms.values():
                term.posts = [p for p in term.posts if p.src_uri not in removed]
        for listing in self.listings.values():
            listing.posts = [p for p in listing.posts if p.src_uri not in removed]
        return gone

    def sorted_posts(self) -> list[Post]:
        """The posts lists show, in Hugo's order (not those Hugo lists nowhere: ``list: never``)."""
        return sorted((p for p in self.posts.values() if not p.unlisted), key=lambda p: p.sort_key)

    def sorted_entries(self, ordered: list[Post] | None = None) -> list[Post]:
        """What term pages list: the posts (``ordered``, when sorted already) and the writer's
        other pages with terms, in Hugo's order."""
        ordered = self.sorted_posts() if ordered is None else ordered
        if not self.tagged:
            return ordered
        return sorted([*ordered, *self.tagged.values()], key=lambda p: p.sort_key)

    @property
    def listed_count(self) -> int:
        return sum(1 for p in self.posts.values() if not p.unlisted)

    def _data_name(self, folder: str) -> str:
        return posixpath.join(self.options.data_dir, f"{folder}.yml")

    def _drop_unsafe_links(self, info: TermInfo, where: str) -> None:
        """A term's links and photo go only where a link may (a path, or an http(s) address), as
        in the figure and details shortcodes: ``javascript:`` and ``data:`` are left out."""
        for link in [x for x in info.links if not safe_url(x["url"])]:
            info.links.remove(link)
            self.problems.append(SourceProblem(where, Problem(_unsafe(info.name, "link", link["url"]))))
        if info.photo and not safe_url(info.photo):
            self.problems.append(SourceProblem(where, Problem(_unsafe(info.name, "photo", info.photo))))
            info.photo = ""

    def _term_data(self, folder: str) -> dict[str, Any]:
        shown = self._data_name(folder)  # as the writer names it: beside mkdocs.yml
        path = posixpath.join(posixpath.dirname(self.config.config_file_path or ""), shown)
        try:
            with open(path, encoding="utf-8-sig") as f:
                data = yaml.load(f, Loader=postmod.SAFE_LOADER)
        except FileNotFoundError:
            return {}
        except (OSError, yaml.YAMLError) as err:
            self.problems.append(
                SourceProblem(shown, Problem(f"cannot be read as YAML ({' '.join(str(err).split())}); fix the file"))
            )
            return {}
        if not isinstance(data, dict):
            self.problems.append(SourceProblem(shown, Problem("should map slugs to entries; it was ignored")))
            return {}
        for key, entry in data.items():
            if not isinstance(entry, dict):
                self.problems.append(
                    SourceProblem(
                        shown,
                        Problem(
                            f"'{key}' should be a mapping such as {{name: ..., description: ..., "
                            f"links: [...]}}, not {type(entry).__name__}; it was ignored"
                        ),
                    )
                )
        return {slugify(str(k)): v for k, v in data.items()}

    # ----------------------------------------------------------------------------- planning

    def plan(self, files: Files) -> list[File]:
        """Decide every page to add; return the new files (nothing is written to docs_dir)."""
        existing = {f.src_uri: f for f in files.documentation_pages()}
        ordered = self.sorted_posts()
        size = self.options.page_size
        new: list[Listing] = []

        # Hugo's section and term pages: `_index.md` files (a few, among thousands of pages).
        sections_at = [uri for uri in existing if uri.endswith("/_index.md")]
        termed = self.sorted_entries(ordered)
        for key, folder in self.options.taxonomies.items():
            tax, problems = build_taxonomy(key, folder, termed)
            self.problems += problems
            if key == SERIES_KEY:
                self.problems += order_series(tax)
            self.taxonomies[key] = tax
            data = self._term_data(folder)
            # Hugo finds a term's `_index.md` in a folder named as the term is in URLs (`tags/OpenAI/`
            # is the page of `openai`), under the taxonomy's folder or its key (`related_people/`).
            sections: dict[str, File] = {}
            for where in (folder, key):
                for uri in sections_at:
                    head = uri[: -len("/_index.md")]
                    if head.count("/") == 1 and head.startswith(where + "/"):
                        sections.setdefault(slugify(head.partition("/")[2]), existing[uri])
            for term in tax.terms.values():
                # `tags/index.md` is the taxonomy's index page, so a term named "index" lives in its folder.
                uri = f"{folder}/{term.slug}.md" if term.slug != "index" else f"{folder}/index/index.md"
                profile = existing.get(uri) or existing.get(f"{folder}/{term.slug}/index.md")
                section = existing.get(f"{folder}/{term.slug}/_index.md") or sections.get(term.slug)
                if profile is None and section is not None:
                    profile = self._serve_at_folder(section, f"{folder}/{term.slug}")  # Hugo's term page content
                if profile is not None:
                    # Like the generated term pages: reached from the index, not the auto nav.
                    profile.inclusion = InclusionLevel.NOT_IN_NAV
                meta = _front_matter(profile) if profile else None
                info = term_info(term, data, meta, profile.src_uri if profile else "")
                self._drop_unsafe_links(info, profile.src_uri if profile else self._data_name(folder))
                self.infos[(key, term.slug)] = info
                base = profile.src_uri if profile else uri
                self.term_uris[(key, term.slug)] = base
                pages = listing_pages(
                    base,
                    info.name,
                    "term",
                    term.posts,
                    size,
                    generated=profile is None,
                    term=term,
                    taxonomy=tax,
                    info=info,
                )
                new += pages
            if tax.terms:
                index = self._existing_index(folder, existing)
                self.index_uris[key] = index or f"{folder}/index.md"
                new.append(
                    Listing(
                        self.index_uris[key],
                        self.label(folder),
                        "index",
                        taxonomy=tax,
                        generated=index is None,
                    )
                )

        folders = self._present_folders(files)
        for folder in folders:
            inside = self.folder_posts[folder] = (
                ordered if len(folders) == 1 else [p for p in ordered if p.src_uri.startswith(folder + "/")]
            )
            index = self._existing_index(folder, existing)
            # Named by its index page, else "Posts" (one folder, or one named so), else after the
            # folder, as Hugo names a section (`episodes`: "Episodes"; a label of that name wins).
            page = self._read_index(existing[index]) if index is not None else None
            if page is not None and page.title_given:
                self.folder_titles[folder] = page.title
            elif len(self.options.posts_dir) == 1:
                self.folder_titles[folder] = self.labels["posts"]
            else:
                self.folder_titles[folder] = self.label(folder.rpartition("/")[2])
            if not self.options.posts_index:
                continue
            # One index per posts folder, of its own posts (Hugo's section lists); the first
            # is the posts index.
            uri = self.folder_indexes[folder] = index or f"{folder}/index.md"
            self.index_uris.setdefault("", uri)
            new += listing_pages(uri, self.folder_titles[folder], "posts", inside, size, generated=index is None)
        # Hugo's sections below the posts' folder (`posts/2024/_index.md`): the page of their
        # folder, listing the posts in it; a draft, scheduled or expired one as a draft post is.
        for uri in sorted(sections_at):
            head = uri[: -len("/_index.md")]
            if not any(head.startswith(folder + "/") for folder in folders):
                continue
            if not self.include_drafts and self._unpublished(existing[uri]):
                existing[uri].inclusion = InclusionLevel.EXCLUDED  # as Hugo: no page (its posts stay)
                continue
            self._serve_at_folder(existing[uri])
            inside = self.sections[uri] = [p for p in ordered if p.src_uri.startswith(head + "/")]
            page = self._read_index(existing[uri])  # read once: its front matter, problems, text
            title = page.title if page is not None and page.title_given else title_from_slug(head.rpartition("/")[2])
            new += listing_pages(uri, title, "posts", inside, size, generated=False)
        self.home_uri = next((u for u in ("index.md", "README.md", "_index.md") if u in existing), "index.md")
        if self.home_uri == "_index.md":
            self._serve_at_folder(existing["_index.md"])  # Hugo's home page content
        if self.home_uri == "_index.md" or self.home_uri not in existing:
            # The newest posts, under Hugo's home page content as on the home page of a theme for
            # posts, or on a page of their own: a site of posts only would have no home page.
            # (An index.md is MkDocs' own home page: the writer's, left as written.)
            home = ordered[: min(size or 10, 10)]
            generated = self.home_uri not in existing
            new.append(
                Listing(self.home_uri, self.config.site_name, "home", home, page_uris=[self.home_uri], generated=generated)
            )
        # Any other `_index.md` is its folder's page, as in Hugo (`guides/_index.md` at `guides/`).
        for uri in sections_at:
            if uri in self._folder_pages or existing[uri].inclusion.is_excluded():
                continue
            if not self.include_drafts and self._unpublished(existing[uri]):
                existing[uri].inclusion = InclusionLevel.EXCLUDED
                continue
            self._serve_at_folder(existing[uri])
        self._folder_page_problems()

        added: list[File] = []
        for listing in new:
            theirs = files.src_uris.get(listing.src_uri) if listing.generated else None
            if theirs is not None and theirs.inclusion.is_excluded():
                files.remove(theirs)  # left out by `exclude_docs`: the plugin's page stands there
                theirs = None
            if theirs is not None:
                # e.g. a post at posts/page/2.md where the posts index puts its page 2: keep theirs.
                self.problems.append(
                    SourceProblem(
                        listing.src_uri,
                        Problem(
                            f"is where the plugin puts {_describe(listing)}; your file was kept and that "
                            "page left out. Move or rename the file."
                        ),
                    )
                )
                continue
            self.listings[listing.src_uri] = listing
            if listing.generated:
                file = File.generated(self.config, listing.src_uri, content=listing.markdown())
                if listing.kind == "term" or listing.page_no > 1 or listing.kind == "home":
                    file.inclusion = InclusionLevel.NOT_IN_NAV
                if listing.kind == "index" and not self.options.indexes_in_nav:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
                if listing.kind == "posts" and not self.options.indexes_in_nav:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
                added.append(file)
        return added

    def check_collisions(self, files: Files) -> None:
        """Warn where two pages would be written to one file, or to names that differ only in case.

        MkDocs writes both and the last one wins (on macOS and Windows, case too), so a page
        would vanish without a word.
        """
        self._drop_blocked(files)  # first: a file left out there takes part in no clash here
        groups: dict[str, list[File]] = {}
        for file in files:
            if not file.inclusion.is_excluded():
                groups.setdefault(file.dest_uri.casefold(), []).append(file)
        for group in groups.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda f: f.src_uri)
            names = " and ".join(f"'{f.src_uri}'" + (" (generated)" if f.generated_by else "") for f in group)
            dests = sorted({f.dest_uri for f in group})
            if len(dests) > 1 and all(f.generated_by for f in group) and not self.folds_case():
                continue  # a feed here and its copy at Hugo's URL (made only where case is kept)
            if len(dests) == 1:
                why = f"are {'both' if len(group) == 2 else 'all'} written to {dests[0]}, so only one is published"
            else:
                why = (
                    f"are written to {', '.join(dests)}, which differ only in case: on macOS and Windows "
                    "one overwrites the other"
                )
            self.problems.append(
                SourceProblem(group[-1].src_uri, Problem(f"{names} {why}. Rename one of them."))
            )

    def _drop_blocked(self, files: Files) -> None:
        """A generated file where another file needs a folder of that name, or inside a folder
        that is a file of the writer's (a term ``index.xml`` against the taxonomy's feed, a term
        ``foo.html`` against the writer's ``tags/foo.html``): MkDocs would stop with an OS error
        while writing. The generated one is left out, with a warning."""
        for file in [f for f in files if f.generated_by and not _fits(f.dest_uri)]:
            # A feed at Hugo's path of a very long term: Hugo could not have written it either.
            files.remove(file)
        dests = {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}
        inside = _folders(dests)
        dropped: set[str] = set()
        for dest, file in dests.items():
            other = inside.get(dest)
            if other is None:
                continue
            if file.generated_by:
                blocked = [file]
            else:
                blocked = [f for f in dests.values() if f.dest_uri.startswith(dest + "/") and f.generated_by]
            for f in blocked:
                if f.dest_uri in dropped:
                    continue
                dropped.add(f.dest_uri)
                who = self._blame(dests[str(other)] if f is file else file, f)
                files.remove(f)
                self.listings.pop(f.src_uri, None)
                needs = f"{other} needs {dest} as a folder" if f is file else f"{dest} is a file"
                self.problems.append(
                    SourceProblem(
                        who, Problem(f"{f.dest_uri} was not written: {needs}. Rename the term or the file.")
                    )
                )

    def _blame(self, culprit: File, dropped: File) -> str:
        """Whom to name for a file left out: the writer's file in its way, or the first post of
        the term whose page is either of them, else the file in the way."""
        for file in (culprit, dropped):
            if not file.generated_by:
                return file.src_uri
            listing = self.listings.get(file.src_uri)
            if listing is not None and listing.posts:
                return listing.posts[0].src_uri
        return culprit.src_uri

    def _existing_index(self, folder: str, existing: dict[str, File]) -> str | None:
        candidates = (f"{folder}/index.md", f"{folder}/README.md", f"{folder}.md", f"{folder}/_index.md")
        uri = next((u for u in candidates if u in existing), None)
        if uri is not None and uri.endswith("/_index.md"):
            self._serve_at_folder(existing[uri])
        return uri

    def _held_back(self, post: Post, now: dt.datetime) -> str:
        """Why a post that is no draft is not published at ``now`` ("future", "expired"), unless
        the options publish it anyway; "" when it is published."""
        held = "" if post.draft else post.hold(now)
        o = self.options
        return "" if (held == "future" and o.build_future) or (held == "expired" and o.build_expired) else held

    def _unpublished(self, file: File) -> bool:
        """Whether a page that is not a post (a section's `_index.md`) is a draft, or scheduled
        or expired: its front matter read by the same rules as a post's."""
        page = self._read_index(file)
        return page is not None and (page.draft or page.unrendered or bool(self._held_back(page, self._now)))

    def plain_sections(self, files: Files) -> dict[str, list[Post]]:
        """Each other section's page (`guides/_index.md`: no posts folder, no taxonomy's) and
        its own pages, newest first: Hugo wrote a feed of them beside it (`guides/index.xml`)."""
        out: dict[str, list[Post]] = {}
        for uri in self._folder_pages:
            if "/" not in uri or uri in self.listings or uri in self.sections or uri.startswith(self._taxonomy_prefixes):
                continue
            out[uri] = []
        if not out:
            return out
        for file in files.documentation_pages():
            folder, name = posixpath.split(file.src_uri)
            if name == "index.md" and f"{folder}/_index.md" not in self._folder_pages:
                folder = posixpath.dirname(folder)  # a leaf bundle: a page of the section above
            elif name in ("_index.md", "index.md") or file.inclusion.is_excluded():
                continue
            pages = out.get(f"{folder}/_index.md")
            if pages is None or file.src_uri in self.posts:
                continue
            page = self.tagged.get(file.src_uri) or self._page_of(file)
            if page is not None and not page.draft and not page.unlisted:
                pages.append(page)
        for pages in out.values():
            pages.sort(key=lambda p: p.sort_key)
        return out

    def _page_of(self, file: File) -> Post | None:
        """One of the writer's other pages, read as a post is, for a feed's item."""
        try:
            raw = file.content_bytes
        except OSError:
            return None
        inherited = self.cascades.inherited(file.src_uri) if self.cascades else None
        page = postmod.parse_post(file.src_uri, raw, (), inherited)
        self._take_facts(page, self._speeds)
        return page

    def folder_page(self, src_uri: str) -> Post | None:
        """An ``_index.md`` served as its folder's page, read as a post is (its front matter by
        the plugin's reader: a bad value is a warning with its line, not a silent loss)."""
        file = self._folder_pages.get(src_uri)
        return self._read_index(file) if file is not None else None

    def _read_index(self, file: File) -> Post | None:
        if file.src_uri not in self._folder_read:
            try:
                inherited = self.cascades.inherited(file.src_uri) if self.cascades else None
                self._folder_read[file.src_uri] = postmod.parse_post(file.src_uri, file.content_bytes, (), inherited)
            except OSError:
                self._folder_read[file.src_uri] = None  # reported where the page itself is read
        return self._folder_read[file.src_uri]

    def _folder_page_problems(self) -> None:
        """What is wrong in the front matter of the `_index.md` pages (a post's own warnings about
        a missing title or date do not apply: Hugo names a section after its folder)."""
        for uri in sorted(self._folder_pages):
            page = self.folder_page(uri)
            for problem in page.problems if page is not None else ():
                if not problem.missing:
                    self.problems.append(SourceProblem(uri, problem))

    def _serve_at_folder(self, file: File, folder: str | None = None) -> File:
        """Hugo's ``_index.md`` is the page of its folder (a section, taxonomy or term page):
        serve it at ``folder/``, where Hugo did, not at ``folder/_index/``; a term's at its
        term's ``folder`` (``tags/openai/`` for ``tags/OpenAI/_index.md``)."""
        folder = folder if folder is not None else posixpath.dirname(file.src_uri)
        file.dest_uri = posixpath.join(folder, "index.html")
        for cached in ("url", "abs_dest_path"):
            file.__dict__.pop(cached, None)
        self._folder_pages[file.src_uri] = file
        return file

    def _read_cascades(self, files: Files) -> Cascades:
        """Every `_index.md`'s ``cascade``, by folder (the docs folder's own for the home page)."""
        found = {}
        for file in files.documentation_pages():
            if posixpath.basename(file.src_uri) != "_index.md" or file.inclusion.is_excluded():
                continue
            data = _front_matter(file)
            value = next((v for k, v in data.items() if str(k).lower() == "cascade"), None)
            if value is None:
                continue
            read, problems = cascade_entries(value)
            for message in problems:
                self.problems.append(SourceProblem(file.src_uri, Problem(f"{message}. Fix the front matter.")))
            found[posixpath.dirname(file.src_uri)] = [self._checked(entry, file.src_uri) for entry in read]
        return Cascades(found, self.environment)

    def _tagged_folder_pages(self, files: Files) -> None:
        """Hugo's section and home pages (`_index.md`) with terms, their own or a cascade's, were
        entries of those terms' pages too (not a taxonomy's or a term's own page)."""
        taxonomies = self.options.taxonomies
        for file in files.documentation_pages():
            uri = file.src_uri
            if posixpath.basename(uri) != "_index.md" or uri.startswith(self._taxonomy_prefixes):
                continue
            if file.inclusion.is_excluded():
                continue
            inherited = self.cascades.inherited(uri) if self.cascades else {}
            try:
                raw = file.content_bytes
            except OSError:
                continue
            own = self._term_key is not None and self._term_key.search(raw[:65536]) is not None
            if not own and not any(key in taxonomies for key in inherited):
                continue
            page = postmod.parse_post(uri, raw, tuple(taxonomies), inherited or None)
            held = page.draft or page.unrendered or page.unlisted or bool(self._held_back(page, self._now))
            if held or not any(page.terms.values()):
                continue
            if not page.title_given:  # Hugo names a section after its folder
                folder = posixpath.dirname(uri)
                page.title = self.label(folder.rpartition("/")[2]) if folder else str(self.config.site_name)
            self._take_facts(page, self._speeds)
            self.tagged[uri] = page

    def _checked(self, entry: CascadeEntry, src_uri: str) -> CascadeEntry:
        """The entry without the values a post could not take (``draft: yes``, a date that is no
        date): said once, of the `_index.md` that hands them down, not once for every post."""
        kept = []
        for key, value in entry.values:
            try:
                probe = "---\n" + yaml.safe_dump({key: value}, allow_unicode=True) + "---\n"
            except yaml.YAMLError:
                kept.append((key, value))
                continue
            bad = [p for p in postmod.parse_post(src_uri, probe, tuple(self.options.taxonomies)).problems if not p.missing]
            for problem in bad:
                what = problem.message.split(";")[0]  # (what it says after is for a post)
                what = f"has {what[4:]}" if what.startswith("has ") else f"says: {what}"
                named = "" if key.lower() in what.lower() else f" (its '{key}')"
                self.problems.append(
                    SourceProblem(
                        src_uri,
                        Problem(f"its cascade {what}{named}; it was not handed down. Fix it there.", key="cascade"),
                    )
                )
            if not bad:
                kept.append((key, value))
        return dataclasses.replace(entry, values=tuple(kept))

    def folds_case(self) -> bool:
        """Whether the site folder's file system folds case (asked once a build)."""
        if self._folds_case is None:
            self._folds_case = folds_case(str(self.config.site_dir))
        return self._folds_case

    def _present_folders(self, files: Files) -> list[str]:
        """The posts folders that exist; a missing one of several is named (a typo, most often:
        it would be an empty index and feed). One folder is kept even so: its empty index is
        where the posts will be, and the plugin says so (``on_files``)."""
        folders = list(self.options.posts_dir)
        if len(folders) == 1:
            return folders
        present = [f for f in folders if any(uri.startswith(f + "/") for uri in files.src_uris)]
        for folder in folders:
            if folder not in present:
                self.problems.append(
                    SourceProblem(
                        "mkdocs.yml",
                        Problem(
                            f"posts_dir lists '{folder}', which is no folder in {self.config.docs_dir}; "
                            "it has no index or feed. Create it, or take it out of posts_dir."
                        ),
                    )
                )
        return present

    def label(self, folder: str) -> str:
        return self.labels.get(folder) or title_from_slug(folder)

    # ----------------------------------------------------------------------------- redirects

    def plan_redirects(self) -> None:
        """Old URLs that must keep answering: aliases, Hugo's post URLs, other spellings."""
        if not self.options.redirects:
            return
        # A translation (`post.fr.md`, a page of its own here) often repeats its original's
        # aliases: the original's are registered first, so theirs are the ones kept.
        moved = self._in_hugos_folders()
        for post in sorted(self.posts.values(), key=lambda p: _LANGUAGE_SUFFIX.search(p.src_uri) is not None):
            src = moved(post.src_uri)
            section, _, rest = src.partition("/")
            permalink = self._permalink("page", post.src_uri, post)
            if permalink is not None:  # Hugo's `permalinks` for its section, or tokens in its url
                hugo = permalink
            elif (
                src == post.src_uri
                and _PLAIN_NAME.fullmatch(rest)
                and _PLAIN_NAME.fullmatch(section)
                and not post.slug
                and not post.url
            ):
                hugo = "/" + post.src_uri[: -len(".md")] + "/"  # Hugo's URL is ours: nothing to emulate
            else:
                try:
                    hugo = unquote(
                        hugo_post_path(rest, slug=post.slug or None, url=post.url or None, section=section)
                    )
                except ValueError:  # a control character in the file's name: no URL Hugo could give
                    continue
            ugly = self._ugly_page(post.src_uri)
            folder = hugo
            if ugly and not post.url:  # Hugo's `uglyURLs`: the page is a file (a url is as written)
                hugo = uglify(hugo)
            # (One from a pattern names its post: if the URL is taken, the writer hears of it.)
            by_pattern = post.src_uri if permalink is not None and not post.url else ""
            if not self._redirect(hugo, post.src_uri, "hugo", by_pattern) and (post.url or post.slug):
                self.problems.append(SourceProblem(post.src_uri, _unanswerable(hugo, "url" if post.url else "slug")))
            bundle = post.src_uri.endswith("/index.md")
            if bundle and (dest := alias_dest(folder, literal=True) or "").endswith("/index.html"):
                # A folder, safe to write in: the bundle's files go there too (`bundle_copies`);
                # under `uglyURLs`, the folder named as the page's file (`2024/x.html`: `2024/x/`).
                self._moved_bundles[post.src_uri[: -len("index.md")]] = dest[: -len("index.html")]
            self._alias_redirects(post, hugo, ugly)
        pager = self.options.hugo_pager_size > 0
        for uri in self.sections:
            head = uri[: -len("_index.md")]
            hugo = "/" + head
            section, _, rest = moved(uri).partition("/")
            with contextlib.suppress(ValueError):  # a section folder named with capitals or spaces
                hugo = unquote(hugo_post_path(rest, section=section))
            hugo = self._permalink("section", uri, self.folder_page(uri)) or hugo
            self._redirect(hugo, uri, "hugo")
            if pager:  # the pages Hugo paginated the section into
                self._pager_redirects(hugo, uri, self._listed(uri))
        odd = [p for p in self.posts.values() if p.term_variants]  # terms written with odd spaces
        for key, tax in self.taxonomies.items():
            # Hugo sites name the folder after the taxonomy (/related_people/x/); ours may differ.
            folders = {tax.folder, key}
            if key != tax.folder and key in self.index_uris:
                self._redirect(f"/{key}/", self.index_uris[key], "term")
            for term in tax.terms.values():
                target = self.term_uris[(key, term.slug)]
                hugo_paths: set[str] = set()  # where Hugo wrote this term's page
                own_page = target.endswith("/_index.md")  # Hugo's own page of the term (its slug moves it)
                for spelling in term.spellings:
                    slug = slugify(spelling)
                    plain = spelling.lower().replace(" ", "-")
                    if (
                        plain == slug
                        and _PLAIN_NAME.fullmatch(plain)
                        and not (self.permalinks or self.ugly or own_page)
                    ):
                        # Plain ASCII words: Hugo's paths are ours, in either folder.
                        hugo_paths |= {f"/{folder}/{slug}/" for folder in folders}
                        continue
                    hugo_paths |= {self._term_url(key, term.slug, spelling, folder) for folder in folders}
                    paths = {f"/{tax.folder}/{slug}/"}
                    # Themes that built tag links with `urlize` left slightly different URLs out there.
                    with contextlib.suppress(ValueError):
                        paths.add(f"/{tax.folder}/{unquote(hugo_urlize(spelling))}/")
                    for path in sorted(paths - hugo_paths):
                        self._redirect(path, target, "term")
                # Hugo lists every term newest first; a series is in reading order here.
                where = _positions(term.posts) if key == SERIES_KEY else None
                for path in sorted(hugo_paths):
                    self._redirect(path, target, "term")
                    if pager:
                        self._pager_redirects(path, target, len(term.posts), where=where, files=path.endswith(".html"))
            # Spellings Hugo kept apart and this site trims or merges (`` OpenAI ``, ``ＧＰＵ`` beside
            # ``GPU`` in one post, ``"a, b"``): each had a page there, of the posts written so.
            variants: dict[str, str] = {}
            written = Counter(raw for p in odd for raw in p.term_variants.get(key, {}))
            for p in odd:
                variants.update(p.term_variants.get(key, {}))
            for raw, name in sorted(variants.items()):
                slug = tax.slug_of.get(name)
                if slug is None:
                    continue
                with contextlib.suppress(ValueError):
                    for folder in sorted(folders):
                        path = self._term_url(key, slug, raw, folder)
                        self._redirect(path, self.term_uris[(key, slug)], "term")
                        if pager:
                            self._pager_redirects(
                                path, self.term_uris[(key, slug)], written[raw], files=path.endswith(".html")
                            )
            if key in self.index_uris:
                index = self.index_uris[key]
                for folder in sorted(folders):
                    hugo = f"/{folder}/"
                    if (pattern := self.permalinks.pattern("taxonomy", f"/{folder}")) is not None:
                        page = self.folder_page(f"{folder}/_index.md")
                        title = page.title if page is not None and page.title_given else self.label(folder)
                        newest = _newest([p for t in tax.terms.values() for p in t.posts[:1]])
                        with contextlib.suppress(ValueError):  # Hugo's taxonomy page moved (`/topics/`)
                            hugo = unquote(hugo_post_path("", url=expand(pattern, Facts(title=title, date=newest))))
                            self._redirect(hugo, index, "term")
                    if pager:
                        self._pager_redirects(hugo, index, len(tax.terms))
        # Hugo's home page, and where its `permalinks` moved it (`home: {"/": /start/}`).
        homes = ["/"]
        if self.home_uri and (pattern := self.permalinks.pattern("home", "/")) is not None:
            with contextlib.suppress(ValueError):
                facts = self._facts("_index.md", self.folder_page("_index.md"))
                home = unquote(hugo_post_path("", url=expand(pattern, facts)))
                if home != "/" and self._redirect(home, self.home_uri, "hugo"):
                    homes.append(home)
        if pager:
            # Hugo's home page paginates the posts; its first page is the home page here, the
            # others the pages of the posts index that list the same posts (or, without a posts
            # index, the home page).
            # With several posts folders, no list here holds what Hugo's home page did (the
            # posts of all of them): its pages lead to the home page.
            posts_index = self.index_uris.get("") if len(self.options.posts_dir) == 1 else None
            # (Hugo's home page listed the writer's other pages too, unless its theme chose.)
            home_count = self.listed_count + self._other_pages
            for home in homes:
                self._redirect(home + "page/1/", self.home_uri, "page")
                self._pager_redirects(home, posts_index or self.home_uri, home_count, first=2)
        for folder, uri in self.folder_indexes.items():
            hugo = f"/{folder}/"
            with contextlib.suppress(ValueError):  # a folder named with capitals or spaces: Hugo's URL
                top, _, rest = moved(f"{folder}/_index.md").partition("/")
                hugo = unquote(hugo_post_path(rest, section=top))
                if hugo != f"/{folder}/":
                    self._redirect(hugo, uri, "hugo")
            section = f"{folder}/_index.md"
            if (permalink := self._permalink("section", section, self.folder_page(section))) is not None:
                self._redirect(permalink, uri, "hugo")  # Hugo's `permalinks` moved the section
                hugo = permalink
            if pager:
                self._pager_redirects(f"/{folder}/", uri, self._listed(uri))
                if hugo != f"/{folder}/":
                    self._pager_redirects(hugo, uri, self._listed(uri))
        if pager:  # Hugo's `page/1/` of every other section's list (`guides/page/1/`)
            for uri in self._folder_pages:
                if "/" in uri and uri not in self.sections and uri not in self.listings:
                    with contextlib.suppress(ValueError):
                        top, _, rest = moved(uri).partition("/")
                        self._pager_redirects(unquote(hugo_post_path(rest, section=top)), uri, 1)
        self._other_page_redirects()
        # Last: where an `_index.md`'s url or alias is also a list's URL, the list's pages win.
        self._folder_page_redirects()

    def _permalink(self, kind: str, src_uri: str, page: Post | None) -> str | None:
        """Where Hugo published a page or section by its ``permalinks`` (``hugo_permalinks``), or
        by the tokens in its own ``url`` (``/ep/:filename/``), which Hugo fills in the same way;
        None where neither applies (then its URL is Hugo's default, or its plain ``url``).
        The path is Hugo's file's, not escaped."""
        url = page.url if page is not None else ""
        if url and not _PERMALINK_TOKEN.search(url):
            return None  # a url wins over every pattern
        if not url and not self.permalinks:
            return None
        pattern = url or self.permalinks.pattern(kind, page_path(src_uri))
        if not pattern:
            return None
        try:
            return unquote(hugo_post_path("", url=expand(pattern, self._facts(src_uri, page), lower=not url)))
        except ValueError:  # a control character: no URL Hugo could give
            return None

    def _term_url(self, key: str, slug: str, spelling: str, folder: str) -> str:
        """Where Hugo wrote the page of a term spelt ``spelling`` in the taxonomy folder
        ``folder``: by its ``permalinks`` (``term: {tags: /topics/:slug/}``), else its default."""
        default = unquote(hugo_term_path(spelling, folder))
        info = self.infos.get((key, slug))
        uri = info.profile_src_uri if info is not None else ""
        page = self.folder_page(uri) if uri.endswith("/_index.md") else None  # Hugo's term page
        if page is not None and page.slug:  # it moved the term, as a slug moves a page
            default = unquote(hugo_post_path("", slug=page.slug, section=folder))
        pattern = self.permalinks.pattern("term", default.rstrip("/").lower()) if self.permalinks else None
        ugly = uglify if self.ugly(folder) else str  # Hugo's `uglyURLs`: the term's page is a file
        if pattern is None:
            return ugly(default)
        term = self.taxonomies[key].terms.get(slug)
        facts = Facts(
            title=page.title if page is not None and page.title_given else spelling,
            slug=page.slug if page is not None else "",
            date=_newest(term.posts) if term is not None else None,  # its newest post's
            sections=(folder,),
            term=True,
        )
        return ugly(unquote(hugo_post_path("", url=expand(pattern, facts))))

    def _facts(self, src_uri: str, page: Post | None) -> Facts:
        """What a permalink pattern prints of the page at ``src_uri`` (a post, another page or a
        section's ``_index.md``), as Hugo had it."""
        folder, name = posixpath.split(src_uri)
        stem = _LANGUAGE_SUFFIX.sub("", name)[: -len(".md")] if _LANGUAGE_SUFFIX.search(name) else posixpath.splitext(name)[0]
        if stem in ("index", "_index"):  # a bundle or a section: named by its folder
            base = posixpath.basename(folder)
            filename = "" if stem == "_index" else base
            folder = folder if stem == "_index" else posixpath.dirname(folder)
        else:
            base = filename = stem
        # The page's section: the nearest folder above it that is one (the top folders always
        # are; a folder below them only with an `_index.md`).
        parts = folder.split("/") if folder else []
        depth = next(
            (d for d in range(len(parts), 1, -1) if "/".join(parts[:d]) + "/_index.md" in self._folder_pages),
            min(len(parts), 1),
        )
        names = []
        for d in range(1, depth + 1):
            index = self._folder_pages.get("/".join(parts[:d]) + "/_index.md")
            section = self._read_index(index) if index is not None else None
            own = (section.slug or (section.title if section.title_given else "")) if section else ""
            names.append(own or parts[d - 1])
        title = page.title if page is not None and page.title_given else ""
        if not title and stem == "_index":  # a section is named after its folder, the home page the site
            title = base or str(self.config.site_name)
        date = page.date if page is not None else None
        if date is None and stem == "_index":  # Hugo dated a list by its newest page
            inside = src_uri[: -len("_index.md")]
            date = _newest([p for uri, p in self.posts.items() if uri.startswith(inside)])
        return Facts(
            title=title,
            slug=page.slug if page is not None else "",
            date=date,
            filename=filename,
            base_name=base,
            sections=tuple(p.lower().replace(" ", "-") for p in parts[:depth]),
            section_names=tuple(names),
        )

    def _in_hugos_folders(self) -> Callable[[str], str]:
        """A page's path with each folder whose `_index.md` has a ``slug`` (its own, or a
        cascade's) named by it: Hugo published the section, and every page in it, there
        (`posts/2025/a.md` at `/posts/y2025/a/` for `slug: y2025`)."""
        slugs = {}
        for uri, file in self._folder_pages.items():
            page = self._read_index(file)
            if page is not None and page.slug and "/" in uri:
                slugs[posixpath.dirname(uri)] = page.slug
        if not slugs:
            return lambda src_uri: src_uri

        def moved(src_uri: str) -> str:
            parts = src_uri.split("/")
            renamed = list(parts)
            for i in range(len(parts) - 1):
                renamed[i] = slugs.get("/".join(parts[: i + 1]), parts[i])
            return "/".join(renamed)

        return moved

    def _other_page_redirects(self) -> None:
        """The writer's other pages take ``url``, ``slug`` and ``aliases`` as a post does: Hugo
        wrote ``about.md`` with ``url: /company/about/`` there, and a redirect at each alias."""
        for uri, (file, page) in sorted(self._moved_pages.items()):
            section, _, rest = uri.partition("/") if "/" in uri else ("", "", uri)
            url = page.url if page.url and not urlsplit(page.url).scheme else ""  # a link, not a path
            permalink = self._permalink("page", uri, dataclasses.replace(page, url=url))
            ugly = self._ugly_page(uri) and uri != "index.md"  # (the site's home page here)
            if not (url or page.slug or page.aliases or permalink or ugly):
                continue
            try:
                hugo = permalink or unquote(
                    hugo_post_path(rest, slug=page.slug or None, url=url or None, section=section)
                )
            except ValueError:
                continue
            if ugly and not url:
                hugo = uglify(hugo)
            if hugo.strip("/") != file.url.strip("/") and not self._redirect(hugo, uri, "hugo"):
                self.problems.append(SourceProblem(uri, _unanswerable(hugo, "url" if url else "slug")))
            self._alias_redirects(page, hugo, ugly)

    def _listed(self, uri: str) -> int:
        """How many entries the list on the page ``uri`` holds (for the pages Hugo split it into)."""
        listing = self.listings.get(uri)
        if listing is None:
            return 1
        if listing.term is not None:
            return len(listing.term.posts)
        if listing.kind == "index" and listing.taxonomy is not None:
            return len(listing.taxonomy.terms)
        if uri in self.sections:
            return len(self.sections[uri])
        if len(self.options.posts_dir) > 1 and listing.kind == "posts":  # a posts folder's index
            return len(self.folder_posts.get(self.posts_folder(uri), ()))
        return self.listed_count

    def _alias_redirects(self, page: Post, hugo: str, ugly: bool = False) -> None:
        """A redirect page at each of ``page``'s aliases (Hugo's page at ``hugo``; ``ugly``: its
        section's under ``uglyURLs``, which makes each alias a file too)."""
        for alias in page.aliases:
            try:
                path = hugo_alias_path(alias, hugo, ugly=ugly)
            except ValueError:
                path = ""
            if not self._redirect(path, page.src_uri, "alias", page.src_uri):
                self.problems.append(
                    SourceProblem(
                        page.src_uri,
                        Problem(
                            f"has the alias {alias!r}, which is not a path on this site; it was skipped. "
                            "Write aliases as site paths such as /old/path/.",
                            key="aliases",
                        ),
                    )
                )

    def _folder_page_redirects(self) -> None:
        """Hugo's ``_index.md`` pages (home, sections, terms) take ``aliases`` and ``url`` as a
        post does: Hugo wrote the page at its ``url``, and a redirect at each alias."""
        for uri, file in sorted(self._folder_pages.items()):
            page = self.folder_page(uri)  # its problems were reported by `plan`
            if page is None:
                continue
            here = "/" + file.dest_uri[: -len("index.html")]
            hugo = here
            section = "/" in uri and uri not in self.sections and uri not in self.listings  # (those are done)
            permalink = self._permalink("section", uri, page) if section or _PERMALINK_TOKEN.search(page.url) else None
            if permalink is not None:
                hugo = permalink
                if hugo != here and self._redirect(hugo, uri, "hugo") and self.options.hugo_pager_size > 0:
                    self._pager_redirects(hugo, uri, self._listed(uri))
            elif page.url:
                with contextlib.suppress(ValueError):
                    hugo = unquote(hugo_post_path("", url=page.url))
                if hugo != here:
                    if not self._redirect(hugo, uri, "hugo"):
                        self.problems.append(SourceProblem(uri, _unanswerable(hugo, "url")))
                    elif self.options.hugo_pager_size > 0:
                        self._pager_redirects(hugo, uri, self._listed(uri))
            self._alias_redirects(page, hugo, self._ugly_page(uri))

    def _pager_redirects(
        self,
        base: str,
        list_uri: str,
        count: int,
        first: int = 1,
        where: list[int] | None = None,
        files: bool = False,
    ) -> None:
        """The pages Hugo paginated the list at ``base`` into (``base/page/N/``, and ``page/1/``,
        an alias Hugo writes for every list), each to the page here that lists the first of that
        page's posts (or terms): a page here holds ``page_size`` of them, Hugo's held
        ``hugo_pager_size``. ``where``: for a list in another order here than in Hugo, the place
        here of each post, in Hugo's order. ``files``: a term's page Hugo wrote as a file
        (``uglyURLs``, ``tags/x.html``): its pages are files too (``tags/x/page/2.html``)."""
        if files:
            base = base.removesuffix(".html") + "/"
        dest = "index.html" if base == "/" else alias_dest(base, literal=True)  # once, not per page
        if dest is None or not dest.endswith("index.html"):
            return
        folder = dest[: -len("index.html")]
        name = "{}page/{}.html" if files else "{}page/{}/index.html"
        listing = self.listings.get(list_uri)
        uris = listing.page_uris if listing is not None and listing.page_uris else [list_uri]
        per_page, size = self.options.hugo_pager_size, self.options.page_size
        for n in range(first, max(1, -(-count // per_page)) + 1):
            at = (n - 1) * per_page
            if where is not None and n > 1 and at < len(where):  # (Hugo's page 1: the list's first)
                at = where[at]
            page = at // size if size > 0 else 0
            self.redirects.append(Redirect(name.format(folder, n), uris[min(page, len(uris) - 1)], "page"))

    def _redirect(self, path: str, target_src_uri: str, reason: str, src_uri: str = "") -> bool:
        dest = alias_dest(path, literal=reason != "alias")
        if dest is not None:
            self.redirects.append(Redirect(dest, target_src_uri, reason, src_uri))
        return dest is not None

    def bundle_copies(self, files: Files) -> list[File]:
        """A leaf bundle's images and other files, also where Hugo published them when its page
        moved (``slug``, ``url``): links to them (a feed's image, a shared card) keep working."""
        moved = {src: dest for src, dest in self._moved_bundles.items() if src != dest}
        if not moved:
            return []
        taken = {f.dest_uri for f in files}
        out: list[File] = []
        for file in list(files):
            if file.is_documentation_page() or file.generated_by:
                continue
            # The bundle is the file's folder or one above it (`images/` inside a bundle).
            parts = file.src_uri.split("/")
            folders = ("/".join(parts[:i]) + "/" for i in range(len(parts) - 1, 0, -1))
            folder, dest = next(((f, moved[f]) for f in folders if f in moved), ("", None))
            if dest is None:
                continue
            path = dest + file.src_uri[len(folder) :]
            if path in taken:
                continue  # a file of the site is there already
            taken.add(path)
            out.append(File.generated(self.config, path, abs_src_path=file.abs_src_path))
        return out

    def redirect_files(self, files: Files, render) -> list[File]:
        """Redirect pages for every old URL that no real page answers already. The plan is used
        up: thousands of entries (every page Hugo paginated a list into) need not stay in memory
        while the pages render."""
        redirects, self.redirects = self.redirects, []
        #: dest_uri -> (the page there, or the page a redirect there leads to; whether a redirect).
        taken = {f.dest_uri: (f.src_uri, False) for f in files}
        for name in self.config.theme.static_templates:  # written last: 404.html, sitemap.xml
            taken.setdefault(name, (name, False))
        taken.setdefault("sitemap.xml.gz", ("sitemap.xml.gz", False))
        taken.setdefault("search/search_index.json", ("search/search_index.json", False))  # the search plugin's
        folders = _folders(taken)
        # Where the site's file system folds case, no redirect goes where another file is but
        # for case: it would be that file (the page itself, often), or overwrite another redirect.
        folded = {dest.casefold() for dest in taken} if self.folds_case() else None
        above: dict[str, bool] = {}
        out: list[File] = []
        #: A page for each (link, title): Hugo's pages of a list (`page/1/`, `page/2/`...) that
        #: lead to the same page here, from the same depth, get the same redirect page.
        pages: dict[tuple[str, str], str] = {}
        link = Links()  # MkDocs' relative links, without its normalising (thousands of redirects)
        for r in redirects:
            owner, redirected = taken.get(r.dest_uri, ("", False))
            if owner:
                if owner != r.target_src_uri and (r.reason == "alias" or self._explicit_url(r)):
                    post = self.posts.get(r.target_src_uri)
                    key = (
                        "aliases"
                        if r.reason == "alias"
                        else "hugo_permalinks"
                        if r.src_uri and post and not post.url
                        else "slug"
                        if post and post.slug
                        else "url"
                    )
                    self.problems.append(SourceProblem(r.target_src_uri, _clash(r, owner, redirected, key)))
                continue
            target = files.src_uris.get(r.target_src_uri)  # a src_uri already: no PurePath to normalise it
            if target is None or not self._writable(r, taken, folders, above):
                continue
            if folded is not None:
                if r.dest_uri.casefold() in folded:
                    continue
                folded.add(r.dest_uri.casefold())
            taken[r.dest_uri] = (r.target_src_uri, True)
            _add_folders(folders, r.dest_uri)
            from_url = r.dest_uri[: -len("index.html")] if r.dest_uri.endswith("index.html") else r.dest_uri
            url = link(target.url, from_url)
            listing = self.listings.get(r.target_src_uri)
            post = self.posts.get(r.target_src_uri)
            page = post or (self._moved_pages.get(r.target_src_uri) or (None, None))[1]
            if page is not None and post is None and not page.title_given:
                page = None  # a page of the writer's with no title in its front matter: its name
            title = page.title if page else listing.title if listing else target.name
            page = pages.get((url, title))
            if page is None:
                page = pages[(url, title)] = render(url, title)
            out.append(File.generated(self.config, r.dest_uri, content=page))
        return out

    def _writable(self, r: Redirect, taken: dict, folders: dict[str, object], above: dict[str, bool]) -> bool:
        """Whether a redirect page can be written at all: no file where it needs a folder (or
        the other way round), no name longer than file systems allow (Hugo's URL of a very long
        term; Hugo could not write it either). A skipped alias of the writer's is reported.
        ``above``: per folder, whether a file is in the way (most redirects share their folder)."""
        dest = r.dest_uri
        why = ""
        if len(dest.encode("utf-8")) > 255 and not _fits(dest):
            why = "has a name longer than 255 bytes, which no file system takes"
        elif dest in folders:
            why = "is a folder of other pages"
        elif _file_above(dest.rpartition("/")[0], taken, above):
            why = "is inside what is a file here"
        if why and r.reason == "alias":
            url = "/" + dest.removesuffix("index.html")
            self.problems.append(
                SourceProblem(
                    r.target_src_uri,
                    Problem(f"has the alias {url}, which {why}; the alias was skipped. Pick another path.", key="aliases"),
                )
            )
        return not why

    def _explicit_url(self, r: Redirect) -> bool:
        post = self.posts.get(r.target_src_uri) if r.reason == "hugo" else None
        return bool(post and (post.slug or post.url or r.src_uri))


def _unsafe(name: str, what: str, url: str) -> str:
    shown = url if len(url) <= 60 else url[:59] + "…"
    return (
        f"the {what} {shown!r} of '{name}' is not a safe URL; it was left out. "
        "Use a path or an http(s) address."
    )


def _fits(dest: str) -> bool:
    """Whether every name in the path fits a file system (255 bytes)."""
    return all(len(part.encode("utf-8")) <= 255 for part in dest.split("/"))


def _own_cascade(post: Post) -> object:
    """A post's own ``cascade`` (in any case), or None."""
    return next((value for key, value in post.meta.items() if key.lower() == "cascade"), None)


def folds_case(folder: str) -> bool:
    """Whether ``folder``'s file system takes ``A`` and ``a`` for one name (macOS and Windows do
    by default): there a redirect from Hugo's ``posts/mypost/`` would overwrite the page it
    leads to, ``posts/MyPost/``. Asked of the file system itself, with a file made and removed."""
    try:
        os.makedirs(folder, exist_ok=True)
        handle, path = tempfile.mkstemp(prefix=".pd-Case-", dir=folder)
        os.close(handle)
        try:
            return os.path.exists(os.path.join(folder, os.path.basename(path).swapcase()))
        finally:
            os.remove(path)
    except OSError:
        return True  # unknown: the answer that loses no page


def _folders(dests) -> dict[str, object]:
    """Every folder the files at ``dests`` (dest_uris) are written in."""
    out: dict[str, object] = {}
    for dest in dests:
        _add_folders(out, dest)
    return out


def _positions(posts: list[Post]) -> list[int]:
    """The place of each post in ``posts``, taken newest first (the order Hugo lists them in)."""
    return sorted(range(len(posts)), key=lambda i: posts[i].sort_key)


def _add_folders(folders: dict[str, object], dest: str) -> None:
    folder = dest.rpartition("/")[0]
    while folder and folder not in folders:  # a folder known has its parents known
        folders[folder] = dest
        folder = folder.rpartition("/")[0]


def _file_above(folder: str, taken: dict, above: dict[str, bool]) -> bool:
    """Whether ``folder`` or a folder above it is a file in ``taken`` (remembered in ``above``)."""
    if not folder:
        return False
    found = above.get(folder)
    if found is None:
        found = above[folder] = folder in taken or _file_above(folder.rpartition("/")[0], taken, above)
    return found


def alias_dest(path: str, literal: bool = False) -> str | None:
    """A site path (``/old/path/``, ``/old.html``) -> the file that answers it; None if unsafe.

    Hugo happily writes term pages to ``tags/../../etc``; a redirect of ours never leaves the site.
    ``literal``: the path is a file Hugo wrote (a term ``C#`` is at ``tags/c#/``, linked as
    ``/tags/c%23/``), so ``#`` is part of its name; in a writer's alias it starts a fragment.
    Otherwise the path is an alias as ``hugo_alias_path`` gives it: a file where Hugo wrote one
    (``/b.html``), a folder, ending in ``/``, where Hugo wrote one (``/feed.xml/``, ``/Old.HTML/``).
    (Checked with Hugo 0.168.0; ``url: /x/y.HTML`` is a file.)
    """
    path = path.strip()
    if not path.startswith("/") or "://" in path or path.startswith("//") or "\\" in path:
        return None
    if any(c in path for c in ("?\x00" if literal else "?#\x00")) or any(seg in ("..", ".") for seg in path.split("/")):
        return None
    rel = posixpath.normpath(path).lstrip("/")
    if not rel or rel == ".":
        return None
    # A page URL Hugo wrote as a file keeps its name; an alias is where `hugo_alias_path` put
    # it, a folder unless it names a file (it ends in a slash otherwise).
    if posixpath.splitext(rel)[1].lower() in (".html", ".htm", ".xml") if literal else not path.endswith("/"):
        return rel
    return rel + "/index.html"


#: A permalink token, which Hugo expands in a `url` too (`/ep/:filename/`, `/x/:2006/`): any
#: `:` and a word, as Hugo reads a `url` with a colon in it as a pattern.
_PERMALINK_TOKEN = re.compile(r":[0-9A-Za-z_]")


def _unanswerable(hugo: str, key: str) -> Problem:
    return Problem(
        f"had the Hugo URL {hugo} (from its {key}), which no page here can answer "
        "(it holds a '?' or '#', or leaves the site); old links to it are not "
        f"redirected. Use a plain path as {key}, or add an alias for the old URL.",
        key=key,
    )


def _clash(r: Redirect, owner: str, redirected: bool, key: str) -> Problem:
    url = "/" + (r.dest_uri[: -len("index.html")] if r.dest_uri.endswith("index.html") else r.dest_uri)
    there = f"already redirects to '{owner}'" if redirected else f"is the page of '{owner}'"
    if r.reason == "alias":
        return Problem(
            f"has the alias {url}, which {there}; the alias was skipped. Remove it or pick a free path.",
            key=key,
        )
    if key == "hugo_permalinks":  # the pattern's, not the post's own: no line in its front matter
        return Problem(
            f"had the Hugo URL {url} (from hugo_permalinks), which {there}; old links to it lead "
            "there, not here. Add an alias for the URL you want, or give the post a url.",
        )
    return Problem(
        f"had the Hugo URL {url} (from its slug or url), which {there}; old links to it lead there, "
        "not here. Add an alias for the URL you want, or change the slug or url.",
        key=key,
    )


def _describe(listing: Listing) -> str:
    folder = listing.page_uris[0].rpartition("/")[0] if listing.page_uris else ""
    posts = f"the posts index of {folder}/" if folder else "the posts index"
    what = {"term": f"the page of '{listing.title}'", "posts": posts, "index": "an index"}
    text = what.get(listing.kind, "a generated page")
    return f"page {listing.page_no} of {text}" if listing.page_no > 1 else text


def _front_matter(file: File) -> dict[str, Any]:
    try:
        text, _ = postmod.decode(file.content_bytes)
    except OSError:
        return {}
    kind, fm, _, _, line = postmod.split_front_matter(text)
    return postmod.load_front_matter(kind, fm, line)[0] if kind else {}
