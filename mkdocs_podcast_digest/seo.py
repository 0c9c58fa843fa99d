"""What a post says about itself to search engines, link previews and feed readers.

Added to ``<head>`` in ``on_post_page`` (after Material's social plugin has written its tags) by
one ``str.find("</head>")``, the way Material's own social plugin does, so it works with any
theme and costs no regex over the page:

- ``<meta name="description">``: the plugin puts the post's description (or its first
  paragraph) in ``page.meta.description``, which Material prints; for themes that print none on
  posts (MkDocs, readthedocs) it is added here.
- Open Graph and Twitter card tags: title, description, absolute image, type article,
  published time, tags. A tag the head already has (Material's social cards) is left alone.
- JSON-LD: the post as ``BlogPosting`` with ``datePublished``, ``keywords``, its people
  (``about``) and companies (``mentions``) as ``Person`` / ``Organization`` with their profile
  URLs, its series, and the episode (``source_url``, embedded players) as ``VideoObject`` /
  ``PodcastEpisode``.
- ``<link rel="alternate" type="application/rss+xml">`` for the feeds, on every page.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any
from urllib.parse import SplitResult, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from .batch import Batched
from .digest import SERIES_KEY, Digest
from .feeds import FeedLink, absolute_url, clean, site_join, text_of
from .i18n import theme_language
from .posts import Post, to_timestamp_sortable
from .render import Links
from .shortcodes.specs import Embed

PEOPLE_KEY = "related_people"
COMPANIES_KEY = "related_companies"
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")
_YT_THUMB = "https://i.ytimg.com/vi/{}/hqdefault.jpg"


def description_of(post: Post, limit: int = 200) -> str:
    """``description``, else Hugo's ``summary``, else the first paragraph of the text."""
    return clean(text_of(post, limit))


def insert_in_head(output: str, tags: list[str]) -> str:
    """The page with ``tags`` before its first ``</head>``: one copy of the page, not three."""
    if not tags:
        return output
    return output.replace("</head>", "\n".join(tags) + "\n</head>", 1)


_META_NAME = re.compile(r"""<meta\b[^>]*?\b(?:name|property)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_LINK_HREF = re.compile(r"""<link\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def meta_names(head: str) -> set[str]:
    """What the head's ``<meta>`` tags declare (``name="description"``, ``property="og:x"``), read
    in one pass: a theme or another plugin (Material's social cards) may have written some."""
    return {value for _, value in _META_NAME.findall(head)}


def link_hrefs(head: str) -> set[str]:
    """The ``href`` of every ``<link>`` in the head, as written (HTML-escaped)."""
    return {value for _, value in _LINK_HREF.findall(head)}


#: Compact, and made once: ``json.dumps`` with options builds a new encoder for every post.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_ld(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` block that no value can close early."""
    text = _JSON.encode(data)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _youtube_id(url: str, parts: SplitResult | None = None) -> str:
    """The video's id in a YouTube URL (``parts``: the URL split already), else ""."""
    if "youtu" not in url.lower():  # most players are not YouTube's: no need to parse their URL
        return ""
    parts = parts or urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        return parts.path.strip("/")
    if host == "youtube.com":
        if parts.path == "/watch":
            query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
            return query.get("v", "")
        segments = parts.path.strip("/").split("/")
        if len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
            return segments[1]
    return ""


class Metadata:
    """Head tags for one build's pages."""

    def __init__(
        self,
        digest: Digest,
        files: Files,
        config: MkDocsConfig,
        urls: dict[str, str],
        feeds: Any = None,
        posts: bool = True,
    ):
        self.digest = digest
        self.posts = posts  # False: feed links only
        self.files = files
        self.config = config
        self.feeds = feeds
        self.site_url = config.site_url or ""
        self.site_name = str(config.site_name)
        self._site_name = escape(clean(self.site_name))  # as a tag's attribute: the same on every post
        self.language = theme_language(config)
        self._urls = urls  # each page's URL (src_uri -> url), shared with the views
        self._descriptions: dict[str, str] = {}
        self._entities: dict[tuple[str, str], dict[str, Any]] = {}
        self._links = Links()
        # Every page's tags, worked out a run of pages at a time, in the order MkDocs builds them.
        self._page_tags = Batched(list(urls), self._tags_of)

    def description(self, post: Post) -> str:
        text = self._descriptions.get(post.src_uri)
        if text is None:
            text = self._descriptions[post.src_uri] = description_of(post)
        return text

    def abs(self, src_uri: str) -> str:
        """Absolute URL of a page: site_url + its URL (MkDocs URLs are relative paths, quoted)."""
        url = self._urls.get(src_uri)
        if not self.site_url or url is None:
            return ""
        return site_join(self.site_url, url)

    # ------------------------------------------------------------------------------------------

    def post_page(self, output: str, src_uri: str) -> str:
        """The page's HTML with our tags added before ``</head>``."""
        at = output.find("</head>")
        if at < 0:
            return output
        feeds, candidates, ld = self._page_tags.get(src_uri)
        if not feeds and not ld:
            return output
        head = output[:at]
        tags = self._missing(head, feeds) if feeds else []
        if ld:
            present = meta_names(head)
            tags += [tag for name, tag in candidates if name not in present]
            tags.append(ld)
        return insert_in_head(output, tags)

    def _tags_of(self, src_uri: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]], str]:
        """A page's feed links (``feed_links``); for a post, its meta tags, each with the name a
        theme's own tag would have, and its JSON-LD."""
        links = self.feeds.links_for(src_uri) if self.feeds else []
        feeds = self.feed_links(links, self._urls.get(src_uri, "")) if links else []
        post = self.digest.posts.get(src_uri) if self.posts else None
        if post is None:
            return feeds, [], ""
        return feeds, self.meta_tags(post), json_ld(self.article(post))

    def feed_links(self, links: list[FeedLink], page_url: str) -> list[tuple[str, str, str]]:
        """``<link rel="alternate">`` to the page's feeds, each with its URL and its link from the
        page as the head would write them (``_missing`` leaves out those the head has)."""
        out = []
        for link in links:
            href = escape(self._links(link.path, page_url) if link.path else link.url)
            out.append(
                (
                    escape(link.url),
                    href,
                    f'<link rel="alternate" type="application/rss+xml" title="{escape(link.title)}" href="{href}">',
                )
            )
        return out

    @staticmethod
    def _missing(head: str, feeds: list[tuple[str, str, str]]) -> list[str]:
        """The feed links a page's head does not have already (a theme's, another plugin's)."""
        tags = []
        hrefs: set[str] | None = None
        for url, href, tag in feeds:
            if url in head or href in head:  # only then is it worth reading the head's <link>s
                hrefs = link_hrefs(head) if hrefs is None else hrefs
                if url in hrefs or href in hrefs:
                    continue
            tags.append(tag)
        return tags

    def meta_tags(self, post: Post) -> list[tuple[str, str]]:
        """Description, Open Graph and Twitter tags, as (name, tag): a page whose head already
        has a tag of that name (Material's social cards) does not get ours."""
        # Each value cleaned and escaped once: the title is in two tags, the description in three.
        description = escape(self.description(post))  # cleaned already
        title = escape(clean(post.title))
        image = absolute_url(post.image, post.src_uri, self.files, self.site_url) if post.image else ""
        image = escape(clean(image)) if image else ""
        url = self.abs(post.src_uri)
        tags: list[tuple[str, str]] = []
        if description:
            tags.append(("description", f'<meta name="description" content="{description}">'))
        og: list[tuple[str, str]] = [
            ("og:type", "article"),
            ("og:title", title),
            ("og:description", description),
            ("og:url", escape(clean(url)) if url else ""),
            ("og:image", image),
            ("og:site_name", self._site_name),
            ("article:published_time", to_timestamp_sortable(post.date).isoformat() if post.date else ""),
        ]
        for prop, value in og:
            if value:
                tags.append((prop, f'<meta property="{prop}" content="{value}">'))
        tags += [
            ("article:tag", f'<meta property="article:tag" content="{escape(clean(t))}">')
            for t in post.terms.get("tags", ())
        ]
        twitter = [
            ("twitter:card", "summary_large_image" if image else "summary"),
            ("twitter:title", title),
            ("twitter:description", description),
            ("twitter:image", image),
        ]
        for name, value in twitter:
            if value:
                tags.append((name, f'<meta name="{name}" content="{value}">'))
        return tags

    # ------------------------------------------------------------------------------------------

    def _entity(self, key: str, name: str, kind: str) -> dict[str, Any]:
        """A person, company or series as schema.org sees it; the same on every post (made once)."""
        entity = self._entities.get((key, name))
        if entity is None:
            entity = self._entities[(key, name)] = self._make_entity(key, name, kind)
        return entity

    def _make_entity(self, key: str, name: str, kind: str) -> dict[str, Any]:
        slug = self.digest.taxonomies[key].slug_of.get(name)
        entity: dict[str, Any] = {"@type": kind, "name": name}
        if slug is None:
            return entity
        info = self.digest.infos.get((key, slug))
        if info is not None:
            entity["name"] = info.name
            if info.description:
                entity["description"] = info.description
            same = [link.get("url") for link in info.links if str(link.get("url", "")).startswith("http")]
            if same:
                entity["sameAs"] = same
        url = self.abs(self.digest.term_uris.get((key, slug), ""))
        if url:
            entity["url"] = url
        return entity

    def episode(self, post: Post, players: list[Embed]) -> dict[str, Any] | None:
        """The episode the post is about, from ``source_url`` (or its first player)."""
        source = post.source_url
        parts = urlsplit(source)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            first = next((e for e in players if e.kind in ("video", "audio") and e.provider != "audio"), None)
            if first is None:
                return None
            source = first.href
            parts = urlsplit(source)
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
        match = next((e for e in players if e.href.split("&t=")[0] == source.split("&t=")[0]), None)
        name = match.title if match and match.titled else post.source_name or post.title
        if host in _VIDEO_HOSTS:
            episode: dict[str, Any] = {"@type": "VideoObject", "name": name, "url": source}
            video_id = _youtube_id(source, parts)
            if video_id:
                episode["embedUrl"] = f"https://www.youtube-nocookie.com/embed/{video_id}"
                episode["thumbnailUrl"] = _YT_THUMB.format(video_id)
        else:
            episode = {"@type": "PodcastEpisode", "name": name, "url": source}
            if post.audio:
                audio = absolute_url(post.audio["url"], post.src_uri, self.files, self.site_url)
                if audio:
                    episode["associatedMedia"] = {
                        "@type": "MediaObject",
                        "contentUrl": audio,
                        "encodingFormat": post.audio["type"],
                    }
        if post.source_name:
            series_type = "CreativeWorkSeries" if episode["@type"] == "VideoObject" else "PodcastSeries"
            episode["partOfSeries"] = {"@type": series_type, "name": post.source_name}
        return episode

    def article(self, post: Post) -> dict[str, Any]:
        """The post as schema.org ``BlogPosting``."""
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": post.title,
            "name": post.title,
        }
        url = self.abs(post.src_uri)
        if url:
            data["url"] = url
            data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
        if post.date is not None:
            data["datePublished"] = to_timestamp_sortable(post.date).isoformat()
        description = self.description(post)
        if description:
            data["description"] = description
        image = absolute_url(post.image, post.src_uri, self.files, self.site_url) if post.image else ""
        if image:
            data["image"] = image
        if self.language:
            data["inLanguage"] = self.language
        keywords = [*post.terms.get("tags", ())]
        if keywords:
            data["keywords"] = keywords
        if post.terms.get("categories"):
            data["articleSection"] = list(post.terms["categories"])
        people = [self._entity(PEOPLE_KEY, n, "Person") for n in post.terms.get(PEOPLE_KEY, ())]
        companies = [
            self._entity(COMPANIES_KEY, n, "Organization") for n in post.terms.get(COMPANIES_KEY, ())
        ]
        if people:
            data["about"] = people
        if companies:
            data["mentions"] = companies
        series = [self._entity(SERIES_KEY, n, "CreativeWorkSeries") for n in post.terms.get(SERIES_KEY, ())]
        if series:
            data["isPartOf"] = series
        players = post.players
        episode = self.episode(post, players)
        if episode:
            data["isBasedOn"] = episode
        videos = []
        for e in players:
            if e.kind != "video":
                continue
            video: dict[str, Any] = {"@type": "VideoObject", "name": e.title if e.titled else post.title}
            video["url"] = e.href
            if e.src:
                video["embedUrl"] = e.src
            video_id = _youtube_id(e.href)
            if video_id:
                video["thumbnailUrl"] = _YT_THUMB.format(video_id)
            videos.append(video)
        if videos:
            data["video"] = videos
        site = {"@type": "Organization", "name": self.site_name}
        if self.site_url:
            site["url"] = self.site_url
        data["publisher"] = site
        return data
