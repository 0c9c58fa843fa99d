"""Hugo's ``uglyURLs`` setting (``hugo_ugly_urls``): the files Hugo published pages and terms as
(``/posts/x.html``, ``/tags/x.html``) keep answering. The end-to-end tests replay what real Hugo
0.168 wrote for the same content (``tests/data/hugo_ugly_urls.json``, recorded by
``tests/hugo_reference/make_ugly_urls.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import build_site, follow, hugo_page_here
from mkdocs.config import base

from mkdocs_podcast_digest.config import PluginConfig
from mkdocs_podcast_digest.permalinks import PermalinkError, UglyURLs, uglify
from mkdocs_podcast_digest.urls import hugo_alias_path


def test_a_folder_url_becomes_a_file_and_the_home_page_stays():
    assert uglify("/posts/x/") == "/posts/x.html"
    assert uglify("/tags/播客/") == "/tags/播客.html"
    assert uglify("/") == "/"
    assert uglify("/file/page.html") == "/file/page.html"


def test_the_setting_for_every_section_or_by_section():
    assert UglyURLs(True)("posts") and UglyURLs(True)("")
    assert not UglyURLs(False)("posts") and not UglyURLs(None)
    by_section = UglyURLs({"Posts": True, "episodes": False})
    assert by_section("posts") and by_section("POSTS")  # Hugo lower-cases its config's keys
    assert not by_section("episodes") and not by_section("tags") and not by_section("")
    assert not UglyURLs({"posts": False})


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"posts": "yes"}, "gives the section 'posts' 'yes', where it takes true or false"),
        (3, "must be true, false or a mapping"),
        (["posts"], "must be true, false or a mapping"),
    ],
)
def test_a_bad_setting_is_a_config_error_naming_it(setting, message):
    with pytest.raises(PermalinkError, match=message):
        UglyURLs(setting)
    config = PluginConfig()
    config.load_dict({"hugo_ugly_urls": setting})
    errors, _ = config.validate()
    assert [name for name, _ in errors] == ["hugo_ugly_urls"]
    assert isinstance(errors[0][1], base.ValidationError)
    assert "Copy uglyURLs from your Hugo config" in str(errors[0][1])


def test_aliases_of_a_page_published_as_a_file_are_files():
    assert hugo_alias_path("/old/x/", "/posts/a.html", ugly=True) == "/old/x.html"
    assert hugo_alias_path("relative", "/posts/a.html", ugly=True) == "/posts/relative.html"
    assert hugo_alias_path("/old/legacy.html", "/posts/a.html", ugly=True) == "/old/legacy.html"
    assert hugo_alias_path("/old/x/", "/posts/a/") == "/old/x/"


# ---------------------------------------------------------------------------------------------
# Replayed: what real Hugo 0.168 wrote for the same content under each setting.

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_ugly_urls.json").read_text(encoding="utf-8"))
CASES = {name: case for name, case in RECORDED["cases"].items() if not case["error"]}


@pytest.fixture(scope="module", params=sorted(CASES))
def replayed(request, tmp_path_factory):
    case = CASES[request.param]
    setting = case["setting"]
    config = {
        "posts_dir": ["posts", "episodes"],
        "hugo_pager_size": RECORDED["pager_size"],
        "hugo_ugly_urls": setting.get("uglyURLs", False),
        "hugo_permalinks": setting.get("permalinks", {}),
    }
    files = dict(RECORDED["files"])
    files["posts/bundle-post/cover.png"] = files["posts/bundle-post/cover.png"].encode()
    site = build_site(
        tmp_path_factory.mktemp(request.param),
        files,
        {"site_name": "Ugly URLs", "plugins": ["search", {"podcast-digest": config}]},
    )
    return request.param, case, site


def test_the_ugly_urls_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0"
    assert {"off", "global", "per_section", "per_section_tags", "global_with_permalinks"} <= set(CASES)
    pages = {e.get("file"): e["url"] for e in RECORDED["cases"]["global"]["pages"] if e["kind"] == "page"}
    assert pages["posts/episode-one.md"] == "/posts/episode-one.html"
    assert pages["posts/fixed-url.md"] == "/fixed/path/"  # a url of its own is kept


def test_the_hugo_site_builds_unmodified_and_strict_under_each_setting(replayed):
    _, _, site = replayed
    assert site.warnings == []


def test_every_page_hugo_published_leads_to_its_page_here(replayed):
    name, case, site = replayed
    targets: dict[str, set[str]] = {}
    for entry in case["pages"]:
        targets.setdefault(entry["url"], set()).add(hugo_page_here(entry))
    for url, ours in sorted(targets.items()):
        assert follow(site, url.removesuffix("index.html"))[0] in ours, (name, url, ours)


def test_every_file_hugo_wrote_answers_here(replayed):
    name, case, site = replayed
    missing = [path for path in case["written"] + case["resources"] if not site.exists(path.removesuffix("index.html"))]
    assert missing == [], name


def test_a_terms_pages_lead_where_hugos_did(replayed):
    """`tags/播客/page/2.html` held Hugo's posts 3 and 4 of the term: here, its page that lists them."""
    name, case, site = replayed
    pagers = [p for p in case["written"] if "/page/" in p and p.endswith(".html") and not p.endswith("/index.html")]
    if name.startswith("global") or "tags" in case["setting"].get("uglyURLs", {}):
        assert pagers  # the case has them
    for path in pagers:
        term = path.split("/page/")[0]
        ours = follow(site, "/" + path)[0]
        assert ours.startswith(("/tags/", "/people/", "/categories/")), (name, path, ours)
        assert ours.rstrip("/").rsplit("/", 1)[-1] in {term.rsplit("/", 1)[-1], "gpu"}, (name, path, ours)


def test_a_terms_feed_answers_where_hugo_wrote_it(replayed):
    name, case, site = replayed
    for path in case["written"]:
        if path.endswith("/index.xml") and path.count("/") == 2:  # a term's feed
            assert "<rss" in site.html(path), (name, path)


def test_a_page_of_the_writers_is_published_as_a_file_too(tmp_path):
    docs = {
        "index.md": "# Home\n",
        "about.md": "# About us\n",  # no front matter at all
        "guide/setup.md": "---\ntitle: Setup\naliases: [/old-setup/]\n---\n# Setup\n",
        "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [GPU]\naliases: [/old/a/]\n---\nx\n",
    }
    site = build_site(tmp_path, docs, {"plugins": ["search", {"podcast-digest": {"hugo_ugly_urls": True}}]})
    assert site.warnings == []
    expected = {
        "/about.html": "/about/",
        "/guide/setup.html": "/guide/setup/",
        "/old-setup.html": "/guide/setup/",
        "/posts/a.html": "/posts/a/",
        "/old/a.html": "/posts/a/",
        "/tags/gpu.html": "/tags/gpu/",
    }
    for old, new in expected.items():
        assert follow(site, old)[0] == new, old
    assert "# Home" not in site.html("index.html") and "Home" in site.html("index.html")  # never a redirect
    assert not site.exists("index.html.html")


def test_by_section_only_the_sections_named(tmp_path):
    docs = {
        "about.md": "# About us\n",
        "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [GPU]\n---\nx\n",
        "episodes/b.md": "---\ntitle: B\ndate: 2024-01-02\n---\nx\n",
    }
    config = {"posts_dir": ["posts", "episodes"], "hugo_ugly_urls": {"episodes": True}}
    site = build_site(tmp_path, docs, {"plugins": ["search", {"podcast-digest": config}]})
    assert follow(site, "/episodes/b.html")[0] == "/episodes/b/"
    for never in ("posts/a.html", "about.html", "tags/gpu.html"):
        assert not site.exists(never), never


def test_with_file_urls_in_mkdocs_too_the_page_is_hugos_file(tmp_path):
    """`use_directory_urls: false`: MkDocs writes `posts/a.html` itself, the very file Hugo wrote."""
    docs = {"index.md": "# Home\n", "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nThe post.\n"}
    site = build_site(
        tmp_path,
        docs,
        {"use_directory_urls": False, "plugins": ["search", {"podcast-digest": {"hugo_ugly_urls": True}}]},
    )
    assert site.warnings == []
    assert "The post." in site.html("posts/a.html")
