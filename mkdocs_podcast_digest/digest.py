"""One build's view of the site: posts read once, taxonomies, and the pages to add.

A new :class:`Digest` is made for every build (``mkdocs serve`` rebuilds included), so an edited,
renamed or deleted post can never leave a stale term, series entry or index line behind. The
old URLs that lead to its pages are planned from it by ``redirects.RedirectPlan``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import posixpath
import re
import tempfile
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

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
from .lists import hugo_lists
from .pages import Listing, TermInfo, listing_pages, term_info
from .permalinks import Permalinks, UglyURLs
from .postcache import PostCache
from .posts import Post, Problem
from .shortcodes.hugo import safe_url
from .taxonomy import SourceProblem, Taxonomy, build_taxonomy, order_series
from .urls import slugify, title_from_slug

SERIES_KEY = "series"


def newest_date(posts: list[Post]) -> dt.datetime | None:
    """The newest date among ``posts`` (a list's date in Hugo: its newest page's)."""
    dates = [p.date for p in posts if p.date is not None]
    return max(dates, key=postmod.to_timestamp_sortable) if dates else None


def section_of(folder: str, indexes: Container[str]) -> str:
    """The folder of the section a page in ``folder`` is in, as Hugo sees it: the nearest one up
    from it with an `_index.md` (its path in ``indexes``), else its top folder ("" at the root)."""
    while "/" in folder and f"{folder}/_index.md" not in indexes:
        folder = posixpath.dirname(folder)
    return folder


def _section_indexes(files: Files) -> set[str]:
    """Every `_index.md`: its folder is a section, a draft's too (left out of the build)."""
    every = files.documentation_pages(inclusion=lambda _: True)
    return {f.src_uri for f in every if posixpath.basename(f.src_uri) == "_index.md"}


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
    #: A post (or an `_index.md` page) -> the lines of its body before which ``hugo_lists`` put
    #: a blank line: warnings name the writer's own lines.
    inserted_lines: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    #: When this build read the posts: what "scheduled" and "expired" are measured against.
    _now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc), init=False, repr=False)
    #: Hugo's sections below the posts' folder (`posts/2024/_index.md`) with a page here, and
    #: the posts in each, newest first (its listing, feed and the pages Hugo split it into).
    sections: dict[str, list[Post]] = field(default_factory=dict, init=False, repr=False)
    #: Every `_index.md` served as the page of its folder (home, sections, taxonomies, terms).
    folder_pages: dict[str, File] = field(default_factory=dict, init=False, repr=False)
    #: Each `_index.md` read (once) as a post is: `folder_page`.
    _folder_read: dict[str, Post | None] = field(default_factory=dict, init=False, repr=False)
    _plain_sections: dict[str, list[Post]] | None = field(default=None, init=False, repr=False)
    #: The writer's other pages whose front matter has Hugo's ``aliases``, ``url`` or ``slug``
    #: (``about.md`` with ``aliases: [/about-us/]``): their old URLs keep answering too.
    moved_pages: dict[str, tuple[File, Post]] = field(default_factory=dict, init=False, repr=False)
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
    other_pages: int = field(default=0, init=False, repr=False)
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

    def ugly_page(self, src_uri: str) -> bool:
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
                    self.other_pages += 1
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
            if body is not None:  # made ready for MkDocs now, while its text is in the CPU's caches
                self._unread[file.src_uri] = self._for_markdown(file.src_uri, body)
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
                self.tagged[uri].date = newest_date(inside)

    def _other_page_held(self, file: File, headless: list[str], unpublished: list[str]) -> bool:
        """Whether one of the writer's other pages (not a post) is left out, as Hugo left it out:
        ``draft: true``, ``headless``/``build: {render: never}``, an explicit ``publishDate`` to
        come or an ``expiryDate`` gone (a future ``date`` alone does not hide a page that is no
        post). Its ``aliases``, ``url`` and ``slug`` are kept for its redirects (``moved_pages``),
        and its terms for their pages (``tagged``). Only pages whose front matter, or a cascade above
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
        ) or (self.ugly_page(file.src_uri) and file.src_uri != "index.md")  # (Hugo's URL differs; not the home)
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
            self.moved_pages[file.src_uri] = (file, page)
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
        """A post's Markdown without its front matter, for MkDocs to render (its lists as
        Python-Markdown needs them: ``inserted_lines``).

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
            self._bodies = Batched(
                list(self.post_files), lambda uri: self._for_markdown(uri, self.body_of(self.post_files[uri]))
            )
        return self._bodies.get(src_uri)

    def _for_markdown(self, src_uri: str, body: str) -> str:
        """A post's body as Python-Markdown needs it (``hugo_lists``), the lines it moved noted."""
        if not self.options.hugo_lists:
            return body
        body, inserted = hugo_lists(body)
        if inserted:
            self.inserted_lines[src_uri] = inserted
        return body

    def line_of(self, src_uri: str, key: str) -> int | None:
        """Where a post's (or an ``_index.md`` page's) front matter has ``key``: read again from
        its file, as only a warning found after reading (a clashing alias, a duplicate
        series_order) asks for it."""
        file = self.post_files.get(src_uri) or self.folder_pages.get(src_uri)
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
            home = [p for p in ordered if not p.local][: min(size or 10, 10)]  # (site.RegularPages)
            generated = self.home_uri not in existing
            new.append(
                Listing(self.home_uri, self.config.site_name, "home", home, page_uris=[self.home_uri], generated=generated)
            )
        # Any other `_index.md` is its folder's page, as in Hugo (`guides/_index.md` at `guides/`).
        for uri in sections_at:
            if uri in self.folder_pages or existing[uri].inclusion.is_excluded():
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
        for file in [f for f in files if f.generated_by and not fits(f.dest_uri)]:
            # A feed at Hugo's path of a very long term: Hugo could not have written it either.
            files.remove(file)
        dests = {f.dest_uri: f for f in files if not f.inclusion.is_excluded()}
        inside = folders_of(dests)
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
        its own pages, newest first: Hugo wrote a feed of them beside it (`guides/index.xml`).

        A section's own pages are Hugo's ``.RegularPages``, which its feed lists: the pages in
        its folder and in the folders below that are no sections themselves (a folder is one
        with an `_index.md`, a draft's too; a top folder always is), leaf bundles included.
        Worked out once a build (the feeds and the sections' lists read it)."""
        if self._plain_sections is None:
            self._plain_sections = self._find_plain_sections(files)
        return self._plain_sections

    def section_lists(self, files: Files) -> dict[str, list[Post]]:
        """What each other section's page lists under its text: Hugo's ``.Pages`` of it, as the
        section template of Hugo's own new theme (``hugo new theme``) lists them: its pages and
        its sub-sections (their `_index.md`, drafts' not), in Hugo's order. A sub-section is
        dated by its front matter, else by the newest page anywhere below it (recorded from
        Hugo 0.168: ``tests/hugo_reference/make_other_sections.py``)."""
        sections = self.plain_sections(files)
        if not sections:
            return {}
        below: dict[str, list[str]] = {uri: [] for uri in sections}  # its sub-sections
        indexes = _section_indexes(files)
        for uri in sections:
            parent = section_of(posixpath.dirname(posixpath.dirname(uri)), indexes)
            if "/" in uri[: -len("/_index.md")] and f"{parent}/_index.md" in below:
                below[f"{parent}/_index.md"].append(uri)
        dates: dict[str, dt.datetime | None] = {}

        def newest(uri: str) -> dt.datetime | None:
            if uri not in dates:
                page = self.folder_page(uri)
                found = [p.date for p in sections[uri] if p.date is not None]
                found += [d for sub in below[uri] if (d := newest(sub)) is not None]
                own = page.date if page is not None else None
                dates[uri] = own or max(found, key=postmod.to_timestamp_sortable, default=None)
            return dates[uri]

        out: dict[str, list[Post]] = {}
        for uri, pages in sections.items():
            entries = [(p.sort_key, p) for p in pages]
            for sub in below[uri]:
                page = self.folder_page(sub)
                if page is not None and not page.unlisted:
                    if not page.title_given and not page.has_heading:  # named as its own page is
                        page = dataclasses.replace(page, title=self.section_title(sub))
                    name = page.link_title or page.title
                    entries.append((postmod.order_key(page.weight, newest(sub), name, sub), page))
            entries.sort(key=lambda entry: entry[0])
            out[uri] = [page for _, page in entries]
        return out

    def section_title(self, uri: str) -> str:
        """An other section's name (`guides/_index.md`): its front matter's title, else its
        folder's, as Hugo names a section."""
        page = self.folder_page(uri)
        return page.title if page is not None and page.title_given else self.label(uri.split("/")[-2])

    def _find_plain_sections(self, files: Files) -> dict[str, list[Post]]:
        out: dict[str, list[Post]] = {}
        for uri in self.folder_pages:
            if "/" not in uri or uri in self.listings or uri in self.sections or uri.startswith(self._taxonomy_prefixes):
                continue
            out[uri] = []
        if not out:
            return out
        indexes = _section_indexes(files)
        for file in files.documentation_pages():
            folder, name = posixpath.split(file.src_uri)
            if name == "index.md" and f"{folder}/_index.md" not in indexes:
                folder = posixpath.dirname(folder)  # a leaf bundle: a page of the section above
            elif name in ("_index.md", "index.md") or file.inclusion.is_excluded():
                continue
            pages = out.get(f"{section_of(folder, indexes)}/_index.md")
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
        file = self.folder_pages.get(src_uri)
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
        for uri in sorted(self.folder_pages):
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
        self.folder_pages[file.src_uri] = file
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


def _unsafe(name: str, what: str, url: str) -> str:
    shown = url if len(url) <= 60 else url[:59] + "…"
    return (
        f"the {what} {shown!r} of '{name}' is not a safe URL; it was left out. "
        "Use a path or an http(s) address."
    )


def fits(dest: str) -> bool:
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


def folders_of(dests) -> dict[str, object]:
    """Every folder the files at ``dests`` (dest_uris) are written in."""
    out: dict[str, object] = {}
    for dest in dests:
        add_folders(out, dest)
    return out


def add_folders(folders: dict[str, object], dest: str) -> None:
    """Add the folders ``dest`` is written in to ``folders`` (each -> the first file found in
    it, to name in a warning), as each redirect planned takes its place."""
    folder = dest.rpartition("/")[0]
    while folder and folder not in folders:  # a folder known has its parents known
        folders[folder] = dest
        folder = folder.rpartition("/")[0]


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
