"""Old URLs that keep answering: Hugo's URLs of posts, terms and lists, aliases, other spellings.

A :class:`RedirectPlan` reads one build's :class:`~.digest.Digest` (the posts, terms and pages
planned) and works out every URL the site had under Hugo that is not a page here: a post's
Hugo URL (its ``slug``, ``url``, Hugo's ``permalinks`` or ``uglyURLs``), its ``aliases``, a
term's page under another spelling or in the taxonomy's own folder (``related_people/``), and
the pages Hugo paginated every list into. Each becomes a small redirect page, written only where
no page of the site (nor another redirect planned before it) is; where an old URL cannot be
kept, the writer is told which and why. The feeds read the plan too: a term's feed is written at
Hugo's path as well.
"""

from __future__ import annotations

import contextlib
import dataclasses
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File, Files

from .cascade import page_path
from .digest import SERIES_KEY, Digest, add_folders, fits, folders_of, newest_date, section_of
from .permalinks import Facts, expand, uglify
from .posts import Post, Problem
from .render import Links
from .taxonomy import SourceProblem
from .urls import hugo_alias_path, hugo_post_path, hugo_term_path, hugo_urlize, slugify

#: Names that Hugo's URL rules leave as they are (lower-case ASCII words joined by - _ .), so
#: the Hugo URL of such a post or term needs no emulation.
_PLAIN_NAME = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\.md)?")


#: Hugo's language suffix in a content file's name (``post.fr.md``, ``post.zh-tw.md``); only
#: which of two files keeps a shared alias depends on it.
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:-[a-zA-Z]{2,4})?\.md$")


@dataclass
class Redirect:
    dest_uri: str  # e.g. "old/path/index.html"
    target_src_uri: str  # the page it points to
    reason: str
    src_uri: str = ""  # the post that asked for it, for warnings


class RedirectPlan:
    """The redirects of one build: ``plan()`` once the pages are planned (before the feeds, which
    copy a term's feed to Hugo's path), ``bundle_copies`` and ``redirect_files`` after."""

    def __init__(self, digest: Digest):
        self.digest = digest
        #: Every old URL planned, in order: the first one planned for a URL is the one written.
        self.entries: list[Redirect] = []
        #: A leaf bundle's folder -> the folder Hugo published it at, where that differs (a `slug`).
        self._moved_bundles: dict[str, str] = {}

    def plan(self) -> None:
        """Old URLs that must keep answering: aliases, Hugo's post URLs, other spellings."""
        if not self.digest.options.redirects:
            return
        # A translation (`post.fr.md`, a page of its own here) often repeats its original's
        # aliases: the original's are registered first, so theirs are the ones kept.
        moved = self._in_hugos_folders()
        for post in sorted(self.digest.posts.values(), key=lambda p: _LANGUAGE_SUFFIX.search(p.src_uri) is not None):
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
            ugly = self.digest.ugly_page(post.src_uri)
            folder = hugo
            if ugly and not post.url:  # Hugo's `uglyURLs`: the page is a file (a url is as written)
                hugo = uglify(hugo)
            # (One from a pattern names its post: if the URL is taken, the writer hears of it.)
            by_pattern = post.src_uri if permalink is not None and not post.url else ""
            if not self._redirect(hugo, post.src_uri, "hugo", by_pattern) and (post.url or post.slug or by_pattern):
                key = "url" if post.url else "hugo_permalinks" if by_pattern else "slug"
                self.digest.problems.append(SourceProblem(post.src_uri, _unanswerable(hugo, key)))
            bundle = post.src_uri.endswith("/index.md")
            if bundle and (dest := alias_dest(folder, literal=True) or "").endswith("/index.html"):
                # A folder, safe to write in: the bundle's files go there too (`bundle_copies`);
                # under `uglyURLs`, the folder named as the page's file (`2024/x.html`: `2024/x/`).
                self._moved_bundles[post.src_uri[: -len("index.md")]] = dest[: -len("index.html")]
            self._alias_redirects(post, hugo, ugly)
        pager = self.digest.options.hugo_pager_size > 0
        for uri in self.digest.sections:
            head = uri[: -len("_index.md")]
            hugo = "/" + head
            section, _, rest = moved(uri).partition("/")
            with contextlib.suppress(ValueError):  # a section folder named with capitals or spaces
                hugo = unquote(hugo_post_path(rest, section=section))
            hugo = self._permalink("section", uri, self.digest.folder_page(uri)) or hugo
            self._redirect(hugo, uri, "hugo")
            if pager:  # the pages Hugo paginated the section into
                self._pager_redirects(hugo, uri, self._listed(uri))
        odd = [p for p in self.digest.posts.values() if p.term_variants]  # terms written with odd spaces
        for key, tax in self.digest.taxonomies.items():
            # Hugo sites name the folder after the taxonomy (/related_people/x/); ours may differ.
            folders = {tax.folder, key}
            if key != tax.folder and key in self.digest.index_uris:
                self._redirect(f"/{key}/", self.digest.index_uris[key], "term")
            for term in tax.terms.values():
                target = self.digest.term_uris[(key, term.slug)]
                hugo_paths: set[str] = set()  # where Hugo wrote this term's page
                own_page = target.endswith("/_index.md")  # Hugo's own page of the term (its slug moves it)
                for spelling in term.spellings:
                    slug = slugify(spelling)
                    plain = spelling.lower().replace(" ", "-")
                    if (
                        plain == slug
                        and _PLAIN_NAME.fullmatch(plain)
                        and not (self.digest.permalinks or self.digest.ugly or own_page)
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
                        self._redirect(path, self.digest.term_uris[(key, slug)], "term")
                        if pager:
                            self._pager_redirects(
                                path, self.digest.term_uris[(key, slug)], written[raw], files=path.endswith(".html")
                            )
            if key in self.digest.index_uris:
                index = self.digest.index_uris[key]
                for folder in sorted(folders):
                    hugo = f"/{folder}/"
                    if (pattern := self.digest.permalinks.pattern("taxonomy", f"/{folder}")) is not None:
                        page = self.digest.folder_page(f"{folder}/_index.md")
                        title = page.title if page is not None and page.title_given else self.digest.label(folder)
                        newest = newest_date([p for t in tax.terms.values() for p in t.posts[:1]])
                        with contextlib.suppress(ValueError):  # Hugo's taxonomy page moved (`/topics/`)
                            hugo = unquote(hugo_post_path("", url=expand(pattern, Facts(title=title, date=newest))))
                            self._redirect(hugo, index, "term")
                    if pager:
                        self._pager_redirects(hugo, index, len(tax.terms))
        # Hugo's home page, and where its `permalinks` moved it (`home: {"/": /start/}`).
        homes = ["/"]
        if self.digest.home_uri and (pattern := self.digest.permalinks.pattern("home", "/")) is not None:
            with contextlib.suppress(ValueError):
                facts = self._facts("_index.md", self.digest.folder_page("_index.md"))
                home = unquote(hugo_post_path("", url=expand(pattern, facts)))
                if home != "/" and self._redirect(home, self.digest.home_uri, "hugo"):
                    homes.append(home)
        if pager:
            # Hugo's home page paginates the posts; its first page is the home page here, the
            # others the pages of the posts index that list the same posts (or, without a posts
            # index, the home page).
            # With several posts folders, no list here holds what Hugo's home page did (the
            # posts of all of them): its pages lead to the home page.
            posts_index = self.digest.index_uris.get("") if len(self.digest.options.posts_dir) == 1 else None
            # (Hugo's home page listed the writer's other pages too, unless its theme chose.)
            # (Not the posts listed in their section only: `build: {list: local}`.)
            local = sum(p.local for p in self.digest.posts.values())  # (`local` is never `never`)
            home_count = self.digest.listed_count - local + self.digest.other_pages
            for home in homes:
                self._redirect(home + "page/1/", self.digest.home_uri, "page")
                self._pager_redirects(home, posts_index or self.digest.home_uri, home_count, first=2)
        for folder, uri in self.digest.folder_indexes.items():
            hugo = f"/{folder}/"
            with contextlib.suppress(ValueError):  # a folder named with capitals or spaces: Hugo's URL
                top, _, rest = moved(f"{folder}/_index.md").partition("/")
                hugo = unquote(hugo_post_path(rest, section=top))
                if hugo != f"/{folder}/":
                    self._redirect(hugo, uri, "hugo")
            section = f"{folder}/_index.md"
            if (permalink := self._permalink("section", section, self.digest.folder_page(section))) is not None:
                self._redirect(permalink, uri, "hugo")  # Hugo's `permalinks` moved the section
                hugo = permalink
            if pager:
                self._pager_redirects(f"/{folder}/", uri, self._listed(uri))
                if hugo != f"/{folder}/":
                    self._pager_redirects(hugo, uri, self._listed(uri))
        if pager:  # Hugo's `page/1/` of every other section's list (`guides/page/1/`)
            for uri in self.digest.folder_pages:
                if "/" in uri and uri not in self.digest.sections and uri not in self.digest.listings:
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
        if not url and not self.digest.permalinks:
            return None
        pattern = url or self.digest.permalinks.pattern(kind, page_path(src_uri))
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
        info = self.digest.infos.get((key, slug))
        uri = info.profile_src_uri if info is not None else ""
        page = self.digest.folder_page(uri) if uri.endswith("/_index.md") else None  # Hugo's term page
        if page is not None and page.slug:  # it moved the term, as a slug moves a page
            default = unquote(hugo_post_path("", slug=page.slug, section=folder))
        pattern = self.digest.permalinks.pattern("term", default.rstrip("/").lower()) if self.digest.permalinks else None
        ugly = uglify if self.digest.ugly(folder) else str  # Hugo's `uglyURLs`: the term's page is a file
        if pattern is None:
            return ugly(default)
        term = self.digest.taxonomies[key].terms.get(slug)
        facts = Facts(
            title=page.title if page is not None and page.title_given else spelling,
            slug=page.slug if page is not None else "",
            date=newest_date(term.posts) if term is not None else None,  # its newest post's
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
        section = section_of(folder, self.digest.folder_pages)
        depth = section.count("/") + 1 if section else 0
        names = []
        for d in range(1, depth + 1):
            section = self.digest.folder_page("/".join(parts[:d]) + "/_index.md")
            own = (section.slug or (section.title if section.title_given else "")) if section else ""
            names.append(own or parts[d - 1])
        title = page.title if page is not None and page.title_given else ""
        if not title and stem == "_index":  # a section is named after its folder, the home page the site
            title = base or str(self.digest.config.site_name)
        date = page.date if page is not None else None
        if date is None and stem == "_index":  # Hugo dated a list by its newest page
            inside = src_uri[: -len("_index.md")]
            date = newest_date([p for uri, p in self.digest.posts.items() if uri.startswith(inside)])
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
        for uri in self.digest.folder_pages:
            page = self.digest.folder_page(uri)
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
        for uri, (file, page) in sorted(self.digest.moved_pages.items()):
            section, _, rest = uri.partition("/") if "/" in uri else ("", "", uri)
            url = page.url if page.url and not urlsplit(page.url).scheme else ""  # a link, not a path
            permalink = self._permalink("page", uri, dataclasses.replace(page, url=url))
            ugly = self.digest.ugly_page(uri) and uri != "index.md"  # (the site's home page here)
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
                key = "url" if url else "hugo_permalinks" if permalink else "slug"
                self.digest.problems.append(SourceProblem(uri, _unanswerable(hugo, key)))
            self._alias_redirects(page, hugo, ugly)

    def _listed(self, uri: str) -> int:
        """How many entries the list on the page ``uri`` holds (for the pages Hugo split it into)."""
        listing = self.digest.listings.get(uri)
        if listing is None:
            return 1
        if listing.term is not None:
            return len(listing.term.posts)
        if listing.kind == "index" and listing.taxonomy is not None:
            return len(listing.taxonomy.terms)
        if uri in self.digest.sections:
            return len(self.digest.sections[uri])
        if len(self.digest.options.posts_dir) > 1 and listing.kind == "posts":  # a posts folder's index
            return len(self.digest.folder_posts.get(self.digest.posts_folder(uri), ()))
        return self.digest.listed_count

    def _alias_redirects(self, page: Post, hugo: str, ugly: bool = False) -> None:
        """A redirect page at each of ``page``'s aliases (Hugo's page at ``hugo``; ``ugly``: its
        section's under ``uglyURLs``, which makes each alias a file too)."""
        for alias in page.aliases:
            try:
                path = hugo_alias_path(alias, hugo, ugly=ugly)
            except ValueError:
                path = ""
            if not self._redirect(path, page.src_uri, "alias", page.src_uri):
                self.digest.problems.append(
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
        for uri, file in sorted(self.digest.folder_pages.items()):
            page = self.digest.folder_page(uri)  # its problems were reported by `plan`
            if page is None:
                continue
            here = "/" + file.dest_uri[: -len("index.html")]
            hugo = here
            section = "/" in uri and uri not in self.digest.sections and uri not in self.digest.listings  # (those are done)
            permalink = self._permalink("section", uri, page) if section or _PERMALINK_TOKEN.search(page.url) else None
            if permalink is not None:
                hugo = permalink
                if hugo != here and self._redirect(hugo, uri, "hugo") and self.digest.options.hugo_pager_size > 0:
                    self._pager_redirects(hugo, uri, self._listed(uri))
            elif page.url:
                with contextlib.suppress(ValueError):
                    hugo = unquote(hugo_post_path("", url=page.url))
                if hugo != here:
                    if not self._redirect(hugo, uri, "hugo"):
                        self.digest.problems.append(SourceProblem(uri, _unanswerable(hugo, "url")))
                    elif self.digest.options.hugo_pager_size > 0:
                        self._pager_redirects(hugo, uri, self._listed(uri))
            self._alias_redirects(page, hugo, self.digest.ugly_page(uri))

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
        listing = self.digest.listings.get(list_uri)
        uris = listing.page_uris if listing is not None and listing.page_uris else [list_uri]
        per_page, size = self.digest.options.hugo_pager_size, self.digest.options.page_size
        for n in range(first, max(1, -(-count // per_page)) + 1):
            at = (n - 1) * per_page
            if where is not None and n > 1 and at < len(where):  # (Hugo's page 1: the list's first)
                at = where[at]
            page = at // size if size > 0 else 0
            self.entries.append(Redirect(name.format(folder, n), uris[min(page, len(uris) - 1)], "page"))

    def _redirect(self, path: str, target_src_uri: str, reason: str, src_uri: str = "") -> bool:
        dest = alias_dest(path, literal=reason != "alias")
        if dest is not None:
            self.entries.append(Redirect(dest, target_src_uri, reason, src_uri))
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
            out.append(File.generated(self.digest.config, path, abs_src_path=file.abs_src_path))
        return out

    def redirect_files(self, files: Files, render) -> list[File]:
        """Redirect pages for every old URL that no real page answers already. The plan is used
        up: thousands of entries (every page Hugo paginated a list into) need not stay in memory
        while the pages render."""
        redirects, self.entries = self.entries, []
        #: dest_uri -> (the page there, or the page a redirect there leads to; whether a redirect).
        taken = {f.dest_uri: (f.src_uri, False) for f in files}
        for name in self.digest.config.theme.static_templates:  # written last: 404.html, sitemap.xml
            taken.setdefault(name, (name, False))
        taken.setdefault("sitemap.xml.gz", ("sitemap.xml.gz", False))
        taken.setdefault("search/search_index.json", ("search/search_index.json", False))  # the search plugin's
        folders = folders_of(taken)
        # Where the site's file system folds case, no redirect goes where another file is but
        # for case: it would be that file (the page itself, often), or overwrite another redirect.
        folded = {dest.casefold() for dest in taken} if self.digest.folds_case() else None
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
                    post = self.digest.posts.get(r.target_src_uri)
                    key = (
                        "aliases"
                        if r.reason == "alias"
                        else "hugo_permalinks"
                        if r.src_uri and post and not post.url
                        else "slug"
                        if post and post.slug
                        else "url"
                    )
                    self.digest.problems.append(SourceProblem(r.target_src_uri, _clash(r, owner, redirected, key)))
                continue
            target = files.src_uris.get(r.target_src_uri)  # a src_uri already: no PurePath to normalise it
            if target is None or not self._writable(r, taken, folders, above):
                continue
            if folded is not None:
                if r.dest_uri.casefold() in folded:
                    continue
                folded.add(r.dest_uri.casefold())
            taken[r.dest_uri] = (r.target_src_uri, True)
            add_folders(folders, r.dest_uri)
            from_url = r.dest_uri[: -len("index.html")] if r.dest_uri.endswith("index.html") else r.dest_uri
            url = link(target.url, from_url)
            listing = self.digest.listings.get(r.target_src_uri)
            post = self.digest.posts.get(r.target_src_uri)
            page = post or (self.digest.moved_pages.get(r.target_src_uri) or (None, None))[1]
            if page is not None and post is None and not page.title_given:
                page = None  # a page of the writer's with no title in its front matter: its name
            title = page.title if page else listing.title if listing else target.name
            page = pages.get((url, title))
            if page is None:
                page = pages[(url, title)] = render(url, title)
            out.append(File.generated(self.digest.config, r.dest_uri, content=page))
        return out

    def _writable(self, r: Redirect, taken: dict, folders: dict[str, object], above: dict[str, bool]) -> bool:
        """Whether a redirect page can be written at all: no file where it needs a folder (or
        the other way round), no name longer than file systems allow (Hugo's URL of a very long
        term; Hugo could not write it either). A skipped alias of the writer's is reported.
        ``above``: per folder, whether a file is in the way (most redirects share their folder)."""
        dest = r.dest_uri
        why = ""
        if len(dest.encode("utf-8")) > 255 and not fits(dest):
            why = "has a name longer than 255 bytes, which no file system takes"
        elif dest in folders:
            why = "is a folder of other pages"
        elif _file_above(dest.rpartition("/")[0], taken, above):
            why = "is inside what is a file here"
        if why and r.reason == "alias":
            url = "/" + dest.removesuffix("index.html")
            self.digest.problems.append(
                SourceProblem(
                    r.target_src_uri,
                    Problem(f"has the alias {url}, which {why}; the alias was skipped. Pick another path.", key="aliases"),
                )
            )
        return not why

    def _explicit_url(self, r: Redirect) -> bool:
        post = self.digest.posts.get(r.target_src_uri) if r.reason == "hugo" else None
        return bool(post and (post.slug or post.url or r.src_uri))



def _positions(posts: list[Post]) -> list[int]:
    """The place of each post in ``posts``, taken newest first (the order Hugo lists them in)."""
    return sorted(range(len(posts)), key=lambda i: posts[i].sort_key)


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
    """Why a page's Hugo URL gets no redirect, blaming what gave it: its ``url`` or ``slug`` (a
    line of its front matter), or the site's ``hugo_permalinks`` pattern (none)."""
    pattern = key == "hugo_permalinks"
    source = "from hugo_permalinks" if pattern else f"from its {key}"
    line_key = "" if pattern else key
    if hugo.strip("/") == "":  # the site's root: Hugo wrote the page over its home page
        fix = (
            "Give the pattern a part that differs from page to page (such as :slug)"
            if pattern
            else f"Give it a {key} of its own"
        )
        return Problem(
            f"had the Hugo URL / ({source}), the site's home page: old links to it lead to the home "
            f"page here, not to this page. {fix}, or add an alias for the URL you want.",
            key=line_key,
        )
    fix = "Change the pattern in hugo_permalinks" if pattern else f"Use a plain path as {key}"
    return Problem(
        f"had the Hugo URL {hugo} ({source}), which no page here can answer "
        "(it holds a '?' or '#', or leaves the site); old links to it are not "
        f"redirected. {fix}, or add an alias for the old URL.",
        key=line_key,
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
