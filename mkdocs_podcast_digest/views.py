"""What is added to each page's HTML: post header and term links, series boxes, listings.

Turns the build's plain data into template contexts with links relative to the page being
rendered, so the site works under any base path and with ``use_directory_urls`` off.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from mkdocs.structure.files import Files

from .batch import Batched
from .digest import SERIES_KEY, Digest
from .pages import Listing
from .posts import Post
from .refs import RefIndex
from .related import Related
from .render import Links, Renderer, View


class Views:
    def __init__(self, digest: Digest, files: Files, renderer: Renderer, related: Related | None = None):
        self.digest = digest
        self.renderer = renderer
        self.labels = digest.labels
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        self.related = related
        # Every post's related posts, in one pass before pages render: half the time of the same
        # lookups spread between MkDocs' page renders, and faster than in the runs of fifty below
        # (~0.06 s against ~0.10 s for 1,000 posts: they walk every post's terms).
        self._rel = {p.src_uri: related.of(p) for p in digest.posts.values()} if related else {}
        # Options read once: a config option is a descriptor lookup, and these were read tens of
        # thousands of times (reading time once per line of every listing).
        options = digest.options
        self._reading_time = bool(options.reading_time)
        self._post_meta, self._series_position = options.post_meta, options.series_position
        self.link = Links()
        self._targets: dict[str, dict[str, tuple[str, str]]] = {}
        self._related_items: dict[tuple[str, str], View] = {}
        self._refs: RefIndex | None = None  # made at the build's first ref/relref, if any
        # Pages are built in the files' order (posts in the order they were read): what is added
        # to them is worked out a run at a time.
        posts = [(uri, self.urls[uri]) for uri in digest.post_files]
        self._decorations = Batched(posts, self._decorations_of)
        listings = [(f.src_uri, f.url) for f in files.documentation_pages() if f.src_uri in digest.listings]
        self._listings = Batched(listings, self._listing_of)
        #: Each other section's page (`guides/_index.md`) -> the pages and sub-sections it lists.
        self.other_sections = digest.section_lists(files)
        self._section_lists = bool(digest.options.section_lists)

    @property
    def related_lists(self) -> dict[str, list[Post]]:
        """Each post's related posts (src_uri -> posts), as shown on its page."""
        return self._rel

    def minutes(self, post: Post) -> int:
        """Reading time, counted when the post was read (0 when turned off)."""
        return post.minutes if self._reading_time else 0

    def url(self, src_uri: str, from_url: str) -> str:
        return self.link(self.urls.get(src_uri, ""), from_url)

    def post_url(self, post: Post, from_url: str) -> str:
        return self.url(post.src_uri, from_url)

    def term_url(self, key: str, slug: str, from_url: str) -> str:
        return self.url(self.digest.term_uris[(key, slug)], from_url)

    # ----------------------------------------------------------------------------- posts

    def decorate_post(self, post: Post, html: str, page_url: str) -> str:
        top, bottom = self._decorations.get((post.src_uri, page_url))
        return top + html + bottom

    def _decorations_of(self, key: tuple[str, str]) -> tuple[str, str]:
        """What goes above and below a post's text on its page."""
        src_uri, page_url = key
        post = self.digest.posts[src_uri]
        where = self._post_meta
        series = self.series_context(post, page_url)
        box = self.renderer.series_box(series)
        pos = self._series_position
        # The title (and a draft's note) always: on themes other than Material it is the page's only one.
        top = self.renderer.post_header(post, self.minutes(post), meta=where in ("top", "both"))
        top += box if pos in ("top", "both") else ""
        bottom = box if pos in ("bottom", "both") else ""
        if where in ("bottom", "both"):
            bottom += self.renderer.post_terms(self.term_groups(post, page_url))
        if self.related is not None:
            related = [self._related_item(p, page_url) for p in self._rel[post.src_uri]]
            bottom += self.renderer.related(related)
        return top, bottom

    def _related_item(self, post: Post, page_url: str) -> View:
        """A post as one of another's related posts. Made once per link: every post page is
        in the same kind of folder, so each post shows in several related blocks at the same
        relative URL (``../its-slug/``)."""
        url = self.post_url(post, page_url)
        item = self._related_items.get((post.src_uri, url))
        if item is None:
            item = self._related_items[(post.src_uri, url)] = self.renderer.post_item(post, url)
        return item

    def term_groups(self, post: Post, page_url: str) -> list[View]:
        groups = []
        link = self.link
        for key, tax in self.digest.taxonomies.items():
            names = post.terms.get(key)
            if not names:
                continue
            targets = self._term_targets(key)
            terms = [View(name=t[0], url=link(t[1], page_url)) for name in names if (t := targets.get(name))]
            if terms:
                label = self.digest.label(tax.folder)
                groups.append(
                    View(
                        label=label,
                        label_html=self.renderer.marked(tax.folder, label),
                        folder=tax.folder,
                        terms=terms,
                        id=f"pd-terms-{len(groups) + 1}",
                    )
                )
        return groups

    def _term_targets(self, key: str) -> dict[str, tuple[str, str]]:
        """Each spelling of a taxonomy's terms -> (the term's name, its page's URL), looked up
        once per term rather than once per post that shows it (a dozen chips per post)."""
        targets = self._targets.get(key)
        if targets is None:
            tax, infos, uris = self.digest.taxonomies[key], self.digest.infos, self.digest.term_uris
            # A term whose page could not be written (a file of the writer's has its name) is
            # left out of the links: none leads nowhere.
            targets = self._targets[key] = {
                name: (infos[(key, slug)].name, url)
                for name, slug in tax.slug_of.items()
                if (url := self.urls.get(uris[(key, slug)], ""))
            }
        return targets

    def link_theme_tags(self, tags: object) -> None:
        """Material's tags plugin shows a page's tags as chips above its title, each a link only
        when one of Material's tags listings shows that tag: the others get this plugin's page
        for the tag, so the chips lead where the term links below the post do. ``tags`` is the
        template variable that plugin sets: dicts with ``name``/``url`` (Material 9.5), or tag
        references whose first link is the chip's (9.6 and later). Anything else is left alone."""
        if not isinstance(tags, list) or "tags" not in self.digest.taxonomies:
            return
        targets = self._term_targets("tags")
        for tag in tags:
            name = tag.get("name") if isinstance(tag, dict) else getattr(tag, "name", None)
            target = targets.get(name) if isinstance(name, str) else None
            if not target or not target[1]:
                continue
            if isinstance(tag, dict):
                if not tag.get("url"):
                    tag["url"] = target[1]
            elif isinstance(links := getattr(tag, "links", None), list) and not links:
                links.append(View(title=target[0], url=target[1]))

    def ref_link(self, path: str, src_uri: str, page_url: str, in_link: bool) -> str | None:
        """Hugo's ``ref``/``relref`` written on page ``src_uri``: in a link, the target's file
        relative to this one, which MkDocs turns into its URL (and checks, anchor included);
        elsewhere the URL itself, relative to this page, so it works under any site path.
        None when Hugo would find no page (``refs.py``)."""
        if self._refs is None:
            self._refs = RefIndex(self.urls)
        found = self._refs.find(path, src_uri)
        if found is None:
            return None
        target, anchor = found
        fragment = f"#{anchor}" if anchor else ""
        if target == src_uri and fragment:
            return fragment
        if in_link:
            return quote(posixpath.relpath(target, posixpath.dirname(src_uri) or ".")) + fragment
        return self.link(self.urls[target], page_url) + fragment

    def _slug_of(self, key: str, name: str) -> str | None:
        return self.digest.taxonomies[key].slug_of.get(name)

    def series_context(self, post: Post, page_url: str) -> list[View]:
        tax = self.digest.taxonomies.get(SERIES_KEY)
        if tax is None:
            return []
        out = []
        for name in post.terms.get(SERIES_KEY, ()):
            slug = self._slug_of(SERIES_KEY, name)
            if slug is None:
                continue
            term = tax.terms[slug]
            parts = term.posts
            if len(parts) < 2:
                continue
            i = next((i for i, p in enumerate(parts) if p is post), None)
            if i is None:
                continue  # in no list (`build: {list: never}`): not a part the series counts

            links = [View(title=p.title, url=self.post_url(p, page_url), current=p is post) for p in parts]
            part_label, part_label_html = self.renderer.fill("part_of", n=i + 1, total=len(parts))
            out.append(
                View(
                    name=self.digest.infos[(SERIES_KEY, slug)].name,
                    url=self.term_url(SERIES_KEY, slug, page_url),
                    position=i + 1,
                    total=len(parts),
                    part_label=part_label,
                    part_label_html=part_label_html,
                    parts=links,
                    previous=links[i - 1] if i > 0 else None,
                    next=links[i + 1] if i + 1 < len(parts) else None,
                )
            )
        return out

    # ----------------------------------------------------------------------------- listings

    def listing(self, listing: Listing, html: str, page_url: str) -> str:
        if not listing.generated and "<h1" not in html:
            # A page written without a heading (a profile, Hugo's `_index.md`): its own title,
            # else the profile's name, else the listing's.
            title = listing.own_title or (listing.info.name if listing.info else listing.title)
            html = self.renderer.heading(title) + html
        return html + self._listings.get((listing.src_uri, page_url))

    def section(self, src_uri: str, html: str, page_url: str) -> str:
        """An other section's page: its title where its text has no heading (as on a listing
        written without one: themes other than Material print none), and the list of what is
        in it under its text (``section_lists``)."""
        if "<h1" not in html:
            html = self.renderer.heading(self.digest.section_title(src_uri)) + html
        if not self._section_lists:
            return html
        items = [
            self.renderer.listing_item(p, self.url(p.src_uri, page_url), self.minutes(p))  # (a section's: 0)
            for p in self.other_sections[src_uri]
            if p.src_uri in self.urls  # (not one another plugin took out of the site since)
        ]
        return html + self.renderer.section_list(items)

    def _post_count(self, n: int) -> tuple[str, str]:
        """A term's count in words ("7 posts"), as ``fill`` gives it: the chip shows the number,
        a screen reader reads this, so the number is not read as part of the term's name."""
        return self.renderer.fill("post_count_one" if n == 1 else "post_count", n=n)

    def _listing_of(self, key: tuple[str, str]) -> str:
        """The list of posts (or of terms, on an index) added to a listing page."""
        src_uri, page_url = key
        listing = self.digest.listings[src_uri]
        if listing.kind == "index":
            tax = listing.taxonomy
            terms = []
            for t in tax.sorted_terms("count"):
                if self.digest.term_uris[(tax.key, t.slug)] not in self.urls:
                    continue
                name = self.digest.infos[(tax.key, t.slug)].name
                count_text, count_text_html = self._post_count(t.count)
                terms.append(
                    View(
                        name=name,
                        sort_name=name.casefold(),
                        count=t.count,
                        count_text=count_text,
                        count_text_html=count_text_html,
                        url=self.term_url(tax.key, t.slug, page_url),
                    )
                )
            return self.renderer.terms_index(terms, tax.folder)
        # A line per post, tens of thousands on a big site: the lookups are done inline.
        link, urls, item, minutes = self.link, self.urls, self.renderer.listing_item, self.minutes
        items = [item(p, link(urls.get(p.src_uri, ""), page_url), minutes(p)) for p in listing.posts]
        pager = None
        if listing.page_count > 1:
            uris = listing.page_uris
            n = listing.page_no
            pager = View(
                page_no=n,
                page_count=len(uris),
                newer=self.url(uris[n - 2], page_url) if n > 1 else None,
                older=self.url(uris[n], page_url) if n < len(uris) else None,
                pages=[View(n=i + 1, url=self.url(u, page_url), current=i + 1 == n) for i, u in enumerate(uris)],
                label="",
                more=(),
            )
        indexes = self.digest.folder_indexes
        if listing.kind == "home" and indexes and self.digest.listed_count > len(items):
            pager = View(
                page_no=1,
                page_count=2,
                newer=None,
                older=None,
                pages=[],
                label=self.digest.labels["posts"],  # a link to the posts index, not a page 2 of 2
                more=(),
            )
            if len(indexes) == 1:
                pager.older = self.url(self.digest.index_uris[""], page_url)
            else:  # several posts folders: a link to each one's index, by its name
                listings = self.digest.listings
                pager.more = [View(url=self.url(uri, page_url), title=listings[uri].title) for uri in indexes.values()]
        ordered = listing.taxonomy is not None and listing.taxonomy.key == SERIES_KEY
        return self.renderer.listing(listing, items, pager, listing.info, ordered)

