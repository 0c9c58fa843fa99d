"""Page metadata: description, Open Graph / Twitter tags and JSON-LD, in several themes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

YT = "I0DrcsDf3Os"
SPOTIFY = "episode/4rOoJ6Egrf8K2IrywzwOMk"

DOCS = {
    "posts/a.md": f"""
        ---
        title: Scaling & "reasoning" </script><script>alert(1)</script>
        date: 2026-01-20T10:00:00+08:00
        description: The guests argue about <scaling> & reasoning.
        image: cover.jpg
        tags: [GPU, 推論晶片]
        categories: [硬體]
        related_people: [Lex Fridman, 王小明]
        related_companies: [nvidia]
        series: [Deep Dives]
        source_url: https://www.youtube.com/watch?v={YT}
        source_name: Lex Fridman Podcast
        ---
        Intro paragraph.

        {{{{< youtube id="{YT}" title="Episode 490" >}}}}

        ```
        {{{{< vimeo 76979871 >}}}}
        ```
        """,
    "posts/cover.jpg": b"\xff\xd8\xff",
    "posts/b.md": f"""
        ---
        title: Plain
        date: 2026-01-10
        image: /img/site.png
        related_companies: [nvidia]
        series: [Deep Dives]
        source_url: https://open.spotify.com/{SPOTIFY}
        source_name: Chip Talk
        audio: https://cdn.example/b.mp3
        ---
        The first paragraph stands in for a description.

        More.
        """,
    "posts/c.md": "---\ntitle: C\ndate: 2026-01-01\nimage: https://cdn.example/c.png\n---\n",
}
EXTRA = {
    "data/people.yml": """
        lex-fridman:
          name: Lex Fridman
          links:
            - {name: Website, url: "https://lexfridman.com/"}
        """,
}


class Head(HTMLParser):
    """The <meta> and JSON-LD of a page's <head>."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self._script = False
        self.feed(html[: html.index("</head>")])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.append((a.get("property") or a["name"], a.get("content") or ""))
        self._script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._script:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._script = False

    def get(self, name: str) -> list[str]:
        return [v for k, v in self.meta if k == name]


def blocks(html: str) -> list[dict]:
    return [json.loads(b) for b in Head(html).json_ld]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_every_post_has_one_description_and_parseable_json_ld(make_site, theme):
    config = {"theme": {"name": theme}, "site_description": "The site."}
    site = make_site(DOCS, config=config, extra=EXTRA, strict=True)
    for path in ("posts/a/", "posts/b/", "posts/c/"):
        html = site.html(path)
        head = Head(html)
        # c has no text at all: Material shows the site's description, the others none.
        assert len(head.get("description")) == (theme == "material" if path == "posts/c/" else 1), path
        assert len(head.get("og:title")) == 1, path
        (data,) = blocks(html)
        assert data["@type"] == "BlogPosting"
        # Every JSON-LD block in the whole page parses (the theme's own included).
        for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            json.loads(raw)
    head = Head(site.html("posts/a/"))
    assert head.get("description") == ["The guests argue about <scaling> & reasoning."]
    assert Head(site.html("posts/b/")).get("description") == [
        "The first paragraph stands in for a description."
    ]


def test_open_graph_and_twitter_tags(make_site):
    site = make_site(DOCS, extra=EXTRA)
    head = Head(site.html("posts/a/"))
    title = 'Scaling & "reasoning" </script><script>alert(1)</script>'
    assert head.get("og:type") == ["article"]
    assert head.get("og:title") == [title] and head.get("twitter:title") == [title]
    assert head.get("og:url") == ["https://example.com/posts/a/"]
    assert head.get("og:image") == ["https://example.com/posts/cover.jpg"]  # next to the post
    assert head.get("twitter:card") == ["summary_large_image"]
    assert head.get("article:published_time") == ["2026-01-20T10:00:00+08:00"]
    assert head.get("article:tag") == ["GPU", "推論晶片"]
    assert Head(site.html("posts/b/")).get("og:image") == ["https://example.com/img/site.png"]
    assert Head(site.html("posts/c/")).get("og:image") == ["https://cdn.example/c.png"]


def test_json_ld_describes_post_people_companies_and_episode(make_site):
    site = make_site(DOCS, extra=EXTRA)
    (a,) = blocks(site.html("posts/a/"))
    assert a["headline"] == 'Scaling & "reasoning" </script><script>alert(1)</script>'
    assert a["datePublished"] == "2026-01-20T10:00:00+08:00"
    assert a["keywords"] == ["GPU", "推論晶片"]
    assert a["articleSection"] == ["硬體"]
    assert a["url"] == "https://example.com/posts/a/"
    assert a["image"] == "https://example.com/posts/cover.jpg"
    assert a["about"] == [
        {
            "@type": "Person",
            "name": "Lex Fridman",
            "sameAs": ["https://lexfridman.com/"],
            "url": "https://example.com/people/lex-fridman/",
        },
        {
            "@type": "Person",
            "name": "王小明",
            "url": "https://example.com/people/%E7%8E%8B%E5%B0%8F%E6%98%8E/",
        },
    ]
    assert a["mentions"] == [
        {"@type": "Organization", "name": "Nvidia", "url": "https://example.com/companies/nvidia/"}
    ]
    assert a["isPartOf"][0]["@type"] == "CreativeWorkSeries"
    episode = a["isBasedOn"]
    assert episode["@type"] == "VideoObject" and episode["name"] == "Episode 490"
    assert episode["url"] == f"https://www.youtube.com/watch?v={YT}"
    assert episode["thumbnailUrl"] == f"https://i.ytimg.com/vi/{YT}/hqdefault.jpg"
    assert episode["partOfSeries"]["name"] == "Lex Fridman Podcast"
    # The embedded player is a video; the vimeo one inside a code block is not.
    assert [v["embedUrl"] for v in a["video"]] == [f"https://www.youtube-nocookie.com/embed/{YT}"]

    (b,) = blocks(site.html("posts/b/"))
    assert b["isBasedOn"]["@type"] == "PodcastEpisode"
    assert b["isBasedOn"]["url"] == f"https://open.spotify.com/{SPOTIFY}"
    assert b["isBasedOn"]["partOfSeries"] == {"@type": "PodcastSeries", "name": "Chip Talk"}
    assert b["isBasedOn"]["associatedMedia"]["contentUrl"] == "https://cdn.example/b.mp3"
    assert b["description"] == "The first paragraph stands in for a description."
    assert "keywords" not in b and "video" not in b


def test_json_ld_cannot_be_closed_by_a_title(make_site):
    site = make_site(DOCS, extra=EXTRA)
    html = site.html("posts/a/")
    block = html[html.index('<script type="application/ld+json">') :]
    block = block[: block.index("</script>")]
    assert "<" not in block[1:] and "alert(1)" in block


def test_tags_the_theme_already_writes_are_not_repeated(make_site):
    # A theme override standing in for Material's social plugin, which writes og: and twitter: tags.
    extra = {
        **EXTRA,
        "overrides/main.html": """
            {% extends "base.html" %}
            {% block extrahead %}
            <meta property="og:title" content="Card title">
            <meta property="og:image" content="https://example.com/assets/card.png">
            <meta property="twitter:card" content="summary_large_image">
            {% endblock %}
            """,
    }
    site = make_site(DOCS, config={"theme": {"name": "material", "custom_dir": "overrides"}}, extra=extra)
    head = Head(site.html("posts/a/"))
    assert head.get("og:title") == ["Card title"]
    assert head.get("og:image") == ["https://example.com/assets/card.png"]
    assert head.get("twitter:card") == ["summary_large_image"]
    assert len(head.get("og:description")) == 1 and len(head.get("twitter:title")) == 1


def test_without_site_url_no_absolute_urls_but_still_valid(make_site):
    site = make_site(DOCS, config={"site_url": None}, extra=EXTRA)
    head = Head(site.html("posts/a/"))
    assert head.get("og:url") == [] and head.get("og:image") == []
    (a,) = blocks(site.html("posts/a/"))
    assert "url" not in a and a["about"][0] == {
        "@type": "Person",
        "name": "Lex Fridman",
        "sameAs": ["https://lexfridman.com/"],
    }


def test_metadata_can_be_turned_off(make_site):
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": {"page_metadata": False}}]})
    html = site.html("posts/a/")
    assert "og:title" not in html and "application/ld+json" not in html
    assert "application/rss+xml" in html  # feeds are announced all the same


def test_non_post_pages_get_no_article_metadata(make_site):
    site = make_site({**DOCS, "about.md": "# About\n"})
    for path in ("about/", "tags/gpu/", "posts/"):
        html = site.html(path)
        assert "og:type" not in html and "application/ld+json" not in html, path


@pytest.mark.parametrize(
    "url, video_id",
    [
        (f"https://www.youtube.com/watch?v={YT}&t=90", YT),
        (f"https://m.youtube.com/watch?feature=share&v={YT}", YT),
        (f"https://WWW.YouTube.com/watch?v={YT}", YT),  # hosts are case-insensitive
        (f"https://youtu.be/{YT}", YT),
        (f"https://www.youtube.com/embed/{YT}", YT),
        (f"https://www.youtube.com/shorts/{YT}", YT),
        ("https://www.youtube.com/@lexfridman", ""),
        ("https://vimeo.com/76979871", ""),
        ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", ""),
        ("https://example.com/youtube.com/watch?v=x", ""),
    ],
)
def test_youtube_video_id_from_any_of_its_url_forms(url, video_id):
    from mkdocs_podcast_digest.seo import _youtube_id

    assert _youtube_id(url) == video_id


def test_feeds_speak_a_language_tag_for_mkdocs_locales(make_site):
    docs = {"posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n"}
    site = make_site(docs, config={"theme": {"name": "mkdocs", "locale": "zh_TW"}})
    assert "<language>zh-Hant-TW</language>" in site.html("index.xml")


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_mkdocs_themes_say_a_language_tag_in_html_lang(make_site, theme):
    """MkDocs' themes print `theme.locale` as Babel writes it (`zh_Hant_TW`): no language tag."""
    docs = {"posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n", "about.md": "# About\n"}
    site = make_site(docs, config={"theme": {"name": theme, "locale": "zh_TW"}})
    for page in ("", "posts/p/", "about/", "404.html", "tags/" if site.exists("tags/") else "posts/"):
        text = site.html(page)
        head = text[text.index("<html") : text.index(">", text.index("<html"))]
        assert 'lang="zh-Hant-TW"' in head, (page, head)
