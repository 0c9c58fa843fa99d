"""Real Hugo content builds as it is; every bad input gives a warning that says where and what to
do, the page still builds, and ``--strict`` fails; nothing is lost.

Parsing details (each date format, each list spelling) are in test_posts.py; these tests go through
real MkDocs builds.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.structure.files import File

HUGO_CONTENT = Path(__file__).parent / "data" / "hugo_content"
PREFIX = "mkdocs_podcast_digest: "


def fm(*lines: str, body: str = "Body text.\n") -> str:
    """A post: front matter from 'key: value' lines (title and date first, unless given)."""
    head = {"title": "title: A", "date": "date: 2026-01-01"}
    rest = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key in head:
            head[key] = line
        else:
            rest.append(line)
    return "---\n" + "\n".join([*head.values(), *rest]) + "\n---\n" + body


def messages(site) -> list[str]:
    return [w.removeprefix(PREFIX) for w in site.warnings]


@dataclass
class Case:
    id: str
    docs: dict[str, str | bytes]
    #: (where, fragments): a warning starting "where: " holding every fragment.
    expect: list[tuple[str, list[str]]]
    page: str = "posts/a/"
    config: dict = field(default_factory=dict)
    check: Callable[[str], None] | None = None


def _no_script(html: str) -> None:
    assert "<script>alert" not in html and "onload=" not in html and "javascript:" not in html


def _no_js_link(html: str) -> None:
    assert not re.search(r"(href|src)=[\"']?\s*javascript:", html) and "{{&lt; figure" in html


def _gallery_shown(html: str) -> None:
    assert "{{&lt; gallery" in html


BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefg", "bcdefgh", strict=True)]
    + ["tags: [ok, *h]"]
)

CASES = [
    # --- the file itself
    Case("empty file", {"posts/a.md": ""}, [
        ("posts/a.md", ["has no title; using 'a' taken from the file name", "Add 'title: ...'"]),
        ("posts/a.md", ["has no date", "Add 'date: 2026-01-20'"]),
    ]),
    Case("only blank lines", {"posts/a.md": "\n  \n\t\n"}, [("posts/a.md", ["has no title", "Add 'title: ...'"])]),
    Case("NUL byte", {"posts/a.md": fm(body="Body\x00text\n").encode()}, [
        ("posts/a.md:5", ["contains NUL bytes; they were removed", "Re-save the file as text"]),
    ]),
    Case("invalid UTF-8", {"posts/a.md": fm().encode() + b"caf\xe9 latin-1\n"}, [
        ("posts/a.md:6", ["is not valid UTF-8", "Re-save the file as UTF-8"]),
    ]),
    Case("UTF-16 file", {"posts/a.md": fm().encode("utf-16")}, [
        ("posts/a.md:1", ["is not valid UTF-8", "Re-save the file as UTF-8"]),
    ]),
    # --- the front matter block
    Case("YAML: unquoted colon", {"posts/a.md": fm("title: Part 1: the start")}, [
        ("posts/a.md:2", ["malformed YAML front matter", "quote values containing ':'"]),
    ]),
    Case("YAML: unclosed bracket", {"posts/a.md": fm("tags: [gpu, energy")}, [
        ("posts/a.md:4", ["malformed YAML front matter", "Fix the YAML"]),
    ]),
    Case("YAML: unclosed quote", {"posts/a.md": fm('title: "A')}, [
        ("posts/a.md:2", ["malformed YAML front matter", "quote opened on line 2 is not closed", "Close the quote"]),
    ]),
    Case("YAML: tab indent", {"posts/a.md": fm("tags:\n\t- a")}, [
        ("posts/a.md:5", ["malformed YAML front matter", "Fix the YAML"]),
    ]),
    Case("YAML: a list, not a mapping", {"posts/a.md": "---\n- a\n- b\n---\nBody\n"}, [
        ("posts/a.md:2", ["not a mapping of keys to values", "Write it as 'key: value' lines"]),
    ]),
    Case("YAML: a sentence, not a mapping", {"posts/a.md": "---\njust a sentence\n---\nBody\n"}, [
        ("posts/a.md:2", ["not a mapping of keys to values", "'key: value'"]),
    ]),
    Case("YAML: alias bomb", {"posts/a.md": fm(BOMB)}, [
        ("posts/a.md:12", ["'tags' has an entry that is not a name ([[[[...]", "Use plain strings"]),
    ]),
    Case("TOML: missing value", {"posts/a.md": '+++\ntitle = "A"\ndate =\n+++\nBody\n'}, [
        ("posts/a.md:3", ["malformed TOML front matter", "Fix the TOML"]),
    ]),
    Case("front matter never closed", {"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n\nBody\n"}, [
        ("posts/a.md:1", ["opens front matter with '---' but never closes it", "Add a '---' line"]),
    ]),
    # --- each key with a wrong type
    Case("title: a list", {"posts/a.md": fm("title: [a, b]")}, [
        ("posts/a.md:2", ["'title' should be text, not list", 'Write title: "..."']),
    ]),
    Case("title: a mapping", {"posts/a.md": fm("title: {a: 1}")}, [("posts/a.md:2", ["'title' should be text, not dict"])]),
    Case("date: a word", {"posts/a.md": fm("date: someday")}, [
        ("posts/a.md:3", ["date that cannot be read ('someday')", "Write it as 2026-01-20"]),
    ]),
    Case("date: does not exist", {"posts/a.md": fm("date: 2024-02-30")}, [
        ("posts/a.md:3", ["date that cannot be read ('2024-02-30')", "Write it as 2026-01-20"]),
    ]),
    Case("date: TOML date that does not exist", {"posts/a.md": '+++\ntitle = "A"\ndate = 2024-02-30\n+++\nB\n'}, [
        ("posts/a.md:3", ["malformed TOML front matter", "Fix the TOML"]),
    ]),
    Case("date: a list", {"posts/a.md": fm("date: [2026]")}, [("posts/a.md:3", ["date that cannot be read"])]),
    Case("draft: maybe", {"posts/a.md": fm("draft: maybe")}, [
        ("posts/a.md:4", ["neither true nor false", "Write draft: true or draft: false"]),
    ]),
    Case("tags: a mapping", {"posts/a.md": fm("tags: {gpu: 1}")}, [
        ("posts/a.md:4", ["'tags' should be a list of names or a string, not dict", 'Write e.g. tags: ["a", "b"]']),
    ]),
    Case("tags: true", {"posts/a.md": fm("tags: true")}, [("posts/a.md:4", ["'tags' should be a list", "not bool"])]),
    Case("tags: a time", {"posts/a.md": fm("tags: 2026-01-06T10:00:00Z")}, [
        ("posts/a.md:4", ["'tags' should be a list", "not datetime"]),
    ]),
    Case("tags: a nested list", {"posts/a.md": fm("tags: [ok, [x, y]]")}, [
        ("posts/a.md:4", ["'tags' has an entry that is not a name (['x', 'y'])", "Use plain strings"]),
    ]),
    Case("categories: a mapping", {"posts/a.md": fm("categories: {a: b}")}, [
        ("posts/a.md:4", ["'categories' should be a list"]),
    ]),
    Case("related_people: false", {"posts/a.md": fm("related_people: false")}, [
        ("posts/a.md:4", ["'related_people' should be a list", "not bool"]),
    ]),
    Case("related_companies: mappings", {"posts/a.md": fm("related_companies: [{name: OpenAI}]")}, [
        ("posts/a.md:4", ["'related_companies' has an entry that is not a name", "Use plain strings"]),
    ]),
    Case("series: a mapping", {"posts/a.md": fm("series: {S: 1}")}, [("posts/a.md:4", ["'series' should be a list"])]),
    Case("series_order: a word", {"posts/a.md": fm("series: S", "series_order: first")}, [
        ("posts/a.md:5", ["'series_order: 'first'', which is not a whole number", "Write series_order: 2"]),
    ]),
    Case("series_order: a list", {"posts/a.md": fm("series: S", "series_order: [1]")}, [
        ("posts/a.md:5", ["not a whole number"]),
    ]),
    Case("aliases: a mapping", {"posts/a.md": fm("aliases: {old: 1}")}, [
        ("posts/a.md:4", ["'aliases' should be a list of names or a string, not dict"]),
    ]),
    Case("description: a list", {"posts/a.md": fm("description: [a]")}, [
        ("posts/a.md:4", ["'description' should be text, not list", 'Write description: "..."']),
    ]),
    Case("image: a mapping", {"posts/a.md": fm("image: {src: a.png}")}, [("posts/a.md:4", ["'image' should be text"])]),
    Case("title and Title", {"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\nTitle: B\n---\nText.\n"}, [
        ("posts/a.md:4", ["has both 'title' and 'Title'; 'title' was used"]),
    ]),
    Case("title and Title in JSON", {"posts/a.md": '{\n  "title": "A",\n  "date": "2026-01-01",\n  "Title": "B"\n}\nText.\n'}, [
        ("posts/a.md:4", ["has both 'title' and 'Title'; 'title' was used"]),
    ]),
    Case("source_url: javascript", {"posts/a.md": fm("source_name: Pod", "source_url: 'javascript:alert(1)'")}, [
        ("posts/a.md:5", ["'source_url' 'javascript:alert(1)' is not a safe URL", "http(s)"]),
    ], check=_no_script),
    Case("image: a data URL", {"posts/a.md": fm("image: 'data:text/html,<script>alert(1)</script>'")}, [
        ("posts/a.md:4", ["'image' 'data:text/html,", "is not a safe URL"]),
    ], check=_no_script),
    Case("audio: javascript", {"posts/a.md": fm("audio: 'javascript:alert(1)'")}, [
        ("posts/a.md:4", ["'audio' has a URL that is not safe"]),
    ], check=_no_script),
    Case("source_url: a list", {"posts/a.md": fm("source_url: [https://a.example]")}, [
        ("posts/a.md:4", ["'source_url' should be text"]),
    ]),
    Case("slug: a list", {"posts/a.md": fm("slug: [a]")}, [("posts/a.md:4", ["'slug' should be text"])]),
    Case("url: a mapping", {"posts/a.md": fm("url: {a: b}")}, [("posts/a.md:4", ["'url' should be text"])]),
    Case("summary: true", {"posts/a.md": fm("summary: true")}, [("posts/a.md:4", ["'summary' should be text, not bool"])]),
    Case("a page in capitals", {"posts/a.md": fm("title: A"), "posts/UPPER.MD": fm("title: Upper")}, [
        ("posts/UPPER.MD", ["is copied as a file, not built as a page", "Rename it to UPPER.md"]),
    ]),
    Case("url: with a query", {"posts/a.md": fm("url: /q/page?id=1")}, [
        ("posts/a.md:4", ["had the Hugo URL /q/page?id=1/ (from its url), which no page here can answer"]),
    ]),
    Case("url: on two lines", {"posts/a.md": fm('url: "/a\\nb/"')}, [
        ("posts/a.md:4", ["'url' '/a\\nb/' has a line break or another control character; it was ignored"]),
    ]),
    Case("slug: a control character", {"posts/a.md": fm('slug: "a\\x01b"')}, [
        ("posts/a.md:4", ["'slug'", "has a line break or another control character"]),
    ]),
    Case("an _index.md's url on two lines", {"posts/a.md": fm("title: A"), "posts/_index.md": '---\nurl: "/b\\nlog/"\n---\n'}, [
        ("posts/_index.md:2", ["'url'", "has a line break or another control character"]),
    ]),
    Case("series_order: 5,000 digits", {"posts/a.md": fm("series: [S]", 'series_order: "' + "1" * 5000 + '"')}, [
        ("posts/a.md:5", ["series_order: '1111", "is not a whole number"]),
    ]),
    Case("a NUL in a term and the title", {"posts/a.md": fm('title: "A\\0B"', 'tags: ["a\\0b"]')}, [
        ("posts/a.md:2", ["'title' has a control character", "it was taken out"]),
        ("posts/a.md:4", ["'tags' has a name with a control character"]),
    ], check=lambda html: "\x00" not in html and "AB" in html),
    Case("image: not a well-formed URL", {"posts/a.md": fm('image: "http://[bad/x.png"')}, [
        ("posts/a.md:4", ["'image' 'http://[bad/x.png' is not a well-formed URL; it was left out"]),
    ]),
    Case("an _index.md's url with a query", {"posts/a.md": fm("title: A"), "posts/_index.md": "---\nurl: /blog/?page=1\n---\n"}, [
        ("posts/_index.md:2", ["had the Hugo URL /blog/?page=1/ (from its url), which no page here can answer"]),
    ]),
    Case("an _index.md's title: a mapping", {"posts/a.md": fm("title: A", "tags: [x]"), "tags/_index.md": "---\ntitle: {a: 1}\n---\nIntro.\n"}, [
        ("tags/_index.md:2", ["'title' should be text, not dict"]),
    ], page="tags/", check=lambda html: "{'a': 1}" not in html and "Intro." in html),
    Case("an _index.md's front matter: malformed", {"posts/a.md": fm("title: A"), "posts/_index.md": "---\ntitle: T\nsummary: [x\n---\nIntro.\n"}, [
        ("posts/_index.md:3", ["has malformed YAML front matter"]),
    ], page="posts/", check=lambda html: "summary:" not in html and "Intro." in html),
    Case("an _index.md: not UTF-8", {"posts/a.md": fm("title: A"), "posts/_index.md": b"---\ntitle: caf\xe9\n---\nIntro.\n"}, [
        ("posts/_index.md:2", ["is not valid UTF-8"]),
    ], page="posts/"),
    Case("another page: not UTF-8", {"posts/a.md": fm("title: A"), "about.md": b"# About\n\ncaf\xe9\n"}, [
        ("about.md:3", ["is not valid UTF-8", "Re-save the file as UTF-8"]),
    ], page="about/"),
    Case("an _index.md's aliases: a mapping", {"posts/a.md": fm("title: A"), "posts/_index.md": "---\naliases: [{a: b}]\n---\n"}, [
        ("posts/_index.md:2", ["'aliases' has an entry that is not a name"]),
    ]),
    # --- aliases and URLs
    Case("alias: another site", {"posts/a.md": fm("aliases: [https://old.example/a]")}, [
        ("posts/a.md:4", ["alias 'https://old.example/a', which is not a path on this site", "Write aliases as site paths"]),
    ]),
    Case("alias: the site root", {"posts/a.md": fm("aliases: [/]")}, [("posts/a.md:4", ["alias '/', which is not a path"])]),
    Case("alias: with a query", {"posts/a.md": fm("aliases: ['/old?page=2']")}, [
        ("posts/a.md:4", ["alias '/old?page=2', which is not a path on this site"]),
    ]),
    Case("alias: another post's page", {"posts/a.md": fm("aliases: [/posts/b/]"), "posts/b.md": fm("title: B")}, [
        ("posts/a.md:4", ["has the alias /posts/b/, which is the page of 'posts/b.md'", "Remove it or pick a free path"]),
    ]),
    Case("alias: a generated page", {"posts/a.md": fm("aliases: [/tags/]", "tags: [x]")}, [
        ("posts/a.md:4", ["has the alias /tags/, which is the page of 'tags/index.md'"]),
    ]),
    Case("alias: claimed twice", {"posts/a.md": fm("aliases: [/old/]"), "posts/b.md": fm("title: B", "aliases: [/old/]")}, [
        ("posts/b.md:4", ["has the alias /old/, which already redirects to 'posts/a.md'", "pick a free path"]),
    ]),
    Case("slug: another post's URL", {"posts/a.md": fm("slug: b"), "posts/b.md": fm("title: B")}, [
        ("posts/a.md:4", ["had the Hugo URL /posts/b/ (from its slug or url), which is the page of 'posts/b.md'",
                        "Add an alias for the URL you want"]),
    ]),
    Case("slug: the same on two posts", {"posts/a.md": fm("slug: same"), "posts/b.md": fm("title: B", "slug: same")}, [
        ("posts/b.md:4", ["had the Hugo URL /posts/same/", "which already redirects to 'posts/a.md'"]),
    ]),
    Case("names differ only in case", {"posts/a.md": fm(), "posts/A.md": fm("title: Upper")}, [
        ("posts/a.md", ["'posts/A.md' and 'posts/a.md' are written to posts/A/index.html, posts/a/index.html",
                        "differ only in case", "Rename one of them"]),
    ]),
    Case("a file and a bundle of one name", {"posts/a.md": fm(), "posts/a/index.md": fm("title: Bundle")}, [
        ("posts/a/index.md", ["'posts/a.md' and 'posts/a/index.md' are both written to posts/a/index.html",
                              "Rename one of them"]),
    ]),
    Case(
        "a post where the posts index puts page 2",
        {"posts/a.md": fm(), "posts/b.md": fm("title: B"), "posts/page/2.md": fm("title: Two")},
        [("posts/page/2.md", ["is where the plugin puts page 2 of the posts index of posts/; your file was kept",
                              "Move or rename the file"])],
        page="posts/page/2/",
        config={"plugins": ["search", {"podcast-digest": {"page_size": 1}}]},
        check=lambda html: "Two" in html,
    ),
    # --- terms
    Case("term: '/'", {"posts/a.md": fm('tags: ["/"]')}, [
        ("posts/a.md:4", ["tags: '/' has no letter or digit, so its page is tags/t-", "give the term a name with words"]),
    ]),
    Case("term: '..'", {"posts/a.md": fm('tags: [".."]')}, [("posts/a.md:4", ["tags: '..' has no letter or digit"])]),
    Case("term: emoji only", {"posts/a.md": fm('series: "🎙️"')}, [
        ("posts/a.md:4", ["series: '🎙️' has no letter or digit, so its page is series/t-"]),
    ]),
    Case("term: two spellings", {"posts/a.md": fm("tags: [AI 產業]"), "posts/b.md": fm("title: B", "date: 2026-01-02", "tags: [AI產業]")}, [
        ("posts/b.md:4", ["'AI 產業' (posts/a.md), 'AI產業' (posts/b.md) are one term", "use one spelling"]),
    ]),
    Case("term: two names, one URL", {"posts/a.md": fm('tags: ["C#"]'), "posts/b.md": fm("title: B", "date: 2026-01-02", "tags: [C]")}, [
        ("posts/b.md:4", ["'C#' (posts/a.md), 'C' (posts/b.md) share the page tags/c/", "if they are different terms, rename one"]),
    ]),
    Case(
        "series_order: two parts claim 1",
        {"posts/a.md": fm("series: S", "series_order: 1"), "posts/b.md": fm("title: B", "series: S", "series_order: 1")},
        [("posts/b.md:5", ["series 'S': 'posts/a.md' and 'posts/b.md' both have series_order 1",
                         "Give each part its own number"])],
    ),
    # --- shortcodes
    Case("shortcode: unclosed", {"posts/a.md": fm(body="Body.\n\nWatch {{< youtube I0DrcsDf3Os\n")}, [
        ("posts/a.md:7", ["unclosed shortcode '{{< youtube I0DrcsDf3Os'", "close it"]),
    ]),
    Case("shortcode: id=\"\"", {"posts/a.md": fm(body='{{< youtube id="" >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'youtube': '' is empty", "fix the argument or remove the shortcode"]),
    ]),
    Case("shortcode: script in the argument", {"posts/a.md": fm(body='{{< youtube "<script>alert(1)</script>" >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'youtube':", "is not a YouTube video ID", "fix the argument"]),
    ], check=_no_script),
    Case("shortcode: event handler in a named argument",
         {"posts/a.md": fm(body='{{< vimeo id="1\\" onload=\\"alert(1)" >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'vimeo':", "fix the argument"]),
    ], check=_no_script),
    Case("shortcode: javascript: audio", {"posts/a.md": fm(body="{{< audio javascript:alert(1).mp3 >}}\n")}, [
        ("posts/a.md:5", ["shortcode 'audio':", "audio file"]),
    ], check=_no_script),
    Case("shortcode: unknown name", {"posts/a.md": fm(body='{{< gallery src="chart.png" >}}\n')}, [
        ("posts/a.md:5", ["unknown shortcode 'gallery'", "add a template, fix the name"]),
    ], check=_gallery_shown),
    Case("figure: no src", {"posts/a.md": fm(body='Intro.\n\n{{< figure caption="A chart" >}}\n')}, [
        ("posts/a.md:7", ["shortcode 'figure': needs src", "fix the arguments"]),
    ]),
    Case("figure: javascript: link", {"posts/a.md": fm(body='{{< figure src="a.png" link="javascript:alert(1)" >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'figure': link", "is not a safe URL", "fix the arguments"]),
    ], check=_no_js_link),
    Case("figure: image not found", {"posts/a.md": fm(body='{{< figure src="chart.png" >}}\n')}, [
        ("", ["Doc file 'posts/a.md' contains a link 'chart.png'", "is not found"]),
    ]),
    Case("details: no closing tag", {"posts/a.md": fm(body='{{< details summary="More" >}}\nText.\n')}, [
        ("posts/a.md:5", ["shortcode 'details': no closing {{< /details >}}", "add one"]),
    ]),
    Case("param: not set", {"posts/a.md": fm(body='Host: {{< param "host" >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'param': no 'host'", "add it, or fix the key"]),
    ]),
    Case("highlight: unknown option", {"posts/a.md": fm(body='{{< highlight go "lineos=table" >}}\nx\n{{< /highlight >}}\n')}, [
        ("posts/a.md:5", ["shortcode 'highlight': unknown option 'lineos'", "fix it"]),
    ]),
    Case("shortcode: closing tag alone", {"posts/a.md": fm(body="{{< /youtube >}}\n")}, [
        ("posts/a.md:5", ["closing tag without an opening tag", "remove it"]),
    ]),
    # --- files beside the posts
    Case("data file: malformed YAML", {"posts/a.md": fm("related_people: [ada-park]")}, [
        ("", ["data/people.yml: cannot be read as YAML", "fix the file"]),
    ], config={"_extra": {"data/people.yml": "ada-park: {name: [Ada\n"}}),
]  # fmt: skip


def _find(site, where: str, fragments: list[str]) -> str | None:
    for w in messages(site):
        head_ok = w.startswith(f"{where}: ") if where else True
        if head_ok and all(f in w for f in fragments):
            return w
    return None


def _build(make_site, case: Case, **kwargs):
    config = dict(case.config)
    extra = config.pop("_extra", None)
    return make_site(case.docs, config=config, extra=extra, **kwargs)


def test_the_matrix_is_big_enough():
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_warns_and_the_page_still_builds(make_site, case):
    site = _build(make_site, case)
    for where, fragments in case.expect:
        assert _find(site, where, fragments), f"no warning {where}: {fragments} in\n" + "\n".join(
            site.warnings
        )
    for w in messages(site):
        assert "Traceback" not in w
    assert site.exists(case.page), case.page
    html = site.html(case.page)
    assert 'http-equiv="refresh"' not in html  # the page itself, not a redirect to it
    if case.check:
        case.check(html)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_fails_a_strict_build(make_site, strict_fails, case):
    config = dict(case.config)
    extra = config.pop("_extra", None)
    strict_fails(case.docs, config=config, extra=extra)


# --- odd but fine: no warning, strict passes ---------------------------------------------------------


def test_odd_term_names_build_strict_and_stay_inside_their_folder(make_site):
    site = make_site(
        {
            "posts/a.md": fm(
                'tags: ["שלום עולם", "<script>alert(1)</script>", "", "../../etc", "🎙️ Podcast", "index"]'
            ),
            "posts/b.md": fm("title: A", "tags: [page]"),  # the same title as posts/a.md
        },
        strict=True,
    )
    assert site.warnings == []
    assert site.exists("tags/שלום-עולם/") and site.exists("tags/podcast/") and site.exists("tags/etc/")
    assert not (site.root / "etc").exists() and not (site.out.parent / "etc").exists()
    for path in site.out.rglob("*.html"):
        assert "<script>alert(1)" not in path.read_text(encoding="utf-8")
    # A term named "index" does not replace the tags index, and "page" is an ordinary term.
    index = site.html("tags/")
    assert 'href="index/"' in index and 'href="page/"' in index
    term = site.html("tags/index/")
    assert "<h1" in term and "Index" in term and 'pd-listing__title" href="../../posts/a/"' in term
    assert site.exists("tags/page/")
    # Two posts with one title: both are listed (a title is not an address).
    listed = re.findall(r'pd-listing__title" href="([^"]+)">A</a>', site.html("posts/"))
    assert sorted(listed) == ["a/", "b/"]


def test_a_thousand_tags_on_one_post(make_site):
    tags = ", ".join(f"tag-{i:04d}" for i in range(1000))
    site = make_site({"posts/a.md": fm(f"tags: [{tags}]")}, strict=True)
    assert site.warnings == []
    assert len([p for p in (site.out / "tags").iterdir() if (p / "index.html").exists()]) == 1000
    html = site.html("posts/a/")
    assert 'href="../../tags/tag-0000/"' in html and 'href="../../tags/tag-0999/"' in html


def test_posts_in_sub_folders_and_hugo_bundles_are_posts(make_site):
    site = make_site(
        {
            "posts/2024/03/deep.md": fm("title: Deep", "tags: [t]"),
            "posts/bundle/index.md": '+++\ntitle = "Bundle"\ndate = 2026-01-02\ntags = ["t"]\n+++\nText\n',
        },
        strict=True,
    )
    tag = site.html("tags/t/")
    assert "Deep" in tag and "Bundle" in tag
    assert "<title>Bundle" in site.html("posts/bundle/")  # TOML was read, not printed
    assert "+++" not in site.html("posts/bundle/")


# --- Hugo content, as it is --------------------------------------------------------------------------


def hugo_docs() -> dict[str, bytes]:
    return {p.relative_to(HUGO_CONTENT).as_posix(): p.read_bytes() for p in HUGO_CONTENT.rglob("*.md")}


def test_fixtures_keep_their_bytes():
    """BOM and CRLF are the point of two fixtures; git must not have normalised them."""
    assert (HUGO_CONTENT / "posts/bom-yaml.md").read_bytes().startswith(b"\xef\xbb\xbf---")
    assert b"\r\n" in (HUGO_CONTENT / "posts/windows-line-endings.md").read_bytes()


def test_hugo_content_builds_unchanged(make_site):
    site = make_site(hugo_docs())
    # Only the shortcode that needs the writer's attention warns.
    assert sorted(messages(site)) == [
        "posts/shortcodes-everywhere.md:19: shortcode 'youtube': '' is empty; fix the argument or remove the shortcode",
    ]
    # TOML, also after a blank line; mixed-case keys; series as a string, a list and a comma string.
    series = site.html("series/infrastructure-week/")
    for title in ("Chips, power and patience", "The second shift", "Reading the quarterly call"):
        assert title in series
    assert series.index("Chips, power and patience") < series.index("The second shift")
    assert "Cooling" in site.html("tags/")
    assert "Ada Park" in site.html("people/")
    assert "Interviews" in site.html("categories/")
    # BOM and CRLF files read as any other.
    assert "<title>Reading the quarterly call" in site.html("posts/bom-yaml/")
    assert "Notes written on Windows" in site.html("tags/policy/")
    # Hugo's date formats: newest first in the index.
    index = site.html("posts/")
    order = ["Moved from the old blog", "Dated by its file name", "An offset without a colon", "A Zulu time",
             "An RFC 1123 date", "Notes written on Windows"]  # fmt: skip
    positions = [index.index(t) for t in order]
    assert positions == sorted(positions)
    # draft: "true" (a string) is a draft; draft = "false" is not.
    assert not site.exists("posts/draft-as-string/") and not site.exists("tags/unreleased-only/")
    assert site.exists("posts/blank-line-before-toml/")
    # Aliases: small redirect pages at the old URLs.
    # Where Hugo wrote them: an alias is a file only if it ends in .html or .htm, as spelt.
    old_urls = ("2019/05/old-permalink/", "old-blog/moved.html", "posts/relative-old-name/", "feed.xml/",
                "Old.HTML/", "kept.htm")  # fmt: skip
    assert (site.out / "feed.xml").is_dir() and (site.out / "Old.HTML").is_dir()
    for old in old_urls:
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', site.html(old)).group(1)
        assert urljoin("https://example.com/" + old, target) == "https://example.com/posts/aliases/"
    # Shortcodes in table cells, list items, quotes, after text; Hugo's figure.
    html = site.html("posts/shortcodes-everywhere/")
    assert re.search(r"<td>\s*<div class=\"pd-embed pd-embed--spotify", html)
    assert re.search(r"<li>Listen here: <div class=\"pd-embed pd-embed--youtube", html)
    assert re.search(r"<blockquote>\s*<p>A quote with a clip", html)
    assert 'same line <span class="pd-embed pd-embed--youtube' in html or "same line <div" in html
    assert re.search(r"<figure><img alt=\"Hugo.s figure shortcode\" src=\"/img/chart.png\" />", html)
    assert "{{&lt; figure" not in html
    assert "pd-embed--youtube" in site.html("posts/windows-line-endings/")
    # A leaf bundle is a post; Hugo's section page is the page of its folder, not a post.
    assert "A leaf bundle" in site.html("tags/bundles/")
    assert not site.exists("posts/_index/") and ">All episodes</a>" not in index.split("pd-listing", 1)[1]
    assert "Hugo&#39;s section page for posts." in index or "Hugo's section page for posts." in index


def test_hugo_content_with_strict_fails_only_for_its_empty_shortcode(make_site, strict_fails):
    docs = hugo_docs()
    strict_fails(docs)
    text = docs["posts/shortcodes-everywhere.md"].decode()
    docs["posts/shortcodes-everywhere.md"] = text.replace('{{< youtube id="" >}}', "").encode()
    site = make_site(docs, strict=True)
    assert site.warnings == []


# --- nothing lost ------------------------------------------------------------------------------------


def _expected_dest(src_uri: str) -> str:
    if posixpath.basename(src_uri) == "_index.md":  # Hugo's section page: the page of its folder
        return posixpath.join(posixpath.dirname(src_uri), "index.html")
    return File(src_uri, "/docs", "/site", use_directory_urls=True).dest_uri


def _all_bad_docs() -> dict[str, str | bytes]:
    """Every matrix case in its own folder, except those whose point is that two files collide."""
    colliding = {
        "names differ only in case",
        "a file and a bundle of one name",
        "a post where the posts index puts page 2",
    }
    docs: dict[str, str | bytes] = {}
    for n, case in enumerate(CASES):
        if case.id in colliding or case.config:
            continue
        for rel, content in case.docs.items():
            docs[rel.replace("posts/", f"posts/case{n:02d}/", 1)] = content
    return docs


@pytest.mark.parametrize("command", ["build", "serve"])
def test_nothing_lost_every_markdown_file_has_a_page(make_site, command):
    docs = {**hugo_docs(), **_all_bad_docs()}
    site = make_site(docs, command=command)
    drafts = {"posts/draft-as-string.md"} if command == "build" else set()
    missing = []
    for src in docs:
        dest = site.out / _expected_dest(src)
        if src in drafts:
            assert not dest.exists()
            continue
        if not dest.exists() or 'http-equiv="refresh"' in dest.read_text(encoding="utf-8", errors="replace"):
            missing.append(src)
    assert missing == []
    assert len(docs) > 60


def test_names_that_are_files_folders_or_too_long_never_stop_the_build(make_site):
    """A term named like a file (``foo.html``, ``index.xml``), an alias onto a file MkDocs or the
    theme writes, or a term whose Hugo URL no file system can hold: MkDocs would stop with an
    OS error while writing; each gets its page where it can, and a warning where something of
    the writer's is skipped."""
    long_term = "長標籤" * 30  # 270 bytes in UTF-8: Hugo's URL for it cannot be a file name
    docs = {
        "posts/a.md": fm(
            f'tags: [foo.html, index.xml, report.xml, 404.html, "{long_term}"]',
            "aliases: [/sitemap.xml, /404.html, /posts/a/index.html/x/]",
        ),
        "posts/b.md": fm("title: B", "tags: [foo.html]"),
    }
    site = make_site(docs, config={"theme": {"name": "material"}})
    for term in ("foo.html", "index.xml", "report.xml", "404.html"):
        assert site.exists(f"tags/{term}/"), term
    assert any(p.name.startswith("長標籤") for p in (site.out / "tags").iterdir())
    assert "<urlset" in (site.out / "sitemap.xml").read_text(encoding="utf-8")
    # The taxonomy's feed gave way to the term's folder: its index page does not announce it.
    assert 'type="application/rss+xml"' in site.html("tags/foo.html/")
    assert not re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="index.xml"', site.html("tags/"))
    _warned(
        site,
        "posts/a.md: tags/index.xml was not written: tags/index.xml/index.html needs tags/index.xml as a folder",
        "posts/a.md:5: has the alias /sitemap.xml/, which is inside what is a file here",
        "posts/a.md:5: has the alias /404.html, which is the page of '404.html'",
        "posts/a.md:5: has the alias /posts/a/index.html/x/, which is inside what is a file here",
    )


def _warned(site, *starts: str) -> None:
    """Each of ``starts`` begins one of the site's warnings."""
    found = messages(site)
    for expected in starts:
        assert any(w.startswith(expected) for w in found), (expected, found)


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_term_names_and_descriptions_reach_the_head_escaped(make_site, theme):
    """Themes print page titles and ``page.meta.description`` as HTML (Material's <title> through
    ``striptags``, which unescapes): a term's name or a post's description is text."""
    docs = {
        "posts/a.md": fm('tags: ["</title><script>alert(1)</script>"]', "summary: '\"><script>alert(2)</script>'"),
        "posts/b.md": fm("title: B", 'description: "He said \\"hi\\" & <b>left</b>"'),
    }
    site = make_site(docs, config={"theme": {"name": theme}})
    pages = [site.html("posts/a/"), site.html("posts/b/"), site.html("tags/")]
    pages += [p.read_text(encoding="utf-8") for p in (site.out / "tags").glob("*/index.html")]
    for html in pages:
        head = html.split("</head>", 1)[0]
        assert "<script>alert" not in head
        _no_script(html)
    head_b = site.html("posts/b/").split("</head>", 1)[0]
    assert '<meta name="description" content="He said &quot;hi&quot; &amp; &lt;b&gt;left&lt;/b&gt;">' in head_b


def test_data_files_links_and_photos_go_only_where_links_may_and_descriptions_are_text(make_site):
    people = (
        "bob:\n"
        "  name: Bob\n"
        '  description: "See [x](javascript:alert(2)) - a~b | c_d *e* <i>t</i> & more."\n'
        '  photo: "javascript:alert(1)"\n'
        "  links:\n"
        '    - {name: ok, url: "https://bob.example/"}\n'
        "    - {name: bad, url: \"javascript:alert('x')\"}\n"
        '    - {name: data, url: "data:text/html,<script>alert(3)</script>"}\n'
        "acme: [1, 2]\n"
    )
    site = make_site(
        {"posts/a.md": fm("related_people: [bob, acme]")}, config={"_extra": None}, extra={"data/people.yml": people}
    )
    page = site.html("people/bob/")
    assert "<script>alert" not in page and not re.search(r"(href|src)=[\"']?\s*(javascript|data):", page)
    assert "data:text" not in page and 'href="https://bob.example/"' in page
    assert "<p>See [x](javascript:alert(2)) - a~b | c_d *e* &lt;i&gt;t&lt;/i&gt; &amp; more.</p>" in page.replace(
        "&#126;", "~"
    ).replace("&#124;", "|")
    _warned(
        site,
        "data/people.yml: the link \"javascript:alert('x')\" of 'Bob' is not a safe URL; it was left out",
        "data/people.yml: the link 'data:text/html,<script>alert(3)</script>' of 'Bob' is not a safe URL",
        "data/people.yml: the photo 'javascript:alert(1)' of 'Bob' is not a safe URL",
        "data/people.yml: 'acme' should be a mapping",
    )


def test_a_term_with_marks_only_some_extensions_read_has_no_backslash_in_its_heading(make_site):
    site = make_site({"posts/a.md": fm('tags: ["a~b | c"]')})
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", site.html("tags/a~b-c/"), re.S).group(1)
    assert heading.startswith(("a~b | c", "a&#126;b &#124; c")) and "\\" not in heading, heading


def test_a_term_whose_folder_is_a_file_of_the_writers_is_named_and_linked_nowhere(make_site):
    docs = {"posts/a.md": fm("tags: [foo.html, ok]"), "tags/foo.html": "<p>static</p>"}
    site = make_site(docs, config={"theme": {"name": "mkdocs"}})
    assert (site.out / "tags" / "foo.html").read_text(encoding="utf-8") == "<p>static</p>"
    _warned(site, "tags/foo.html: tags/foo.html/index.html was not written: tags/foo.html is a file")
    post, index = site.html("posts/a/"), site.html("tags/")
    assert 'href="../../tags/ok/"' in post and ">foo.html<" not in post
    assert 'href="ok/"' in index and ">foo.html<" not in index


def test_a_page_in_capitals_left_out_by_exclude_docs_is_no_warning(make_site):
    site = make_site(
        {"posts/a.md": fm("title: A"), "drafts/NOTE.MD": "notes"}, config={"exclude_docs": "drafts/\n"}, strict=True
    )
    assert site.warnings == []
