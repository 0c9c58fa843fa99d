"""RSS feeds: parsed with an XML parser, counted per term, escaped whatever the titles hold."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import urllib.parse
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.feeds import _ILLEGAL_XML as _ILLEGAL
from mkdocs_podcast_digest.feeds import Channel, Item, clean, rss
from mkdocs_podcast_digest.posts import parse_post
from mkdocs_podcast_digest.reading import first_paragraph


def post(n: int, tags: str, day: int, extra: str = "") -> str:
    return f"---\ntitle: Post {n}\ndate: 2026-01-{day:02d}T10:00:00+08:00\ntags: [{tags}]\n{extra}---\nText {n}.\n"


CORPUS = {
    "posts/p1.md": post(1, "GPU, 推論晶片", 1),
    "posts/p2.md": post(2, "GPU", 2),
    "posts/p3.md": post(3, "GPU, RLHF", 3, "related_people: [Lex Fridman]\n"),
    "posts/p4.md": post(4, "RLHF", 4, "related_people: [Lex Fridman]\nseries: [S]\nseries_order: 2\n"),
    "posts/p5.md": post(5, "推論晶片", 5, "series: [S]\nseries_order: 1\n"),
}


def parse(site, path: str) -> ET.Element:
    return ET.fromstring((site.out / path).read_bytes())


def items(root: ET.Element) -> list[ET.Element]:
    return root.findall("./channel/item")


def titles(root: ET.Element) -> list[str]:
    return [i.findtext("title") for i in items(root)]


def test_site_and_term_feeds_parse_and_count_per_term(make_site):
    site = make_site(CORPUS, strict=True)
    root = parse(site, "index.xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert titles(root) == ["Post 5", "Post 4", "Post 3", "Post 2", "Post 1"]  # newest first
    expected = {
        "tags/gpu/index.xml": ["Post 3", "Post 2", "Post 1"],
        "tags/推論晶片/index.xml": ["Post 5", "Post 1"],
        "tags/rlhf/index.xml": ["Post 4", "Post 3"],
        "people/lex-fridman/index.xml": ["Post 4", "Post 3"],
        # A series feed is newest first too, whatever the reading order of its parts.
        "series/s/index.xml": ["Post 5", "Post 4"],
    }
    for path, want in expected.items():
        assert titles(parse(site, path)) == want, path
    # Hugo's URLs: the posts section's feed, and a person's feed in Hugo's taxonomy folder.
    section = parse(site, "posts/index.xml")
    assert titles(section) == titles(root) and section.findtext("./channel/link") == "https://example.com/posts/"
    moved = site.out / "related_people" / "lex-fridman" / "index.xml"
    assert moved.read_bytes() == (site.out / "people" / "lex-fridman" / "index.xml").read_bytes()
    # A taxonomy's feed lists its terms, the one with the newest post first, linking their pages.
    tags = parse(site, "tags/index.xml")
    assert titles(tags) == ["推論晶片", "RLHF", "GPU"]
    assert items(tags)[0].findtext("link") == "https://example.com/tags/%E6%8E%A8%E8%AB%96%E6%99%B6%E7%89%87/"
    assert (site.out / "related_people" / "index.xml").read_bytes() == (site.out / "people" / "index.xml").read_bytes()
    first = items(root)[0]
    assert first.findtext("link") == "https://example.com/posts/p5/"
    assert first.findtext("guid") == "https://example.com/posts/p5/"
    assert parsedate_to_datetime(first.findtext("pubDate")).isoformat() == "2026-01-05T10:00:00+08:00"
    assert [c.text for c in first.findall("category")] == ["推論晶片"]
    self_link = root.find("./channel/{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "https://example.com/index.xml" and self_link.get("rel") == "self"
    # The term feed's self link is the quoted URL of the file.
    term = parse(site, "tags/推論晶片/index.xml").find("./channel/{http://www.w3.org/2005/Atom}link")
    assert term.get("href") == "https://example.com/tags/%E6%8E%A8%E8%AB%96%E6%99%B6%E7%89%87/index.xml"


def test_feed_length_is_configurable(make_site):
    site = make_site(CORPUS, config={"plugins": [{"podcast-digest": {"feed_length": 2}}]})
    assert titles(parse(site, "index.xml")) == ["Post 5", "Post 4"]
    assert titles(parse(site, "tags/gpu/index.xml")) == ["Post 3", "Post 2"]


def test_pages_announce_their_feeds(make_site):
    site = make_site(CORPUS)
    links = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="([^"]*)" href="([^"]*)">')
    # Relative: Material fetches sitemap.xml next to every rel=alternate URL, and an absolute one
    # would send a reader's browser to site_url's host.
    assert links.findall(site.html("posts/p1/")) == [("Test", "../../index.xml")]
    assert links.findall(site.html("tags/gpu/")) == [
        ("Test", "../../index.xml"),
        ("GPU – Test", "index.xml"),
    ]
    assert links.findall(site.html("tags/")) == [("Test", "../index.xml"), ("Tags – Test", "index.xml")]
    assert links.findall(site.html("posts/")) == [("Test", "../index.xml"), ("Posts – Test", "index.xml")]


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_autodiscovery_link_is_in_the_head_once(make_site, theme):
    site = make_site(CORPUS, config={"theme": {"name": theme}})
    html = site.html("tags/gpu/")
    head = html[: html.index("</head>")]
    assert head.count('title="GPU – Test" href="index.xml"') == 1
    assert html.count("application/rss+xml") == head.count("application/rss+xml")



@pytest.mark.parametrize("written", ["../../index.xml", "https://example.com/index.xml"])
def test_a_feed_the_theme_already_links_is_not_linked_again(make_site, written):
    # A theme (or another plugin) that announces the site's feed itself, relatively or absolutely.
    extra = {
        "overrides/main.html": f"""
            {{% extends "base.html" %}}
            {{% block extrahead %}}
            <link rel="alternate" type="application/rss+xml" title="Mine" href="{written}">
            {{% endblock %}}
            """,
    }
    config = {"site_url": "https://example.com/", "theme": {"name": "material", "custom_dir": "overrides"}}
    site = make_site(CORPUS, config=config, extra=extra)
    post = site.html("posts/p1/")
    assert post.count("application/rss+xml") == 1 and 'title="Mine"' in post
    term = site.html("tags/gpu/")  # the term's own feed is still announced
    assert term.count("application/rss+xml") == 2 and 'title="GPU – Test" href="index.xml"' in term
    # Named in the page's text but not linked in its head: still announced.
    site = make_site({**CORPUS, "posts/p2.md": CORPUS["posts/p2.md"] + "\nSee ../../index.xml\n"})
    assert site.html("posts/p2/").count("application/rss+xml") == 1

def test_hostile_titles_and_control_characters_still_give_valid_xml(make_site):
    nasty = 'A & B <script>alert("x")</script> ]]> \x01\x08\x0b\x1f\ufffe end'
    bell = 'Less < more & "quoted" \x07bell'
    site = make_site(
        {
            "posts/x.md": (
                "---\n"
                f"title: {json.dumps(nasty)}\n"  # YAML reads JSON's escapes of control characters
                "date: 2026-01-01\n"
                "tags: ['<b>&amp;</b>']\n"
                f"description: {json.dumps(bell)}\n"
                "source_url: 'https://example.com/ep?a=1&b=<2>'\n"
                "source_name: 'Show & Tell'\n"
                "---\nBody\n"
            )
        }
    )
    for path in ("index.xml", "tags/bamp-b/index.xml"):
        root = parse(site, path)
        item = items(root)[0]
        assert item.findtext("title") == 'A & B <script>alert("x")</script> ]]> end'
    description = item.findtext("description")
    assert "<p>Less &lt; more &amp; &quot;quoted&quot; bell</p>" in description
    assert '<a href="https://example.com/ep?a=1&amp;b=&lt;2&gt;">Show &amp; Tell</a>' in description


def _one_post(make_site, source: str):
    """A site of one post, and its item's description in the site's feed."""
    site = make_site({"posts/a.md": source})
    return site, items(parse(site, "index.xml"))[0].findtext("description")


def test_description_falls_back_to_the_first_paragraph_and_links_the_episode(make_site):
    _, description = _one_post(
        make_site,
        "---\ntitle: A\ndate: 2026-01-01\nsource_url: https://www.youtube.com/watch?v=I0DrcsDf3Os\n---\n"
        "# Heading\n\n> A quote first.\n\n{{< youtube I0DrcsDf3Os >}}\n\n"
        "The **first** paragraph, with a [link](https://x.example/).\n\nSecond paragraph.\n",
    )
    assert description.startswith("<p>The first paragraph, with a link.</p>")
    assert '<a href="https://www.youtube.com/watch?v=I0DrcsDf3Os">www.youtube.com</a>' in description


def test_a_comment_shortcode_stays_out_of_the_description_made_from_the_text(make_site):
    site, description = _one_post(
        make_site,
        "---\ntitle: A\ndate: 2026-01-01\n---\n"
        "{{< comment >}}\nTODO: ask the guest\n\nwhether the numbers are public\n{{< /comment >}}\n\n"
        "The first paragraph{{< comment >}} (check the date){{< /comment >}}.\n",
    )
    assert description == "<p>The first paragraph.</p>"
    page = site.html("posts/a/index.html")
    assert '<meta name="description" content="The first paragraph.">' in page
    assert "public" not in page.split("</head>")[0] and "check the date" not in page


def test_audio_front_matter_becomes_an_enclosure(make_site):
    site = make_site(
        {
            "posts/a.md": "---\ntitle: A\ndate: 2026-01-02\naudio: https://cdn.example/ep1.mp3\n---\nx\n",
            "posts/b.md": (
                "---\ntitle: B\ndate: 2026-01-01\n"
                "audio: {url: audio/ep2.m4a, length: 12345678, type: audio/x-m4a}\n---\nx\n"
            ),
            "posts/c.md": "---\ntitle: C\ndate: 2025-12-31\n---\nx\n",
        },
        strict=True,
    )
    a, b, c = items(parse(site, "index.xml"))
    assert a.find("enclosure").attrib == {
        "url": "https://cdn.example/ep1.mp3",
        "length": "0",
        "type": "audio/mpeg",
    }
    assert b.find("enclosure").attrib == {
        "url": "https://example.com/audio/ep2.m4a",
        "length": "12345678",
        "type": "audio/x-m4a",
    }
    assert c.find("enclosure") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[1, 2]", "'audio' should be a URL or a mapping, not list"),
        ("{length: 3}", "'audio' has no usable url"),
        ("{url: a.mp3, length: lots}", "'audio' has a length that is not a number of bytes"),
        ("{url: a.mp3, length: '²'}", "'audio' has a length that is not a number of bytes"),
        ("{url: a.mp3, length: '" + "9" * 5000 + "'}", "'audio' has a length that is not a number of bytes"),
        ("{url: a.mp3, length: " + "9" * 30 + "}", "'audio' has a length that is not a number of bytes"),
        ("{url: a.mp3, type: 'not a type'}", "'audio' has a type that is not a MIME type"),
    ],
)
def test_bad_audio_is_a_warning_with_the_line(value, message):
    p = parse_post("posts/a.md", f"---\ntitle: A\ndate: 2026-01-01\naudio: {value}\n---\nx\n")
    assert p.audio is None
    assert [(m.line, m.message.split(" (")[0].split(";")[0]) for m in p.problems] == [(4, message)]


def test_bad_audio_warns_with_the_file_name(make_site):
    site = make_site({"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\naudio: 3\n---\nx\n"})
    assert any("posts/a.md:4: 'audio' should be a URL" in w for w in site.warnings)


def test_no_site_url_no_feeds_and_no_warning(make_site):
    site = make_site(CORPUS, config={"site_url": None}, strict=True)
    assert not site.exists("index.xml") and not site.exists("tags/gpu/index.xml")
    assert "application/rss+xml" not in site.html("tags/gpu/")


def test_feeds_can_be_turned_off_and_never_replace_a_file_of_the_writer(make_site):
    site = make_site(CORPUS, config={"plugins": [{"podcast-digest": {"feeds": False}}]})
    assert not site.exists("index.xml")
    site = make_site({**CORPUS, "index.xml": "<mine/>"})
    assert (site.out / "index.xml").read_text() == "<mine/>"
    assert site.exists("tags/gpu/index.xml")
    assert 'href="../../index.xml"' not in site.html("posts/p1/")


def test_rss_writer_directly():
    xml = rss(
        Channel("T\x00itle", "https://e.x/", "", "https://e.x/index.xml", "en"),
        [Item("a\x0c", "https://e.x/a/", None, "<p>x</p>")],
    )
    root = ET.fromstring(xml.encode())
    assert root.findtext("./channel/title") == "Title"
    assert root.findtext("./channel/description") == "Title"  # never empty
    assert root.find("./channel/item/pubDate") is None
    assert clean(" a\x01  b\n") == "a b"


def test_a_channel_description_with_a_tag_is_shown_not_run_by_a_reader_that_reads_html():
    xml = rss(Channel("T", "https://e.x/", "<img src=x onerror=alert(1)> & co", "https://e.x/i.xml"), [])
    assert ET.fromstring(xml.encode()).findtext("./channel/description") == "&lt;img src=x onerror=alert(1)&gt; &amp; co"
    xml = rss(Channel("T", "https://e.x/", "AT&T talks", "https://e.x/i.xml"), [])
    assert ET.fromstring(xml.encode()).findtext("./channel/description") == "AT&T talks"  # text, as Hugo's


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# T\nFirst line\nsecond line\n\nNext", "First line second line"),
        ("> quote\n\n- list\n\n```\ncode\n```\n\nProse *here*.", "Prose here."),
        ("{{< youtube x >}}\n\n<!-- c -->\n\n![img](a.png)\n\nText", "Text"),
        ("---\n\n## Only headings\n", ""),
    ],
)
def test_first_paragraph(markdown, expected):
    assert first_paragraph(markdown) == expected


def test_feeds_without_directory_urls(make_site):
    site = make_site(CORPUS, config={"use_directory_urls": False})
    root = parse(site, "tags/gpu/index.xml")
    assert items(root)[0].findtext("link") == "https://example.com/posts/p3.html"
    assert root.findtext("./channel/link") == "https://example.com/tags/gpu.html"
    assert 'href="gpu/index.xml"' in site.html("tags/gpu.html")


_any_text = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    title=_any_text,
    description=_any_text,
    categories=st.lists(_any_text, max_size=3),
    url=_any_text,
    kind=_any_text,
)
def test_any_item_is_well_formed_xml_with_its_values(title, description, categories, url, kind):
    """Items are written as text: whatever the values, the XML parses and gives them back."""
    item = Item(
        title=title,
        link="https://example.com/posts/a/",
        date=dt.datetime(2026, 1, 20, 10, 0, tzinfo=dt.timezone.utc),
        description=description,
        categories=categories,
        enclosure={"url": url, "length": 123, "type": kind},
    )
    feed = rss(Channel("c", "https://example.com/", "d", "https://example.com/index.xml"), [item])
    el = ET.fromstring(feed.encode("utf-8")).find("channel/item")
    assert (el.findtext("title") or "") == clean(title)
    # (XML parsers read a carriage return in text as a newline)
    expected = _ILLEGAL.sub("", description).replace("\r\n", "\n").replace("\r", "\n")
    assert (el.findtext("description") or "") == expected
    assert [c.text or "" for c in el.findall("category")] == [clean(c) for c in categories]
    enclosure = el.find("enclosure")
    assert enclosure.get("url") == _ILLEGAL.sub("", url)
    assert enclosure.get("type") == clean(kind)
    assert el.findtext("pubDate") == "Tue, 20 Jan 2026 10:00:00 +0000"


HUGO = json.loads((Path(__file__).parent / "data" / "hugo_reference.json").read_text(encoding="utf-8"))


def test_feeds_answer_where_hugo_wrote_them(make_site):
    """Subscribers keep their feeds: every feed URL real Hugo 0.168 wrote for a term (recorded by
    tests/hugo_reference/make_reference.py) answers with that term's feed, wherever the term's
    page is now; so do the site's and the posts section's feeds."""
    docs = {}
    for i, ref in enumerate(HUGO["terms"]):
        front = {"title": f"Probe {i}", "date": "2026-01-01T00:00:00Z"}
        front.update({plural: [ref["term"]] for plural in HUGO["config"]["taxonomies"].values()})
        docs[f"posts/p{i:03d}.md"] = "---\n" + json.dumps(front) + "\n---\n\nprobe\n"
    site = make_site(docs)
    # The site's, the posts section's and each taxonomy's (a list of its terms); not the feed
    # Hugo wrote for `../../etc` (a term escaping its folder) or for the fixture's probe section.
    for path in HUGO["feed_files"]:
        if path not in ("etc/index.xml", "probe/index.xml"):
            assert len(items(parse(site, path))) == 20, path  # feed_length
    # Every term page Hugo wrote answers here too, but for the paths no redirect of ours takes:
    # a backslash, a folder named by a lone variation selector (what Hugo left of an emoji), and
    # a literal `%41` (Hugo's link to it, `%2541bc`, is not what readers have for `Abc`).
    unanswered = {
        ref["term"]
        for ref in HUGO["terms"]
        for page in ref["pages"].values()
        if page["file"] and not site.exists(page["file"]) and ".." not in page["file"]
    }
    assert unanswered == {"back\\slash", "🎙️", "emoji 🎙️ mixed", "%41bc", "%41bc 產", "%E7%94%A2"}
    checked = 0
    for ref in HUGO["terms"]:
        for page in ref["pages"].values():
            if not page["rss"] or not site.exists(page["file"]):
                continue  # an unsafe path Hugo wrote (`../../etc`) has no page here either
            html = (site.out / page["file"]).read_text(encoding="utf-8")
            moved = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
            folder = posixpath.dirname(page["file"])
            here = posixpath.normpath(posixpath.join(folder, urllib.parse.unquote(moved.group(1)))) if moved else folder
            feed = (site.out / page["rss"]).read_bytes()
            assert feed == (site.out / here / "index.xml").read_bytes(), (ref["term"], page["rss"])
            root = ET.fromstring(feed)
            assert [i.findtext("title") for i in items(root)]  # the term's posts
            assert root.find("./channel/{http://www.w3.org/2005/Atom}link").get("href").endswith(
                urllib.parse.quote(f"/{here}/index.xml")
            )
            checked += 1
    assert checked > 300  # of 422 term pages Hugo wrote; the others are the unsafe and index ones
