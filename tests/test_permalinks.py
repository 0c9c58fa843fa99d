"""Hugo's ``permalinks`` setting (``hugo_permalinks``): the URLs Hugo published posts, sections,
taxonomies and terms at keep answering. The expander's rules are Hugo 0.168's; the end-to-end
tests replay what real Hugo did with them (``tests/data/hugo_permalinks.json``, recorded by
``tests/hugo_reference/make_permalinks.py``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import build_site, follow, hugo_page_here
from mkdocs.config import base

from mkdocs_podcast_digest.config import PluginConfig
from mkdocs_podcast_digest.permalinks import Facts, PermalinkError, Permalinks, check, expand, go_format

TAIPEI = dt.timezone(dt.timedelta(hours=8))
LATE = dt.datetime(2024, 5, 31, 23, 30, tzinfo=TAIPEI)  # still May 31 where it was written


def test_date_tokens_read_the_date_where_it_was_written():
    facts = Facts(date=LATE)
    assert expand("/:year/:month/:day/", facts) == "/2024/05/31/"
    assert expand("/:monthname/:weekday/:weekdayname/:yearday/", facts) == "/may/5/friday/152/"


def test_go_date_layouts_are_tokens_too():
    assert expand("/:2006/:01/:02/", Facts(date=LATE)) == "/2024/05/31/"
    assert expand("/:06/:1/:2/:Jan/:January/:Mon/:Monday/", Facts(date=LATE)) == "/24/5/31/may/may/fri/friday/"
    assert go_format(LATE, "2006-01-02T15:04:05-07:00") == "2024-05-31T23:30:00+08:00"
    assert go_format(LATE, "_2006") == "_2024"  # Go: a literal '_' and the year
    assert go_format(LATE, "002") == "152"  # the day of the year


@pytest.mark.parametrize("day", [dt.date(2021, 1, 1) + dt.timedelta(days=n * 37) for n in range(40)])
def test_go_layouts_agree_with_strftime(day):
    when = dt.datetime(day.year, day.month, day.day, 7, 5, 9, tzinfo=dt.timezone.utc)
    assert go_format(when, "2006/01/02 Mon Jan 15:04:05") == when.strftime("%Y/%m/%d %a %b %H:%M:%S")
    assert go_format(when, "Monday, January 2") == f"{when:%A, %B} {when.day}"


def test_a_page_without_a_date_takes_gos_zero_time():
    assert expand("/:year/:month/:day/:slug/", Facts(title="A")) == "/1/01/01/a/"


def test_names_are_urlized_as_hugo_urlizes_them():
    facts = Facts(title="Hello, World! AI & You", filename="Mixed Case Name", base_name="Mixed Case Name")
    assert expand("/:title/", facts) == "/" + "hello-world-ai-you" + "/"
    assert expand("/:filename/:contentbasename/", facts) == "/mixed-case-name/mixed-case-name/"
    assert expand("/:slug/", Facts(title="記憶體頻寬 與 GPU")) == "/記憶體頻寬-與-gpu/"
    assert expand("/:slug/", Facts(title="T", slug="Custom Slug")) == "/custom-slug/"
    assert expand("/:slugorfilename/", Facts(title="T", filename="ep-1")) == "/ep-1/"


def test_sections_and_their_slices():
    facts = Facts(sections=("posts", "2025", "deep"), section_names=("Articles", "y2025", "Deep Dives"))
    assert expand("/:section/:sections/", facts) == "/posts/posts/2025/deep/"
    assert expand("/:sections[last]/:sections[1:]/:sections[:1]/:sections[0]/", facts) == "/deep/2025/deep/posts/posts/"
    assert expand("/x/:sections[9]/:sections[5:]/", facts) == "/x/"  # out of range: nothing (the // closes up)
    assert expand("/:sectionslug/:sectionslugs/", facts) == "/articles/articles/y2025/deep-dives/"


def test_a_configured_pattern_is_lower_cased_a_pages_own_url_is_not():
    """As Hugo 0.168 wrote them: `/Arch/:monthname/:slug/` at /arch/may/b-post/, a post's
    `url: /EP/:monthname/:filename/` at /EP/May/a/."""
    facts = Facts(title="B Post", filename="a", date=LATE)
    assert expand("/Arch/:monthname/:slug/", facts) == "/arch/may/b-post/"
    assert expand("/EP/:monthname/:filename/", facts, lower=False) == "/EP/May/a/"


def test_an_escaped_colon_is_no_token_and_is_left_out():
    assert expand(r"/ep\:x/:year/", Facts(date=LATE)) == "/epx/2024/"  # as Hugo 0.168 writes it


def test_unknown_tokens_are_refused_as_hugo_refuses_them():
    with pytest.raises(PermalinkError, match="':nonsense'"):
        check("/:nonsense/:slug/")
    with pytest.raises(PermalinkError, match="':Year'"):
        check("/:Year/")  # tokens are case-sensitive
    check(r"/\:nonsense/:slug/")  # escaped: no token


def test_the_flat_form_is_for_a_sections_pages_and_a_taxonomys_terms():
    rules = Permalinks({"posts": "/:year/:slug/", "tags": "/topics/:slug/"})
    assert rules.pattern("page", "/posts/a") == "/:year/:slug/"
    assert rules.pattern("page", "/posts/2025/a") == "/:year/:slug/"
    assert rules.pattern("section", "/posts") is None
    assert rules.pattern("term", "/tags/gpu") == "/topics/:slug/"
    assert rules.pattern("taxonomy", "/tags") is None
    assert rules.pattern("page", "/postscript/a") is None


def test_the_kind_form_and_the_nearer_section_first():
    rules = Permalinks(
        {"page": {"posts": "/a/:slug/", "posts/2025": "/b/:slug/"}, "section": {"posts": "/articles/"}}
    )
    assert rules.pattern("page", "/posts/2025/x") == "/b/:slug/"
    assert rules.pattern("page", "/posts/x") == "/a/:slug/"
    assert rules.pattern("section", "/posts") == "/articles/"
    assert rules.pattern("section", "/posts/2025") == "/articles/"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"posts": "/:nonsense/"}, "':nonsense'"),
        ({"foo": {"posts": "/x/"}}, "kind 'foo'"),
        ({"posts": 3}, "neither a pattern nor a mapping"),
        ("posts", "must be a mapping"),
        ({"page": {"posts": ["/x/"]}}, "not text"),
        ({"page": {"/": "https://elsewhere.example/:slug/"}}, "no path on the site"),
        ([{"pattern": "/x/:slug/", "target": {"kind": "[page"}}], "the target kind '[page' is not a glob"),
        ([{"pattern": "/x/:slug/", "target": {"path": "{posts"}}], "the target path '{posts' is not a glob"),
    ],
)
def test_a_bad_setting_is_a_config_error_naming_it(setting, message):
    config = PluginConfig()
    config.load_dict({"hugo_permalinks": setting})
    failed, _ = config.validate()
    assert failed and failed[0][0] == "hugo_permalinks"
    assert message in str(failed[0][1]) and isinstance(failed[0][1], base.ValidationError)


POSTS = {
    "index.md": "# Home\n",
    "posts/episode-one.md": """\
        ---
        title: Episode One Is Here
        date: 2024-05-31T23:30:00+08:00
        tags: [GPU, Machine Learning, 播客]
        ---
        Text.
        """,
    "posts/two.md": """\
        ---
        title: Two
        date: 2024-06-01
        url: /ep/:filename/
        tags: [GPU]
        ---
        Text.
        """,
    "posts/bundle/index.md": """\
        ---
        title: 記憶體頻寬 與 GPU
        slug: Memory Bandwidth
        date: 2023-01-02
        ---
        Text.
        """,
    "about.md": "---\ntitle: About Us\n---\n# About\n",
}


def test_every_url_the_patterns_gave_redirects_to_its_page(tmp_path):
    site = build_site(
        tmp_path,
        POSTS,
        {
            "plugins": [
                "search",
                {
                    "podcast-digest": {
                        "hugo_permalinks": {
                            "posts": "/:year/:month/:slug/",
                            "tags": "/topics/:slug/",
                            "section": {"posts": "/articles/"},
                            "taxonomy": {"tags": "/topics/"},
                            "page": {"/": "/pages/:filename/"},
                        }
                    }
                },
            ]
        },
    )
    assert site.warnings == []
    expected = {
        "/2024/05/episode-one-is-here/": "/posts/episode-one/",
        "/2023/01/memory-bandwidth/": "/posts/bundle/",
        "/ep/two/": "/posts/two/",  # the url's own tokens, filled in
        "/articles/": "/posts/",
        "/articles/page/1/": "/posts/",
        "/topics/": "/tags/",
        "/topics/gpu/": "/tags/gpu/",
        "/topics/gpu/page/1/": "/tags/gpu/",
        "/topics/machine-learning/": "/tags/machine-learning/",
        "/topics/播客/": "/tags/播客/",
        "/pages/about/": "/about/",
    }
    for old, new in expected.items():
        assert follow(site, old)[0] == new, old
    assert "<item>" in site.html("topics/gpu/index.xml")  # the term's feed, where Hugo wrote it


def test_without_the_setting_nothing_moves(tmp_path):
    site = build_site(tmp_path, POSTS, {})
    assert not (site.root / "site" / "2024").exists()
    assert follow(site, "/posts/episode-one/")[0] == "/posts/episode-one/"


# ---------------------------------------------------------------------------------------------
# Replayed: what real Hugo 0.168 published for the same content under each setting.

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_permalinks.json").read_text(encoding="utf-8"))
CASES = {name: case for name, case in RECORDED["cases"].items() if not case["error"]}


@pytest.fixture(scope="module", params=sorted(CASES))
def replayed(request, tmp_path_factory):
    case = CASES[request.param]
    config = {
        "posts_dir": ["posts", "episodes"],
        "hugo_pager_size": RECORDED["pager_size"],
        "hugo_permalinks": case["permalinks"],
    }
    site = build_site(
        tmp_path_factory.mktemp(request.param),
        dict(RECORDED["files"]),
        {"site_name": "Permalinks", "plugins": ["search", {"podcast-digest": config}]},
    )
    return request.param, case, site


def test_the_permalinks_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0"
    assert {"legacy_flat", "by_kind", "list", "home_kind", "root_flat"} <= set(CASES)
    errors = {name: case["error"]["stderr"] for name, case in RECORDED["cases"].items() if case["error"]}
    assert "permalink attribute not recognised" in errors["bad_token"]


def test_the_hugo_site_builds_unmodified_and_strict_under_each_setting(replayed):
    _, _, site = replayed
    assert site.warnings == []


def test_every_page_hugo_published_by_a_pattern_leads_to_its_page_here(replayed):
    name, case, site = replayed
    targets: dict[str, set[str]] = {}
    for entry in case["pages"]:
        targets.setdefault(entry["url"], set()).add(hugo_page_here(entry))
    for url, ours in sorted(targets.items()):
        # Where Hugo wrote two pages at one URL (a pattern without a distinct token), one of them.
        assert follow(site, url)[0] in ours, (name, url, ours)


def test_every_file_hugo_wrote_answers_here(replayed):
    name, case, site = replayed
    missing = [path for path in case["written"] if not site.exists(path.removesuffix("index.html"))]
    assert missing == [], name


def test_a_pattern_that_lands_on_a_page_of_the_site_is_a_warning_and_the_page_stays(make_site):
    docs = {
        "index.md": "# Home\n",
        "about.md": "# About us\n",
        "posts/about.md": "---\ntitle: About the show\ndate: 2024-01-01\n---\nx\n",
        "posts/other.md": "---\ntitle: Other\ndate: 2024-01-02\n---\nx\n",
    }
    plugins = ["search", {"podcast-digest": {"hugo_permalinks": {"posts": "/:filename/"}}}]
    site = make_site(docs, {"plugins": plugins})
    assert [w for w in site.warnings if "hugo_permalinks" in w] == [
        "mkdocs_podcast_digest: posts/about.md: had the Hugo URL /about/ (from hugo_permalinks), which is the page of 'about.md'; "
        "old links to it lead there, not here. Add an alias for the URL you want, or give the post a url."
    ]
    assert "About us" in site.html("about/")  # never replaced by a redirect
    assert follow(site, "/other/")[0] == "/posts/other/"


def test_a_url_at_the_sites_root_is_a_warning_that_names_where_it_came_from(make_site):
    """Hugo wrote a page whose URL is `/` over its home page: here the home page stays, and the
    warning says that, and blames the pattern (no line: it is in mkdocs.yml) or the post's url."""
    docs = {
        "index.md": "# Home\n",
        "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\nslug: aa\n---\nx\n",
        "episodes/b.md": "---\ntitle: B\ndate: 2024-01-02\nurl: /\n---\nx\n",
    }
    plugins = ["search", {"podcast-digest": {"posts_dir": ["posts", "episodes"], "hugo_permalinks": {"posts": "/"}}}]
    site = make_site(docs, {"plugins": plugins})
    assert sorted(w for w in site.warnings if "Hugo URL /" in w) == [
        "mkdocs_podcast_digest: episodes/b.md:4: had the Hugo URL / (from its url), the site's home page: old links "
        "to it lead to the home page here, not to this page. Give it a url of its own, or add an alias for the URL you want.",
        "mkdocs_podcast_digest: posts/a.md: had the Hugo URL / (from hugo_permalinks), the site's home page: old links "
        "to it lead to the home page here, not to this page. Give the pattern a part that differs from page to page "
        "(such as :slug), or add an alias for the URL you want.",
    ]
    assert "<h1" in site.html("") and "Home" in site.html("")  # the home page stays


def test_without_the_setting_a_terms_own_slug_and_hugos_home_pages_still_answer(tmp_path):
    """Hugo 0.168 published `tags/gpu/_index.md` with `slug: Graphics Cards` at /tags/graphics-cards/,
    and its home list (by default every regular page, `about.md` too) over 2 pages for 3 pages."""
    docs = {
        "index.md": "# Home\n",
        "about.md": "---\ntitle: About\n---\n# About\n",
        "tags/gpu/_index.md": "---\ntitle: GPU 顯示卡\nslug: Graphics Cards\n---\nAbout GPUs.\n",
        "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [GPU]\n---\nx\n",
        "posts/b.md": "---\ntitle: B\ndate: 2024-01-02\ntags: [GPU]\n---\nx\n",
    }
    site = build_site(tmp_path, docs, {"plugins": ["search", {"podcast-digest": {"hugo_pager_size": 2}}]})
    assert follow(site, "/tags/graphics-cards/")[0] == "/tags/gpu/"
    assert site.exists("page/2/")  # posts a, b and about.md: two of Hugo's pages


def test_the_path_is_cleaned_as_hugo_cleans_it():
    """What Hugo 0.168 wrote for these (checked with real Hugo): a page's title is one folder,
    a term's keeps its slashes; `+` reads as a space; what a path cannot hold is left out."""
    assert expand("/:year/:slug/", Facts(title="AI/ML Weekly", date=LATE)) == "/2024/ai-ml-weekly/"
    assert expand("/:year/:slug/", Facts(title="C++ Tips", date=LATE)) == "/2024/c-tips/"
    assert expand("/:year/:slug/", Facts(title="T", slug="q+a-session", date=LATE)) == "/2024/q-a-session/"
    assert expand("/topics/:slug/", Facts(title="AI/ML", term=True)) == "/topics/ai/ml/"
    assert expand("/topics/:slug/", Facts(title="C++", term=True)) == "/topics/c/"
    assert expand("/a b/./:slug?x=1", Facts(title="My Slug")) == "/a-b/my-slugx1/"


def test_jan_and_mon_before_a_small_letter_are_no_layout():
    with pytest.raises(PermalinkError, match="':Monkey'"):
        check("/:Monkey/")
    check("/:Monday/:January/")
