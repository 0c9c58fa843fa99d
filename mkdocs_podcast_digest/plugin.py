"""The MkDocs plugin: wires MkDocs events to the small modules that do the work."""

from __future__ import annotations

import functools
import html
import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import dirty, navigation
from .config import PluginConfig
from .digest import SERIES_KEY, Digest
from .feeds import Feeds, absolute_url
from .headings import HugoHeadingIdsExtension
from .i18n import embed_texts, has_labels, label_languages, labels_for, page_language, theme_language
from .lists import hugo_lists, original_line
from .postcache import PostCache
from .posts import Post, day_text, decode, parse_post
from .redirects import RedirectPlan
from .refs import RefIndex
from .related import Related
from .render import TEMPLATES_DIR, Renderer
from .seo import Metadata
from .views import Views

log = get_plugin_logger(__name__)

ASSETS = "assets/podcast-digest"


#: Plugins that make the nav from files of the writer's own (``.nav.yml``, ``.pages``,
#: ``SUMMARY.md``): the order and names there are the writer's, not to be arranged again.
NAV_PLUGINS = frozenset({"awesome-nav", "awesome-pages", "literate-nav"})


class PodcastDigestPlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.digest: Digest | None = None
        self.views: Views | None = None
        self.feeds: Feeds | None = None
        self.redirects: RedirectPlan | None = None
        self.metadata: Metadata | None = None
        self._page: Page | None = None
        #: Feeds and redirect pages of this build, written by MkDocs before any page is built.
        self._written_first: list[File] = []
        self.labels: dict[str, str] = {}
        self._label_languages: dict[str, str] = {}
        #: (`lang="zh_Hant_TW"`, `lang="zh-Hant-TW"`) for `<html>`, where the theme prints Babel's.
        self._html_lang: tuple[str, str] | None = None
        self.dirty = False
        #: Each post's fingerprint in the last build, for `--dirty` rebuilds (see dirty.py).
        self._fingerprints: dict[str, int] | None = None
        #: Under `mkdocs serve`, the posts the last build read, while their file is unchanged.
        self._posts_cache: PostCache | None = None
        #: Under `--dirty`: the posts whose page, when last rendered, linked others with Hugo's
        #: ref/relref (they show other posts' URLs; a post not rebuilt is not rendered again).
        self._ref_users: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self._posts_cache = PostCache() if command == "serve" else None
        self._fingerprints = None
        self._ref_users = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Everything per build starts here, so no state survives a `mkdocs serve` rebuild.
        self.digest = self.views = self.feeds = self.metadata = self.redirects = None
        self._others: dict[str, Post] = {}
        self._written_first = []
        language = str(self.config.language or theme_language(config) or "en")
        # MkDocs' own themes print Babel's `zh_Hant_TW` in `<html lang>`, which no browser or
        # screen reader takes for a language tag: each page gets `zh-Hant-TW` instead.
        locale = str(config.theme.get("locale") or "")
        self._html_lang = (f'lang="{locale}"', f'lang="{locale.replace("_", "-")}"') if "_" in locale else None
        self.labels = labels_for(language, self.config.labels)
        # Marked against what the page says it is in (`theme.language` does not change the default
        # theme's `<html lang>`, whose labels are then marked as Chinese on an English page).
        self._label_languages = label_languages(language, page_language(config), self.config.labels)
        if not has_labels(language):
            log.info(
                f"No labels in '{language}' yet: the plugin's words are English. Translate them "
                "with the plugin's 'labels' option (see the README)."
            )
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)  # after custom_dir and the theme: they win
        for css in (f"{ASSETS}/digest.css", f"{ASSETS}/embeds.css"):
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in (f"{ASSETS}/digest.js", f"{ASSETS}/embeds.js"):
            if js not in [str(x) for x in config.extra_javascript]:
                config.extra_javascript.append(js)
        if self.config.hugo_heading_ids and not _toc_slugify(config):
            config.markdown_extensions.append(HugoHeadingIdsExtension(applies=self._written_for_hugo))
        if self.config.shortcodes:
            from .shortcodes import ShortcodeExtension

            # One engine per page: ours, with the plugin's warnings; a copy listed by name in
            # markdown_extensions (for tools without plugins) would expand everything twice.
            names = ("mkdocs_podcast_digest.shortcodes", "podcast_shortcodes")
            config.markdown_extensions = [
                x
                for x in config.markdown_extensions
                if not isinstance(x, ShortcodeExtension) and x not in names
            ]
            folder = _beside_config(config, self.config.shortcodes_dir)
            config.markdown_extensions.append(
                ShortcodeExtension(
                    mode=self.config.embed_mode,
                    templates_dir=folder if os.path.isdir(folder) else "",
                    on_warning=self._shortcode_warning,
                    texts=embed_texts(self.labels),
                    on_embed=self._embed_rendered,
                    resolve_ref=self._resolve_ref,
                    page_params=functools.partial(self._page_params, dict(config.extra or {})),
                )
            )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        digest = self.digest = Digest(
            options=self.config,
            config=config,
            include_drafts=self.command == "serve" and self.config.drafts_in_serve,
            environment="development" if self.command == "serve" else "production",
            labels=self.labels,
        )
        for file in digest.read_posts(files, self._posts_cache):
            files.remove(file)
        self._report_held(digest)
        missing = [d for d in self.config.posts_dir if not os.path.isdir(os.path.join(config.docs_dir, d))]
        if not digest.posts and len(missing) == len(self.config.posts_dir):
            # Not a warning: a site may use the plugin for its shortcodes alone.
            names = " or ".join(f"'{d}'" for d in missing)
            several = ", ".join(name.strip() for name in missing[0].split(","))
            hint = f" (for several folders, a list: posts_dir: [{several}])" if "," in missing[0] else ""
            log.info(
                f"No posts: there is no folder {names} in {config.docs_dir}. Put posts there, "
                f"or set the plugin's posts_dir to the folder that has them{hint}."
            )
        for file in digest.plan(files):
            files.append(file)
        redirects = self.redirects = RedirectPlan(digest)
        redirects.plan()  # before the feeds: a term's feed is also written at Hugo's path
        for file in redirects.bundle_copies(files):
            files.append(file)
        if self.config.feeds and config.site_url:
            self.feeds = Feeds(digest, files, config, self.config.feed_length)
            for file in self.feeds.plan(redirects.entries):
                files.append(file)
                self._written_first.append(file)
        elif self.config.feeds:
            log.info("No RSS feeds: they need absolute links; set site_url in mkdocs.yml to have them.")
        digest.check_collisions(files)
        if self.feeds is not None:
            self.feeds.keep_written(files)
        return files

    # Early: a plugin that changes the nav later (section-index) has the last word on it,
    # wherever it is listed; Material's blog (-50) still finds its section.
    @event_priority(50)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.digest is not None
        removed = self.digest.forget_removed(files)
        if removed and self.feeds is not None:
            self.feeds.forget(removed)
        if config.nav is None and not NAV_PLUGINS.intersection(config.plugins):
            keys = ("", SERIES_KEY, *self.config.taxonomies)
            indexes = [self.digest.index_uris[k] for k in keys if k in self.digest.index_uris]
            # Each posts folder's index after the posts index, before series and the taxonomies.
            order = list(dict.fromkeys([*indexes[:1], *self.digest.folder_indexes.values(), *indexes]))
            if not self.config.indexes_in_nav:
                order = []  # the writer's own index pages (`episodes/_index.md`) stay where MkDocs puts them
            posts = None
            if self.config.posts_in_nav:  # each folder's posts, newest first
                posts = [[p.src_uri for p in group] for group in self.digest.folder_posts.values()]
            navigation.arrange(nav, order, posts)
            titles = {uri: self.digest.section_title(uri) for uri in self.digest.plain_sections(files)}
            navigation.name_sections(nav, titles)
        # Pages are rendered before `on_env`, so the renderer is made here, from the theme's
        # loader: a template in the user's custom_dir replaces ours.
        renderer = Renderer(
            config.theme.get_env().loader,
            self.digest.labels,
            on_warning=log.warning,
            base=os.path.dirname(config.config_file_path or ""),
            languages=self._label_languages,
        )
        related = None
        if self.config.related_posts > 0:
            related = Related(
                self.digest.taxonomies,
                self.config.related_weights,
                self.config.related_posts,
                pages=self.digest.tagged,
            )
        self.views = Views(self.digest, files, renderer, related)
        if self.config.page_metadata or self.feeds:
            self.metadata = Metadata(
                self.digest, files, config, self.views.urls, self.feeds, self.config.page_metadata
            )
        lang = str(config.theme.get("language") or "en")
        assert self.redirects is not None
        for file in self.redirects.redirect_files(files, lambda url, title: renderer.redirect(url, title, lang)):
            files.append(file)
            self._written_first.append(file)
        if self.dirty:
            self._mark_stale_pages(config, files, renderer, nav)
        self._report()
        return nav

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Saving a shortcode template or a term data file rebuilds the site, as in Hugo's server
        (MkDocs watches only the docs, the config and the theme)."""
        for folder in (self.config.shortcodes_dir, self.config.data_dir):
            path = _beside_config(config, folder)
            if os.path.isdir(path):
                server.watch(path)
        return server

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        post = self.digest.posts.get(page.file.src_uri) if self.digest else None
        if post is not None:  # (its lists made ready when it was read)
            return "\n" + self.digest.body(page.file.src_uri)
        if (folder_page := self.digest.folder_page(page.file.src_uri) if self.digest else None) is not None:
            body = folder_page.body  # Hugo's `_index.md`: its front matter read as a post's
        elif (other := self._other_front_matter(page)) is not None:
            self._others[page.file.src_uri] = other
            return "\n" + other.body
        else:
            return self._readable_source(page)
        # The front matter is already parsed; a leading blank line stops MkDocs from reading
        # the body's first line as MultiMarkdown metadata.
        if self.config.hugo_lists:
            body, inserted = hugo_lists(body)
            if inserted:
                self.digest.inserted_lines[page.file.src_uri] = inserted
        return "\n" + body

    def _written_for_hugo(self) -> bool:
        """Whether the page being converted is a post or an `_index.md`: only those get Hugo's
        heading ids (links to the writer's other pages know MkDocs' ids)."""
        page, digest = self._page, self.digest
        if page is None or digest is None:
            return False
        return page.file.src_uri in digest.posts or digest.folder_page(page.file.src_uri) is not None

    @staticmethod
    def _other_front_matter(page: Page) -> Post | None:
        """Another page of the writer's whose front matter is TOML (``+++``) or JSON, as Hugo
        reads them and MkDocs does not (it would print it as text): read here, as a post's."""
        if page.file.generated_by:
            return None
        try:
            raw = page.file.content_bytes
        except OSError:
            return None
        if not raw.lstrip(b"\xef\xbb\xbf").startswith((b"+++", b"{")):
            return None
        other = parse_post(page.file.src_uri, raw, ())
        return other if other.meta or other.title_given else None

    @staticmethod
    def _readable_source(page: Page) -> str | None:
        """Another page's text, as MkDocs reads it, unless it is not valid UTF-8: MkDocs would stop
        the whole build on it, so it is read with the bad bytes replaced, and a warning."""
        if page.file.generated_by:
            return None  # ours, or another plugin's: text already
        try:
            raw = page.file.content_bytes
        except OSError:
            return None  # MkDocs reports it
        try:
            raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, problems = decode(raw)
            for problem in problems:
                log.warning(f"{page.file.src_uri}:{problem.line}: {problem.message}")
            return text
        return None  # MkDocs reads it again: a page's file is a few kilobytes

    @event_priority(100)  # first: MkDocs fills page.meta before any on_page_markdown (macros reads it)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._page = page
        post = self.digest.posts.get(page.file.src_uri) if self.digest else None
        if post is not None:
            post.players = []  # filled by the shortcode extension as it renders this page
            self._ref_users.discard(post.src_uri)  # until its page resolves a ref again
            page.meta.update(post.meta)
            # Titles are HTML to MkDocs themes (like the ones MkDocs derives from headings).
            page.meta["title"] = html.escape(post.title, quote=False)
            if self.metadata is not None and self.metadata.posts and not page.meta.get("description"):
                # Themes that print page.meta.description (Material) then show this one.
                page.meta["description"] = self.metadata.description(post)
            if isinstance(page.meta.get("description"), str):
                # Material prints it as HTML, in an attribute: a quote would end it.
                page.meta["description"] = html.escape(page.meta["description"])
            return markdown
        listing = self.digest.listings.get(page.file.src_uri) if self.digest else None
        if listing is not None and listing.generated and listing.kind != "home":
            # A term's name as the page's title, as HTML: MkDocs would take it from the heading,
            # and Material's <title> prints that through `striptags`, which unescapes it. Pages
            # after the first say which they are (a reader's tabs and history tell them apart).
            title = listing.title
            if listing.page_no > 1:
                page_of = self.labels["page_of"].format(n=listing.page_no, total=listing.page_count)
                title = f"{title} ({page_of})"
            page.meta["title"] = html.escape(title, quote=False)
        elif listing is not None:
            folder_page = self.digest.folder_page(page.file.src_uri)
            if folder_page is not None:  # Hugo's `_index.md`: its title is text, as a post's
                page.meta.update({k: v for k, v in folder_page.meta.items() if k != "title"})
                if folder_page.title_given:
                    page.meta["title"] = html.escape(folder_page.title, quote=False)
                    listing.own_title = folder_page.title
            if listing.own_title:
                return markdown
            if page.meta.get("title"):
                listing.own_title = str(page.meta["title"])
            elif listing.info:
                # A profile's `name:` is its title. Themes print titles unescaped, as MkDocs' own
                # heading-derived titles are already HTML; so is this one.
                page.meta["title"] = html.escape(listing.info.name)
            elif folder_page is not None and not folder_page.has_heading:
                # The heading the listing shows (the folder's name, as Hugo's), not "_index".
                page.meta["title"] = html.escape(listing.title, quote=False)
        elif (other := self._others.pop(page.file.src_uri, None)) is not None:
            page.meta.update({k: v for k, v in other.meta.items() if k != "title"})
            if other.title_given:  # (else MkDocs' own: the page's heading, or its file's name)
                page.meta["title"] = html.escape(other.title, quote=False)
        elif (folder_page := self.digest.folder_page(page.file.src_uri) if self.digest else None) is not None:
            # An `_index.md` with no list of ours (`guides/_index.md`): its front matter was read
            # here (MkDocs gets its text without it), so its title and keys are given here too.
            page.meta.update({k: v for k, v in folder_page.meta.items() if k != "title"})
            if folder_page.title_given:
                page.meta["title"] = html.escape(folder_page.title, quote=False)
            elif not folder_page.has_heading:  # named after its folder, as Hugo names a section
                folder = posixpath.dirname(page.file.src_uri)
                name = self.digest.label(folder.rpartition("/")[2]) if folder else str(config.site_name)
                page.meta["title"] = html.escape(name, quote=False)
        return markdown

    @event_priority(-100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        """Add series boxes, term links and listings after the search plugins indexed the page
        (and link Material's tag chips to the tag pages).

        Search (MkDocs' and Material's) reads ``page.content`` in this same event at priority 0:
        it indexes what the writer wrote, not every title of every listing and related-posts
        block, which would make a search for one post return dozens of pages (and cost ~10% of
        the build). The theme renders ``page.content`` after this event, so readers see it all.
        """
        if self._written_first:
            # MkDocs wrote the feeds and redirect pages before the first page (copy_static_files):
            # their text (8 MB on a site of 1,000 posts) need not be held while the pages build.
            for file in self._written_first:
                file.content_string = ""
            self._written_first = []
        if self.digest is None or self.views is None or page.content is None:
            return context
        src = page.file.src_uri
        post = self.digest.posts.get(src)
        if post is not None:
            page.content = self.views.decorate_post(post, page.content, page.url)
        elif (listing := self.digest.listings.get(src)) is not None:
            page.content = self.views.listing(listing, page.content, page.url)
        elif src in self.views.other_sections:  # another section's `_index.md` (`guides/`)
            page.content = self.views.section(src, page.content, page.url)
        if "tags" in context:  # set by Material's tags plugin (priority 0, before this one)
            self.views.link_theme_tags(context["tags"])
        return context

    @event_priority(-50)  # after Material's social plugin (50) has written its tags
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._html_lang is not None:
            output = _tagged_html_lang(output, self._html_lang)
        if self.metadata is None:
            return output
        return self.metadata.post_page(output, page.file.src_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self._html_lang is not None and template_name.endswith(".html"):  # 404.html
            return _tagged_html_lang(output_content, self._html_lang)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The build's model holds every page (and its HTML) through `files`; `mkdocs serve` keeps
        # this plugin between rebuilds, so let go of it now rather than at the next rebuild.
        self.digest = self.views = self.feeds = self.metadata = self.redirects = None
        self._page = None
        self._written_first = []

    def _mark_stale_pages(
        self, config: MkDocsConfig, files: Files, renderer: Renderer, nav: Navigation | None = None
    ) -> None:
        """Under ``--dirty``: posts whose page shows another post that changed are rebuilt too,
        and so are the writer's other pages: some carry a listing (profiles, ``_index.md``), and
        MkDocs gives a page it did not read again no title, so the nav of every page rebuilt
        would show "None" for it (posts are out of the nav, unless ``posts_in_nav``)."""
        shortcodes = _beside_config(config, self.config.shortcodes_dir)
        posts = self.digest.posts
        others = [f for f in files.documentation_pages() if f.src_uri not in posts and not f.generated_by]
        site = dirty.site_key(
            self.digest,
            self.views.urls,
            repr(sorted(self.config.items())),
            sorted(self.labels.items()),
            (config.site_url, config.use_directory_urls, config.theme.name, repr(dict(config.theme))),
            repr(dict(config.extra or {})),  # what Hugo's `param` reads after the front matter
            renderer.sources(),
            dirty.folder_state(shortcodes),  # a changed shortcode template changes posts using it
            # Every post page shows the site's name and nav, and goes through the theme's
            # templates and the Markdown extensions: mkdocs.yml, the writer's other pages (their
            # titles, in the nav) and the theme's custom_dir (templates a fragment includes).
            dirty.file_state(config.config_file_path),
            tuple(sorted((f.src_uri, dirty.file_state(f.abs_src_path)) for f in others)),
            dirty.folder_state(config.theme.custom_dir or ""),
        )
        images = {
            uri: absolute_url(post.image, uri, files, config.site_url or "/")
            for uri, post in posts.items()
            if post.image
        }
        current = dirty.fingerprints(
            self.digest, self.views.urls, self.views.related_lists, site, self._ref_users, images
        )
        # Posts in the nav (`posts_in_nav`, or named in mkdocs.yml's `nav`) would be nameless
        # there unless read again.
        uris = dirty.stale(None if self.config.posts_in_nav else self._fingerprints, current)
        uris += [p.file.src_uri for p in nav.pages if p.file.src_uri in posts] if nav is not None else []
        uris += [f.src_uri for f in others]
        dirty.mark_out_of_date(f.abs_dest_path for uri in uris if (f := files.get_file_from_path(uri)))
        self._fingerprints = current

    # ----------------------------------------------------------------------------- warnings

    def _report_held(self, digest: Digest) -> None:
        """Scheduled and expired posts are the writer's choice, so not warnings; but Hugo left
        them out without a word, and a writer wondering where a post went is told here."""
        for held, option, why in (
            ("future", "build_future", "publish date is still to come"),
            ("expired", "build_expired", "expiry date has passed"),
        ):
            posts = [p for p in digest.held.values() if p.held == held]
            if not posts:
                continue
            shown = _some(f"{p.src_uri} ({day_text(p.publish_date if held == 'future' else p.expiry_date)})" for p in posts)
            done = "shown as drafts" if digest.include_drafts else "left out of this build"
            log.info(f"{shown} {done} because the {why}. Set the plugin's {option}: true to publish them.")
        hidden = [p for p in digest.held.values() if p.held == "unrendered"]
        if hidden:
            log.info(f"{_some(f'{p.src_uri} ({p.unrendered})' for p in hidden)}: no page, as in Hugo.")

    def _report(self) -> None:
        for item in self.digest.problems:
            line = item.problem.line or self.digest.line_of(item.src_uri, item.problem.key)
            where = item.src_uri + (f":{line}" if line else "")
            log.warning(f"{where}: {item.problem.message}")
        self.digest.problems.clear()

    def _embed_rendered(self, embed) -> None:
        """The players of the page being rendered, for its JSON-LD (no second parse)."""
        post = self.digest.posts.get(self._page.file.src_uri) if self.digest and self._page else None
        if post is not None:
            post.players.append(embed)

    def _page_params(self, extra: dict) -> tuple:
        """Where Hugo's ``param`` looks on the page being rendered: its front matter, then the
        site's ``extra`` in mkdocs.yml (Hugo's site ``params``)."""
        return (self._page.meta if self._page is not None else {}, extra)

    def _resolve_ref(self, path: str, in_link: bool) -> str | None:
        """Hugo's ``ref``/``relref`` on the page being rendered (the shortcode extension asks)."""
        page, views = self._page, self.views
        if page is None or views is None:
            return None
        if self.dirty:
            self._ref_users.add(page.file.src_uri)
        link = views.ref_link(path, page.file.src_uri, page.url, in_link)
        if link is None and self.digest is not None and self.digest.held:
            found = RefIndex(self.digest.held).find(path, page.file.src_uri)
            if found is not None:  # a post that is there, but not in this build: say why
                raise LookupError(f"'{found[0]}' {_why_unpublished(self.digest.held[found[0]])}")
        return link

    def _shortcode_warning(self, message: str, line: int | None) -> None:
        page = self._page
        if page is None:
            log.warning(message)
            return
        if line is not None:
            inserted = self.digest.inserted_lines.get(page.file.src_uri) if self.digest else None
            if inserted:  # blank lines put before lists: the writer's own line (the first is ours)
                line = original_line(line - 1, inserted) + 1
            line += self._line_offset(page)
        where = page.file.src_uri + (f":{line}" if line else "")
        log.warning(f"{where}: {message}")

    def _line_offset(self, page: Page) -> int:
        """Lines of front matter MkDocs removed before the Markdown we were given."""
        post = self.digest.posts.get(page.file.src_uri) or self.digest.folder_page(page.file.src_uri) if self.digest else None
        if post is not None:
            return post.body_line_offset
        try:
            source = page.file.content_string.replace("\r\n", "\n")
        except (OSError, ValueError):
            return 0
        markdown = page.markdown or ""
        return max(0, source.count("\n") - markdown.count("\n")) if source.endswith(markdown) else 0


def _why_unpublished(post) -> str:
    if post.held == "future":
        return f"is scheduled for {day_text(post.publish_date)}: it has no page before then (build_future: true publishes it)"
    if post.held == "expired":
        return f"expired on {day_text(post.expiry_date)}: it has no page (build_expired: true publishes it)"
    if post.held == "unrendered":
        return f"has {post.unrendered}: it has no page, as in Hugo"
    return "is a draft: it has no page in mkdocs build"


def _some(names) -> str:
    """"2 posts: a.md, b.md", naming the first five."""
    names = list(names)
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"{len(names)} post{'s' if len(names) > 1 else ''}: {', '.join(names[:5])}{more}"


def _beside_config(config: MkDocsConfig, folder: str) -> str:
    """A folder named in the options (``layouts/shortcodes``, ``data``), next to mkdocs.yml."""
    return os.path.join(os.path.dirname(config.config_file_path or ""), folder)


def _toc_slugify(config: MkDocsConfig) -> bool:
    """Whether mkdocs.yml gives ``toc`` a ``slugify`` of its own: the writer chose the ids."""
    return any(
        "slugify" in (config.mdx_configs.get(name) or {}) for name in ("toc", "markdown.extensions.toc")
    )


def _tagged_html_lang(output: str, lang: tuple[str, str]) -> str:
    """``output`` with the ``lang`` of its ``<html>`` tag as a language tag (only there)."""
    start = output.find("<html")
    end = output.find(">", start)
    if start == -1 or end == -1 or lang[0] not in output[start:end]:
        return output
    return output[:start] + output[start:end].replace(lang[0], lang[1], 1) + output[end:]
