"""Hugo's front-matter ``cascade`` reaches the pages it reached in Hugo, with the keys Hugo gave
them: checked against what real Hugo 0.168.0 made of a fixture (``tests/data/hugo_cascade.json``,
recorded by ``tests/hugo_reference/make_cascade.py``)."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest
from conftest import build_site, follow
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.cascade import Cascades, entries, glob, page_path
from mkdocs_podcast_digest.posts import load_front_matter, parse_post, split_front_matter

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_cascade.json").read_text(encoding="utf-8"))
FILES: dict[str, str] = RECORDED["files"]
_TITLES = re.compile(r'class="pd-listing__title"[^>]*>([^<]*)<')
#: The keys the fixture's cascades set that are no taxonomy (Hugo's page params).
PARAMS = ("banner", "glob", "star", "brace", "kindpage", "legacy", "env")


def _front(text: str) -> dict:
    kind, fm, _, _, line = split_front_matter(text)
    return load_front_matter(kind, fm, line)[0] if kind else {}


def _cascades(environment: str = "production") -> Cascades:
    found = {}
    for path, text in FILES.items():
        if posixpath.basename(path) == "_index.md":
            value = next((v for k, v in _front(text).items() if k.lower() == "cascade"), None)
            if value is not None:
                found[posixpath.dirname(path)] = entries(value)[0]
    return Cascades(found, environment)


def _params(path: str, cascades: Cascades) -> dict:
    own = {str(k).lower(): v for k, v in _front(FILES[path]).items()}
    return {**cascades.inherited(path), **own}


def test_the_cascade_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0"
    assert RECORDED["rules"]["nearer_cascade_beats_farther"] and not RECORDED["rules"]["lists_merged"]


@pytest.mark.parametrize("group", ["regular_pages", "sections"])
def test_every_page_gets_the_keys_hugo_gave_it(group):
    """Own keys (in any case) over the nearest cascade's, key by key; targets by path glob,
    kind and environment; the old ``_target`` as ``target``; a section's cascade on itself."""
    cascades = _cascades()
    checked = 0
    for path, hugo in RECORDED[group].items():
        params = _params(path, cascades)
        for key in (*PARAMS, "tags", "categories", "series"):
            assert params.get(key) == hugo[key], (path, key, params.get(key), hugo[key])
            checked += 1
    assert checked > 50


def test_environment_development_is_mkdocs_serve():
    assert _params("posts/no-tags.md", _cascades("development"))["env"] == "development"
    assert RECORDED["development"]  # what Hugo's --environment development gave, recorded


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/posts/*", "/posts/bundle", True),
        ("/posts/*", "/posts/2025/x", False),
        ("/posts/2025/**", "/posts/2025/x/y", True),
        ("/posts/2025/**", "/posts/2025", False),
        ("{/posts,/posts/**}", "/posts", True),
        ("{/posts,/posts/**}", "/postscript", False),
        ("/posts/[a-c]*", "/posts/bundle", True),
        ("/posts/[!a-c]*", "/posts/bundle", False),
        ("/posts/?ase", "/posts/case", True),
        ("/posts/{a,{b,c}}*", "/posts/case", True),
        ("/po(sts)/*", "/po(sts)/x", True),  # regex characters are literal
    ],
)
def test_hugo_globs(pattern, path, matches):
    assert (glob(pattern).fullmatch(path) is not None) is matches


def test_a_pages_path_as_hugo_targets_it():
    assert page_path("posts/x.md") == "/posts/x"
    assert page_path("posts/Bundle/index.md") == "/posts/bundle"
    assert page_path("posts/2025/_index.md") == "/posts/2025"
    assert page_path("_index.md") == "/"


def test_a_cascade_that_cannot_be_read_is_named():
    found, problems = entries(["not a mapping", {"tags": ["x"], "target": "posts"}, {"tags": ["y"]}])
    assert [dict(e.values) for e in found] == [{"tags": ["y"]}]
    assert len(problems) == 2 and "not a mapping" in problems[0] and "target" in problems[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The recorded Hugo site's content, unmodified, built once (strict) for the module's tests."""
    return build_site(tmp_path_factory.mktemp("cascade"), FILES, {"site_name": "Cascade", "plugins": ["podcast-digest"]})


def test_the_cascade_site_builds_strict(site):
    assert site.warnings == []


def test_term_pages_list_the_pages_hugo_listed(site):
    """Tags, categories and series handed down by cascades: each term page here lists the pages
    Hugo's did, sections and the home page included (its taxonomy and term pages aside: they
    are no entries here)."""
    titles = {path: page["title"] for group in ("regular_pages", "sections") for path, page in RECORDED[group].items()}
    for url, term in RECORDED["terms"].items():
        hugo = sorted(titles[e] for e in term["entries"] if e in titles)
        ours: list[str] = []
        page = url.lstrip("/")
        while page:
            text = site.html(page)
            ours += [html.unescape(t).strip() for t in _TITLES.findall(text)]
            older = re.search(r'class="pd-pager__older" rel="next" href="([^"]+)"', text)
            page = posixpath.normpath(posixpath.join(page, older.group(1))) + "/" if older else ""
        assert sorted(ours) == hugo, url


def test_cascaded_drafts_and_render_never_are_not_written(site):
    for path in RECORDED["not_written"]:
        folder, name = posixpath.split(path)
        stem = posixpath.splitext(name)[0]
        url = folder if stem in ("index", "_index") else posixpath.join(folder, stem)
        assert not site.exists(url + "/"), path
    assert site.exists("posts/drafts/not-secret/")  # its own `draft: false` wins


def test_cascaded_slug_and_aliases_answer(site):
    got = RECORDED["rules"]["cascaded_title_date_slug_aliases"]["got"]
    assert site.exists(got["path"].lstrip("/"))  # Hugo's URL of the page, by the cascaded slug
    assert site.exists("cascaded-alias/")
    assert f"<title>{got['title']} - Cascade</title>" in site.html("posts/meta/plain/")


def test_serve_takes_the_development_entries(make_site):
    docs = {
        "posts/_index.md": "---\ncascade:\n  - tags: [dev-only]\n    target: {environment: development}\n---\n",
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
    }
    assert make_site(docs, command="serve").exists("tags/dev-only/")
    assert not make_site(docs).exists("tags/dev-only/")


def test_a_home_cascade_reaches_pages_without_front_matter(make_site):
    docs = {
        "_index.md": "---\ntitle: Home\ncascade:\n  categories: [全站]\n---\n",
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
        "about.md": "# About\n\nNo front matter at all.\n",
    }
    site = make_site(docs, strict=True)
    # (the home page too: a cascade is its own page's as well, as in Hugo)
    assert sorted(_TITLES.findall(site.html("categories/全站/"))) == ["A", "About", "Home"]


def test_a_bad_cascade_is_a_warning_naming_the_file(make_site):
    docs = {
        "posts/_index.md": "---\ncascade: [just text]\n---\n",
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
    }
    site = make_site(docs)
    assert any("posts/_index.md: 'cascade' should be a mapping" in w for w in site.warnings), site.warnings


def test_a_section_with_tags_is_an_entry_of_its_terms(make_site):
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
        "posts/2025/_index.md": "---\ntags: [年度]\n---\nThe year.\n",
        "posts/2025/b.md": "---\ntitle: B\ndate: 2025-02-01\ntags: [年度]\n---\nx\n",
        "tags/年度/_index.md": "---\ntitle: 年度\ntags: [自己]\n---\nA term's own page: no entry.\n",
        "posts/drafts/_index.md": "---\ntitle: D\ndraft: true\ntags: [草稿]\n---\n",
    }
    site = make_site(docs, strict=True)
    shown = re.findall(r'class="pd-listing__title" href="([^"]+)">([^<]*)<', site.html("tags/年度/"))
    # named after its folder, dated by its newest page (B's): the tie goes by title, as in Hugo
    assert shown == [("../../posts/2025/", "2025"), ("../../posts/2025/b/", "B")]
    assert not site.exists("tags/自己/") and not site.exists("tags/草稿/")


def test_a_bad_value_in_a_cascade_is_one_warning_on_its_index_md(make_site):
    docs = {
        "posts/_index.md": "---\ncascade:\n  draft: yes\n  tags: false\n  series: [好的]\n---\n",
        **{f"posts/{n}.md": f"---\ntitle: {n}\ndate: 2025-01-0{i + 1}\n---\nx\n" for i, n in enumerate("abc")},
    }
    site = make_site(docs)
    mine = [w for w in site.warnings if "cascade" in w]
    assert len(mine) == 2 and all("posts/_index.md:" in w and "not handed down" in w for w in mine), site.warnings
    assert not any(f"posts/{n}.md" in w for w in site.warnings for n in "abc")
    assert site.exists("posts/a/") and site.exists("series/好的/")  # published; the good key went down


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("{kind: pages}", "kind 'pages', which is none of"),
        ("{path: '/posts/[ab'}", "no glob"),
        ("{path: '{/a,/b'}", "no glob"),
        ("{lang: en}", "'lang'"),
        ("{path: 5}", "not text"),
        ("{paths: /posts/**}", "none of path, kind and environment"),
    ],
)
def test_a_target_hugo_would_stop_on_is_a_warning_and_matches_nothing(make_site, target, why):
    docs = {
        "posts/_index.md": f"---\ncascade:\n  - tags: [wrong]\n    target: {target}\n---\n",
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
    }
    site = make_site(docs)
    assert any("posts/_index.md" in w and why in w and "entry was ignored" in w for w in site.warnings), site.warnings
    assert not site.exists("tags/wrong/")


def test_target_paths_are_hugos_paths_spaces_as_hyphens():
    found, _ = entries([{"tags": ["spaced"], "target": {"path": "/posts/my-show/**"}},
                        {"tags": ["raw"], "target": {"path": "/posts/My Show/**"}}])
    assert Cascades({"posts": found}).inherited("posts/My Show/Ep One.md") == {"tags": ["spaced"]}


def test_a_posts_own_cascade_is_its_own_too(make_site):
    """Hugo applies a regular page's (or leaf bundle's) `cascade` to the page itself."""
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\ncascade: {tags: [自己級聯]}\n---\nx\n",
        "posts/b/index.md": "---\ntitle: B\ndate: 2025-01-02\ncascade: [{tags: [束], target: {kind: page}}]\n---\nx\n",
        "posts/c.md": "---\ntitle: C\ndate: 2025-01-03\ntags: [own]\ncascade: {tags: [not-mine]}\n---\nx\n",
    }
    site = make_site(docs, strict=True)
    assert _TITLES.findall(site.html("tags/自己級聯/")) == ["A"]
    assert _TITLES.findall(site.html("tags/束/")) == ["B"]
    assert site.exists("tags/own/") and not site.exists("tags/not-mine/")  # its own key wins


def test_a_cascaded_url_with_hugos_permalink_tokens_is_filled_in_for_each_page(make_site):
    docs = {
        "posts/_index.md": "---\ncascade:\n  - url: /ep/:filename/\n    target: {kind: page}\n---\n",
        "posts/first.md": "---\ntitle: First\ndate: 2025-01-01\naliases: [/old-first/]\n---\nx\n",
        "posts/second.md": "---\ntitle: Second\ndate: 2025-01-02\n---\nx\n",
    }
    site = make_site(docs, strict=True)
    assert follow(site, "/ep/first/")[0] == "/posts/first/"
    assert follow(site, "/ep/second/")[0] == "/posts/second/"
    assert not site.exists("ep/:filename/")
    assert site.exists("posts/first/") and site.exists("old-first/")  # its page, and its alias


def test_a_sections_slug_moves_it_and_its_pages_as_in_hugo(make_site):
    """Hugo published a section with a `slug` (its own, or a cascade's), and every page in it,
    under the slug: those URLs lead to the pages here."""
    docs = {
        "posts/2025/_index.md": "---\ntitle: 2025\nslug: y2025\n---\n",
        "posts/2025/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nx\n",
        "posts/2025/b/index.md": "---\ntitle: B\ndate: 2025-01-02\n---\nx\n",
        "posts/_index.md": "---\ncascade: [{slug: season-one, target: {path: /posts/s1}}]\n---\n",
        "posts/s1/_index.md": "---\ntitle: S1\n---\n",
        "posts/s1/deep/d.md": "---\ntitle: D\ndate: 2025-01-03\n---\nx\n",
    }
    site = make_site(docs, strict=True)
    for hugo, here in [("/posts/y2025/", "/posts/2025/"), ("/posts/y2025/a/", "/posts/2025/a/"),
                       ("/posts/y2025/b/", "/posts/2025/b/"), ("/posts/season-one/", "/posts/s1/"),
                       ("/posts/season-one/deep/d/", "/posts/s1/deep/d/")]:
        assert site.exists(hugo.lstrip("/")), hugo
        text = site.html(hugo.lstrip("/"))
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text).group(1)
        assert posixpath.normpath(posixpath.join(hugo, target)) + "/" == here, (hugo, target)


_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12)
_value = st.recursive(_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
_keys = st.sampled_from(["tags", "Tags", "draft", "build", "slug", "url", "aliases", "date", "publishDate",
                         "series", "series_order", "title", "target", "_target", "TARGET", "x"]) | st.text(max_size=6) | st.integers()
_target = st.dictionaries(st.sampled_from(["path", "kind", "environment", "lang", "Path", "x"]),
                          _scalar | st.text(alphabet="/*?[]{},!abc-", max_size=12), max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(_value, st.dictionaries(_keys, _value | _target, max_size=5),
              st.lists(st.dictionaries(_keys, _value | _target, max_size=4), max_size=3)),
    st.sampled_from(["posts/a.md", "posts/x/index.md", "posts/2025/_index.md", "_index.md", "About Us.md"]),
)
def test_any_cascade_is_read_without_raising(value, src_uri):
    """Whatever a front matter's `cascade` holds, reading it and handing it down never raises,
    and a post read with what it hands down never does either."""
    found, problems = entries(value)
    assert all(isinstance(p, str) for p in problems)
    cascades = Cascades({"posts": found, "": found})
    inherited = cascades.inherited(src_uri)
    own = cascades.own(src_uri, found, inherited)
    post = parse_post(src_uri, "---\ntitle: t\n---\nbody\n", ("tags", "series"), own)
    assert post.title
