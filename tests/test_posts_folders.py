"""Posts in several folders (``posts_dir: [posts, episodes]``, Hugo's ``mainSections``): every
URL Hugo wrote for such a site answers, checked against what real Hugo 0.168.0 made of one
(``tests/data/hugo_sections.json``, recorded by ``tests/hugo_reference/make_sections.py``);
each folder has its own index and feed, and the terms, the home page and the site's feed hold
the posts of all of them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import build_site, follow
from mkdocs.config import base

from mkdocs_podcast_digest.config import PluginConfig

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_sections.json").read_text(encoding="utf-8"))
DOCS = dict(RECORDED["files"])
FOLDERS = {"plugins": ["search", {"podcast-digest": {"posts_dir": ["posts", "episodes"], "hugo_pager_size": 3}}]}
_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
_TITLES = re.compile(r'class="pd-listing__title"[^>]*>([^<]*)<')
_ITEM_TITLES = re.compile(r"<item>\s*<title>([^<]*)</title>")


def _titles(text: str) -> list[str]:
    return [html.unescape(t).strip() for t in _TITLES.findall(text)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The recorded Hugo site's content, unmodified, built once (strict) for the module's tests."""
    return build_site(tmp_path_factory.mktemp("folders"), DOCS, {"site_name": "Sections", **FOLDERS})


def test_the_sections_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0"
    assert RECORDED["main_sections"] == ["posts", "episodes"]
    assert RECORDED["episodes_section_title"] == "Episodes"
    assert RECORDED["episode_only_tag"]["exists"] and RECORDED["episode_only_person"]["exists"]


def test_the_hugo_site_builds_unmodified_and_strict(site):
    assert site.warnings == []


def test_every_page_hugo_wrote_answers(site):
    """Posts of both folders, the slug'd episode, both sections and the subsection, the terms only
    episodes use, the tag only ``about.md`` has, and each list's ``page/N/``: a page here or a
    redirect to the page with the same posts."""
    for url, hugo in RECORDED["html"].items():
        assert site.exists(unquote(url).lstrip("/")), url
        reached, text = follow(site, url)
        if "alias" in hugo:
            assert reached == follow(site, hugo["alias"])[0], url
        elif hugo["kind"] == "page":
            assert f"<title>{html.escape(hugo['title'], quote=False)} - Sections</title>" in text, url
        elif hugo["kind"] in ("section", "term") and hugo.get("page", 1) > 1 and reached != url:
            first = hugo["entries"][0]["title"]
            if not url.startswith("/series/"):  # (a series is in reading order here)
                assert first in _titles(text), (url, reached)


def test_each_folder_has_its_own_index_of_its_own_posts(site):
    for folder in ("posts", "episodes"):
        ours = set()
        url = f"/{folder}/"
        while url:
            text = site.html(url.lstrip("/"))
            ours |= set(_titles(text))
            older = re.search(r'class="pd-pager__older" rel="next" href="([^"]+)"', text)
            url = urlsplit(urljoin("https://x" + url, older.group(1))).path if older else ""
        expected = {
            page["title"]
            for path, page in RECORDED["html"].items()
            if page.get("kind") == "page" and page.get("section") == folder
        }
        assert ours == expected, folder  # (here a folder's index also lists its subsections' posts)
    assert ">Episodes</h1>" in site.html("episodes/")  # the title Hugo gave the folder
    assert ">文章</h1>" in site.html("posts/")  # its _index.md's


def test_the_terms_hold_the_posts_of_every_folder(site):
    for key in ("episode_only_tag", "episode_only_person", "about_tag"):
        reached, _ = follow(site, RECORDED[key]["path"])
        shown: set[str] = set()
        url = reached
        while url:
            text = site.html(unquote(url).lstrip("/"))
            shown |= set(_titles(text))
            older = re.search(r'class="pd-pager__older" rel="next" href="([^"]+)"', text)
            url = urlsplit(urljoin("https://x" + url, older.group(1))).path if older else ""
        assert shown == set(RECORDED[key]["titles"]), key


def test_feeds_at_hugos_paths_with_hugos_posts(site):
    for url, items in RECORDED["feeds"].items():
        assert site.exists(unquote(url).lstrip("/") + "index.xml"), url
        ours = {html.unescape(t) for t in _ITEM_TITLES.findall(site.html(unquote(url).lstrip("/") + "index.xml"))}
        hugo = {item["title"] for item in items}
        if url == "/":  # Hugo's site feed had about.md too: a page, no post, here
            hugo.discard(RECORDED["html"]["/about/"]["title"])
        assert hugo <= ours, (url, hugo - ours)
    posts = {html.unescape(t) for t in _ITEM_TITLES.findall(site.html("posts/index.xml"))}
    assert not any(t.startswith("EP") for t in posts)  # a folder's feed has its own posts only


def test_home_page_lists_the_newest_of_all_folders_and_links_each_index(make_site):
    docs = {
        "posts/a.md": "---\ntitle: Post A\ndate: 2025-01-01\n---\nA.\n",
        "posts/b.md": "---\ntitle: Post B\ndate: 2025-03-01\n---\nB.\n",
        "episodes/e.md": "---\ntitle: Episode E\ndate: 2025-02-01\n---\nE.\n",
    }
    plugin = {"posts_dir": ["posts", "episodes"], "page_size": 2, "hugo_pager_size": 1}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    home = site.html("")
    assert _titles(home) == ["Post B", "Episode E"]
    indexes = home.split('class="pd-pager__indexes"')[1].split("</span>\n")[0]
    links = re.findall(r'<a href="([^"]+)">([^<]*)<', indexes)
    assert [(href, text.strip()) for href, text in links] == [("posts/", "Posts"), ("episodes/", "Episodes")]
    assert 'aria-label="Posts"' in home
    # Hugo's page 2 of the home page held posts of both folders: no list here does.
    assert 'url=../../"' in site.html("page/2/")


def test_one_folder_still_links_its_index_from_the_home_page(make_site):
    docs = {f"posts/{n}.md": f"---\ntitle: P{n}\ndate: 2025-01-0{n}\n---\nx\n" for n in range(1, 4)}
    site = make_site(docs, config={"plugins": [{"podcast-digest": {"page_size": 2}}]})
    assert re.search(r'class="pd-pager__older" rel="next" href="posts/"', site.html(""))


def test_posts_in_nav_stay_under_their_own_folder(make_site):
    docs = {
        "posts/a.md": "---\ntitle: Post A\ndate: 2025-01-01\n---\nA.\n",
        "episodes/e.md": "---\ntitle: Episode E\ndate: 2025-02-01\n---\nE.\n",
        "episodes/f.md": "---\ntitle: Episode F\ndate: 2025-03-01\n---\nF.\n",
    }
    plugin = {"posts_dir": ["posts", "episodes"], "posts_in_nav": True, "posts_index": False}
    site = make_site(docs, config={"theme": "mkdocs", "plugins": [{"podcast-digest": plugin}]})
    page = site.html("posts/a/")
    shown = [m.group(1) or m.group(2) for m in re.finditer(r'dropdown-toggle[^>]*>([^<]+)</a>|class="dropdown-item[^>]*>([^<]+)<', page)]
    # each folder's posts under its own heading, newest first (not one list of all, by date)
    assert shown == ["Episodes", "Episode F", "Episode E", "Posts", "Post A"], shown


def test_a_folder_named_in_labels_or_its_index_md(make_site):
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nA.\n",
        "episodes/e.md": "---\ntitle: E\ndate: 2025-02-01\n---\nE.\n",
        "shows/_index.md": "---\ntitle: 節目表\n---\nAll the shows.\n",
        "shows/s.md": "---\ntitle: S\ndate: 2025-03-01\n---\nS.\n",
    }
    plugin = {"posts_dir": ["posts", "episodes", "shows"], "labels": {"episodes": "單集"}}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    assert ">單集</h1>" in site.html("episodes/")
    shows = site.html("shows/")
    assert ">節目表</h1>" in shows and "All the shows." in shows and _titles(shows) == ["S"]
    assert "<title>單集 – Test</title>" in site.html("episodes/index.xml")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "at least one folder"),
        (["posts", "posts/"], "lists 'posts' and 'posts'; list it once"),
        (["blog", "blog/episodes"], "a folder of posts cannot hold another"),
        (["posts", "../x"], "(outside docs_dir)"),
        (["posts", "."], "docs_dir itself"),
        (["posts", None], "got None"),
        (["posts", 1], "in quotes: '1'"),
        (["posts", "Posts"], "differ only in case"),
    ],
)
def test_bad_folder_lists_are_config_errors(value, message):
    config = PluginConfig()
    config.load_dict({"posts_dir": value})
    errors, _ = config.validate()
    assert errors and message in str(errors[0][1]), errors


def test_a_taxonomy_in_any_posts_folder_is_a_config_error():
    config = PluginConfig()
    config.load_dict({"posts_dir": ["posts", "episodes"], "taxonomies": {"tags": "episodes"}})
    errors, _ = config.validate()
    assert errors and "posts_dir 'episodes'" in str(errors[0][1]), errors
    assert isinstance(errors[0][1], base.ValidationError)


def test_a_folder_as_text_is_a_list_of_one():
    config = PluginConfig()
    config.load_dict({"posts_dir": "./blog/"})
    assert config.validate()[0] == []
    assert config.posts_dir == ["blog"]


def test_other_pages_with_terms_are_on_their_terms_pages_only(make_site):
    """Hugo listed every page with a tag on the tag's page: ``about.md`` too. Here such a page is
    an entry of its terms' pages and feeds, and nothing else a post is."""
    docs = {
        "posts/a.md": "---\ntitle: Post A\ndate: 2025-01-01\ntags: [共同]\n---\nA.\n",
        "posts/b.md": "---\ntitle: Post B\ndate: 2025-02-01\ntags: [共同]\n---\nB.\n",
        "about.md": "---\ntitle: 關於本站\ntags: [關於, 共同]\n---\nAbout us.\n",
        "guide/draft.md": "---\ntitle: Draft page\ndraft: true\ntags: [草稿]\n---\nx\n",
        "guide/hidden.md": "---\ntitle: Hidden\nbuild: {list: never}\ntags: [隱藏]\n---\nx\n",
        "tags/共同.md": "---\ntitle: 共同\ntags: [自己]\n---\nThe term's own page.\n",
    }
    site = make_site(docs, strict=True)
    assert site.warnings == []
    assert _titles(site.html("tags/關於/")) == ["關於本站"]
    assert _titles(site.html("tags/共同/")) == ["Post B", "Post A", "關於本站"]  # undated: last, as Hugo
    assert "<title>關於本站</title>" in site.html("tags/關於/index.xml")
    assert _titles(site.html("posts/")) == ["Post B", "Post A"] and "關於本站" not in site.html("index.xml")
    related = site.html("posts/a/").split('class="pd-related"')[1].split("</nav>")[0]
    assert "Post B" in related and "關於本站" not in related  # no related "post"
    assert not site.exists("tags/草稿/") and not site.exists("tags/隱藏/") and not site.exists("tags/自己/")


def test_each_folder_is_named_by_its_index_or_after_the_folder(make_site):
    """The first folder is no "Posts" unless it is the only one (or named so); an index page's
    title names its folder everywhere: its page, the home page's link, its feed."""
    docs = {
        **{f"episodes/e{i}.md": f"---\ntitle: E{i}\ndate: 2025-01-1{i}\n---\nx\n" for i in range(6)},
        **{f"posts/p{i}.md": f"---\ntitle: P{i}\ndate: 2025-02-1{i}\n---\nx\n" for i in range(6)},
        "notes/_index.md": "---\ntitle: 筆記\n---\n",
        "notes/n.md": "---\ntitle: N\ndate: 2024-01-01\n---\nx\n",
    }
    plugin = {"posts_dir": ["episodes", "posts", "notes"]}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    indexes = site.html("").split('class="pd-pager__indexes"')[1].split("</span>\n")[0]
    assert [t.strip() for t in re.findall(r'<a href="[^"]+">([^<]*)<', indexes)] == ["Episodes", "Posts", "筆記"]
    assert "<title>Episodes – Test</title>" in site.html("episodes/index.xml")
    assert "<title>Posts – Test</title>" in site.html("posts/index.xml")
    assert "<title>筆記 – Test</title>" in site.html("notes/index.xml")


def test_folders_named_with_capitals_or_spaces_keep_hugos_urls(make_site):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "Episodes/e.md": "---\ntitle: E\ndate: 2025-01-02\n---\nx\n",
        "my shows/s.md": "---\ntitle: S\ndate: 2025-01-03\n---\nx\n",
    }
    plugin = {"posts_dir": ["posts", "Episodes", "my shows"]}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    for hugo, here in [("episodes/e/", "/Episodes/e/"), ("my-shows/s/", "/my shows/s/"),
                       ("episodes/", "/Episodes/"), ("my-shows/", "/my shows/")]:
        assert follow(site, "/" + hugo)[0] == here, hugo
    assert "<title>E</title>" in site.html("episodes/index.xml")  # Hugo's feed URL too


def test_a_redirect_never_overwrites_a_page_where_the_file_system_folds_case(make_site, monkeypatch):
    """On macOS and Windows, Hugo's ``episodes/e/`` is the folder of ``Episodes/e/``: a redirect
    there would replace the page with a redirect to itself."""
    import mkdocs_podcast_digest.digest as digest

    monkeypatch.setattr(digest, "folds_case", lambda folder: True)
    docs = {"posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
            "Episodes/e.md": "---\ntitle: E\ndate: 2025-01-02\n---\nx\n"}
    plugin = {"posts_dir": ["posts", "Episodes"]}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    assert not site.exists("episodes/e/") and not site.exists("episodes/") and not site.exists("episodes/index.xml")
    assert "<h1" in site.html("Episodes/e/") and "refresh" not in site.html("Episodes/e/")


def test_folds_case_asks_the_file_system_and_leaves_nothing(tmp_path):
    from mkdocs_podcast_digest.digest import folds_case

    (tmp_path / "probe").touch()
    sensitive = not (tmp_path / "PROBE").exists()
    assert folds_case(str(tmp_path / "site")) is (not sensitive)
    assert list((tmp_path / "site").iterdir()) == []


def test_a_missing_folder_of_several_is_a_warning(make_site):
    docs = {"posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n"}
    site = make_site(docs, config={"plugins": [{"podcast-digest": {"posts_dir": ["posts", "episdoes"]}}]})
    assert any("posts_dir lists 'episdoes', which is no folder" in w for w in site.warnings), site.warnings
    assert not site.exists("episdoes/") and not site.exists("episdoes/index.xml")


def test_any_index_md_is_its_folders_page_as_in_hugo(make_site):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "episodes/_index.md": "---\ntitle: 單集\n---\nAll episodes.\n",
        "episodes/e.md": "---\ntitle: E\ndate: 2025-01-02\n---\nx\n",
        "guides/_index.md": "---\ntitle: Guides\n---\nGuides here.\n",
        "guides/draft/_index.md": "---\ntitle: D\ndraft: true\n---\nx\n",
    }
    plugin = {"posts_dir": ["posts", "episodes"], "posts_index": False}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    assert "All episodes." in site.html("episodes/") and "Guides here." in site.html("guides/")
    assert not site.exists("episodes/_index/") and not site.exists("guides/_index/")
    assert not site.exists("guides/draft/") and not site.exists("guides/draft/_index/")
    assert "<title>單集 – Test</title>" in site.html("episodes/index.xml")


def test_without_indexes_in_nav_the_folders_stay_as_mkdocs_orders_them(make_site):
    docs = {
        "about.md": "# About\n",
        "posts/a.md": "---\ntitle: Post A\ndate: 2025-01-01\n---\nA.\n",
        "episodes/_index.md": "---\ntitle: 單集\n---\n",
        "episodes/e.md": "---\ntitle: Episode E\ndate: 2025-02-01\n---\nE.\n",
        "notes/n.md": "---\ntitle: Note N\ndate: 2025-03-01\n---\nN.\n",
    }
    plugin = {"posts_dir": ["posts", "episodes", "notes"], "posts_in_nav": True, "indexes_in_nav": False}
    site = make_site(docs, config={"theme": "mkdocs", "plugins": [{"podcast-digest": plugin}]})
    page = site.html("posts/a/")
    heads = re.findall(r'dropdown-toggle[^>]*>([^<]+)</a>', page)
    assert heads == ["Episodes", "Notes", "Posts"], heads  # by folder, as MkDocs sorts them


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_an_index_md_with_no_list_keeps_its_title_and_keys(make_site, theme):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "guides/_index.md": "---\ntitle: 指南區段\n---\nGuides here.\n",
        "guides/g.md": "# G\n",
        "notes/_index.md": "---\ndescription: no title\n---\nNotes here.\n",
    }
    site = make_site(docs, config={"theme": theme}, strict=True)
    assert "<title>指南區段 - Test</title>" in site.html("guides/")
    assert "<title>Notes - Test</title>" in site.html("notes/")  # after its folder, as Hugo's
    assert "index - Test" not in site.html("guides/") + site.html("notes/")


def test_other_pages_in_toml_or_json_front_matter_read_as_in_hugo(make_site):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "guides/contribute.md": '+++\ntitle = "投稿與勘誤"\naliases = ["/contribute/"]\n+++\n\n歡迎來信。\n',
        "guides/j.md": '{"title": "JSON 頁"}\n\nBody.\n',
        "guides/shortcode.md": "{{< youtube I0DrcsDf3Os >}}\n\nStarts with a shortcode.\n",
        "about.md": "---\ntitle: 關於本站\naliases: [/about-us/]\n---\nAbout.\n",
    }
    site = make_site(docs, config={"theme": "mkdocs"}, strict=True)
    text = site.html("guides/contribute/")
    assert "<title>投稿與勘誤 - Test</title>" in text and "+++" not in text and "歡迎來信" in text
    assert "<title>JSON 頁 - Test</title>" in site.html("guides/j/")
    assert "Starts with a shortcode" in site.html("guides/shortcode/")
    # a redirect to a page of the writer's carries its title, not its file's name
    assert "關於本站" in site.html("about-us/") and "投稿與勘誤" in site.html("contribute/")


def test_hugos_page_1_of_any_section_answers(make_site):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "guides/_index.md": "---\ntitle: Guides\n---\n",
        "guides/g1.md": "# G1\n",
    }
    site = make_site(docs, strict=True)
    assert follow(site, "/guides/page/1/")[0] == "/guides/"


def test_a_section_listed_under_a_term_is_dated_by_its_newest_page(make_site):
    """Hugo dates a section by its newest page: it sorts among the posts, and is in the feeds."""
    docs = {
        "posts/old.md": "---\ntitle: Old post\ndate: 2024-01-01\ncategories: [podcast]\n---\nx\n",
        "episodes/_index.md": "---\ntitle: 節目單集\ncascade: [{categories: [podcast]}]\n---\n",
        "episodes/e1.md": "---\ntitle: Episode\ndate: 2025-01-01\n---\nx\n",
    }
    plugin = {"posts_dir": ["posts", "episodes"]}
    site = make_site(docs, config={"plugins": [{"podcast-digest": plugin}]}, strict=True)
    titles = [html.unescape(t) for t in re.findall(r'class="pd-listing__title"[^>]*>([^<]*)<', site.html("categories/podcast/"))]
    assert titles == ["Episode", "節目單集", "Old post"]


def test_other_sections_have_hugos_feed_of_their_own_pages(make_site):
    docs = {
        "posts/p.md": "---\ntitle: P\ndate: 2025-01-01\n---\nx\n",
        "guides/_index.md": "---\ntitle: 指南\n---\n",
        "guides/g1.md": "---\ntitle: G1\ndate: 2025-01-02\n---\nx\n",
        "guides/g2.md": "+++\ntitle = \"G2\"\ndate = 2025-01-03\n+++\nx\n",
        "guides/bundle/index.md": "---\ntitle: Bundle\ndate: 2025-01-01\n---\nx\n",
        "guides/hidden.md": "---\ntitle: Hidden\ndraft: true\n---\nx\n",
        "guides/deeper/_index.md": "---\ntitle: Deeper\n---\n",
        "guides/deeper/d.md": "---\ntitle: D\ndate: 2025-01-04\n---\nx\n",
    }
    site = make_site(docs, strict=True)
    feed = site.html("guides/index.xml")
    assert "<title>指南 – Test</title>" in feed
    assert re.findall(r"<item>\s*<title>([^<]*)</title>", feed) == ["G2", "G1", "Bundle"]  # its own, newest first
    assert re.findall(r"<item>\s*<title>([^<]*)</title>", site.html("guides/deeper/index.xml")) == ["D"]
    assert 'href="index.xml"' in site.html("guides/")  # announced on its page


OTHER_SECTIONS = json.loads((Path(__file__).parent / "data" / "hugo_other_sections.json").read_text(encoding="utf-8"))


def test_other_sections_feeds_list_what_hugos_listed(tmp_path):
    """An other section's feed holds Hugo's ``.RegularPages`` of it, as recorded from real Hugo
    (``tests/hugo_reference/make_other_sections.py``): pages in folders below it that are no
    sections (two folders down, a bundle in such a folder) too, not a sub-section's or a draft's."""
    assert OTHER_SECTIONS["hugo_version"] == "0.168.0"
    site = build_site(tmp_path, OTHER_SECTIONS["files"], {})
    assert not site.warnings
    for url, items in OTHER_SECTIONS["feeds"].items():
        feed = site.html(url.lstrip("/") + "index.xml")
        titles = [html.unescape(t) for t in _ITEM_TITLES.findall(feed)]
        links = [urlsplit(u).path for u in re.findall(r"<item>\s*<title>[^<]*</title>\s*<link>([^<]*)</link>", feed)]
        assert titles == [item["title"] for item in items], url
        assert links == [item["path"] for item in items], url
    assert "Two folders down" in str(OTHER_SECTIONS["feeds"]["/guides/"])  # what the fix is about
    # The pages are Hugo's too: a draft's and a draft section's own are not written, the pages
    # in a draft section are (redirect pages, such as Hugo's `page/1/` of a list, aside).
    written = sorted(
        "/" + p.parent.relative_to(site.out).as_posix() + "/"
        for p in (site.out / "guides").rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )
    assert written == OTHER_SECTIONS["pages"]


_LISTED = re.compile(r'<a class="pd-listing__title" href="([^"]*)">([^<]*)</a>')


def test_other_sections_pages_list_what_hugos_own_theme_listed(tmp_path):
    """An other section's page lists, under its text, Hugo's ``.Pages`` of it, as the section
    template of ``hugo new theme`` does, in the order real Hugo 0.168 listed them (recorded by
    ``tests/hugo_reference/make_other_sections.py``): its pages (those in plain folders below it
    too) and its sub-sections, not a draft sub-section; a sub-section is dated by the newest
    page anywhere below it, unless its front matter dates it."""
    site = build_site(tmp_path, OTHER_SECTIONS["files"], {})
    assert not site.warnings
    assert OTHER_SECTIONS["lists"]["/guides/"][0]["title"] == "An older sub-section"  # by the page two sections down
    for url, items in OTHER_SECTIONS["lists"].items():
        page = site.html(url.lstrip("/") + "index.html")
        listed = _LISTED.findall(page)
        assert [html.unescape(t) for _, t in listed] == [item["title"] for item in items], url
        assert [urlsplit(urljoin(f"https://example.com{url}", h)).path for h, _ in listed] == [
            item["path"] for item in items
        ], url
        if not items:  # an empty section says nothing more than its text
            assert "pd-listing" not in page, url
        else:  # under the page's own text
            assert page.index("Text.") < page.index("pd-listing"), url


def test_section_lists_can_be_turned_off_and_escape_what_they_show(tmp_path):
    docs = {
        "guides/_index.md": "---\ntitle: Guides\n---\nAll the guides.\n",
        "guides/a.md": '---\ntitle: "<script>alert(1)</script> & more"\ndate: 2025-01-02\n---\nText.\n',
        "guides/b.md": "---\ntitle: B\nweight: 1\n---\nText.\n",  # first: by weight, as in Hugo
        # Sub-sections named as their own pages are: by their folder, or by their heading.
        "guides/how-to/_index.md": "Steps.\n",
        "guides/how-to/x.md": "---\ntitle: X\ndate: 2024-12-01\n---\nText.\n",
        "guides/faq/_index.md": "# Questions\n\nAsked.\n",
    }
    (tmp_path / "on").mkdir()
    (tmp_path / "off").mkdir()
    site = build_site(tmp_path / "on", docs, {})
    page = site.html("guides/index.html")
    listed = [t for _, t in _LISTED.findall(page)]
    assert listed == ["B", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", "How To", "Questions"]
    # Its title as its heading, where its text has none (MkDocs' own theme prints no title).
    assert "<h1>How To</h1>" in site.html("guides/how-to/index.html")
    assert site.html("guides/faq/index.html").count("<h1") == 1
    listing = page[page.index('<ul class="pd-listing') :]
    assert "<script>alert(1)" not in listing[: listing.index("</ul>")]
    off = build_site(tmp_path / "off", docs, {"plugins": ["search", {"podcast-digest": {"section_lists": False}}]})
    page = off.html("guides/index.html")
    assert "All the guides." in page and "pd-listing" not in page
    assert "<h1>How To</h1>" in off.html("guides/how-to/index.html")


def test_a_section_in_the_nav_is_named_as_its_index_page_names_it(tmp_path):
    """MkDocs names a folder's section after the folder ("Guides"); Hugo after its `_index.md`."""
    docs = {
        "index.md": "# Home\n",
        "guides/_index.md": "---\ntitle: 使用指南\n---\nText.\n",
        "guides/a.md": "# A\n",
        "guides/deeper/_index.md": "Nothing named.\n",  # (named after its folder, as before)
        "guides/deeper/b.md": "# B\n",
    }
    site = build_site(tmp_path, docs, {})
    home = site.html("index.html")
    assert ">使用指南<" in home.replace("\n", "").replace(" ", "") and ">Guides<" not in home
    assert "Deeper" in home
