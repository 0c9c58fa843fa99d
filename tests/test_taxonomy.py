"""Tag, category, people, company and series pages: built from front matter into real pages."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from mkdocs_podcast_digest.posts import parse_post
from mkdocs_podcast_digest.taxonomy import build_taxonomy, order_series


def post(name, date, **fm):
    lines = [f"title: {name}", f"date: {date}"] + [
        f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fm.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\nBody of " + name + "\n"


DOCS = {
    "posts/a.md": post(
        "Alpha",
        "2026-01-01",
        tags=["AI 產業", "GPU"],
        categories=["Tech"],
        related_people=["lex-fridman", "翁家翌"],
        related_companies=["openai"],
    ),
    "posts/b.md": post(
        "Beta",
        "2026-01-03",
        tags=["AI產業", "gpu"],
        related_people=["lex-fridman"],
        description="Beta's description",
        source_name="Some Podcast",
    ),
    "posts/c.md": post(
        "Gamma", "2026-01-02", tags=["GPU", "強化學習"], related_companies=["openai", "nvidia"]
    ),
}


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_term_pages_at_hugo_urls_newest_first(make_site):
    site = make_site(DOCS)
    html = site.html("tags/gpu/")
    # newest first: Beta (01-03), Gamma (01-02), Alpha (01-01)
    assert html.index("Beta") < html.index("Gamma") < html.index("Alpha")
    assert "Beta&#39;s description" in html and "Some Podcast" in html
    assert site.exists("tags/強化學習/")
    assert site.exists("categories/tech/")
    assert site.exists("people/lex-fridman/")
    assert site.exists("people/翁家翌/")
    assert site.exists("companies/openai/")


def test_spellings_share_one_page_with_one_warning_and_redirects(make_site):
    site = make_site(DOCS)
    collisions = [w for w in site.warnings if "share the page" in w]
    assert len(collisions) == 1  # AI 產業/AI產業 (GPU/gpu: one page in Hugo too, nothing to say)
    ai = next(w for w in collisions if "產業" in w)
    assert "'AI 產業'" in ai and "'AI產業'" in ai and "posts/" in ai
    assert site.exists("tags/ai-產業/")
    # The other spelling's Hugo URL answers with a redirect to the shared page.
    redirect = site.html("tags/ai產業/")
    assert (
        'http-equiv="refresh"' in redirect and "../ai-%E7%94%A2%E6%A5%AD/" in redirect
    ) or "ai-產業" in redirect


def test_hugo_urls_of_terms_with_a_hash_or_outer_spaces_answer(make_site):
    """Hugo wrote `C#` at tags/c#/ (linked as /tags/c%23/) and kept the spaces of ` OpenAI `
    (/tags/-openai-/); here the terms are `c` and `openai`, and those URLs redirect to them."""
    docs = {
        "posts/a.md": '---\ntitle: A\ndate: 2026-01-01\ntags: ["C#", " OpenAI ", "OpenAI"]\n---\nT\n',
        "posts/b.md": '---\ntitle: B\ndate: 2026-01-02\nrelated_people: ["Ada  Park "]\n---\nT\n',
    }
    site = make_site(docs, strict=True)
    for old, new in (
        ("tags/c#/", "../c/"),
        ("tags/-openai-/", "../openai/"),
        ("people/ada--park-/", "../ada-park/"),
        ("related_people/ada--park-/", "../../people/ada-park/"),
    ):
        assert f'http-equiv="refresh" content="0; url={new}"' in site.html(old), old
    assert "<title>A</title>" in (site.out / "tags/c#/index.xml").read_text(encoding="utf-8")  # its feed too
    assert sorted(p.name for p in (site.out / "tags").iterdir() if p.name.startswith("c")) == ["c", "c#"]
    # The first page Hugo paginated each of those lists into (`page/1/`) answers too.
    assert 'content="0; url=../../../openai/"' in site.html("tags/-openai-/page/1/")
    assert 'content="0; url=../../../ada-park/"' in site.html("people/ada--park-/page/1/")


def test_a_profile_left_out_by_exclude_docs_leaves_the_plugins_term_page(make_site):
    """``exclude_docs: people/ann.md``: the person's page was left out altogether (and a warning
    said the file was kept); the plugin's own page of her posts stands there instead."""
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2026-01-01\nrelated_people: [ann]\n---\nT\n",
        "people/ann.md": "# Ann\n\nDraft profile.\n",
    }
    site = make_site(docs, config={"exclude_docs": "people/ann.md\n"}, strict=True)
    assert site.warnings == []
    html = site.html("people/ann/")
    assert "Draft profile." not in html and 'pd-listing__title" href="../../posts/a/"' in html
    assert 'href="ann/"' in site.html("people/")


def test_spellings_hugo_gave_one_page_too_share_it_without_a_warning(make_site):
    """Hugo 0.168.0 lists ``GPU`` (one post) and ``gpu`` (another) on one page, /tags/gpu/: the
    same here, and nothing to warn about (``--strict`` failed on content Hugo took as it was)."""
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [GPU]\n---\nT\n",
        "posts/b.md": "---\ntitle: B\ndate: 2026-01-02\ntags: [gpu, Gpu]\n---\nT\n",
    }
    site = make_site(docs, strict=True)
    assert site.warnings == []
    assert re.findall(r'pd-listing__title" href="[^"]+">(\w)</a>', site.html("tags/gpu/")) == ["B", "A"]


def test_hugo_urls_of_spellings_one_post_merges_answer(make_site):
    """Hugo made a term of each spelling in one post's list (``GPU`` and ``ＧＰＵ``, ``AI 產業``
    and ``ai  產業``), and one term of a comma-joined string (``"alpha, beta"``: /tags/alpha-beta/,
    two terms here); each of those URLs, its feed and its ``page/1/`` lead to the term here."""
    docs = {
        "posts/a.md": '---\ntitle: A\ndate: 2026-01-01\ntags: ["GPU", "ＧＰＵ", "AI 產業", "ai  產業"]\n---\nT\n',
        "posts/b.md": '---\ntitle: B\ndate: 2026-01-02\ntags: "alpha, beta"\n---\nT\n',
    }
    site = make_site(docs, strict=True)
    assert site.warnings == []
    for old, new in (("tags/ｇｐｕ/", "../gpu/"), ("tags/ai--產業/", "../ai-%E7%94%A2%E6%A5%AD/"), ("tags/alpha-beta/", "../alpha/")):
        assert f'http-equiv="refresh" content="0; url={new}"' in site.html(old), old
        assert f'content="0; url=../../{new}"' in site.html(old + "page/1/"), old
        assert "<title>" in (site.out / old / "index.xml").read_text(encoding="utf-8"), old


TYPED_TERMS = json.loads((Path(__file__).parent / "data" / "hugo_typed_terms.json").read_text(encoding="utf-8"))


def test_unquoted_numbers_booleans_and_dates_are_the_terms_hugo_made(make_site):
    """``tags: [1.0, true, 2024-05-06]``: YAML reads a number, a boolean and a date; each is the
    term Hugo made of it, at Hugo's URL (recorded by tests/hugo_reference/make_typed_terms.py);
    so are ``.nan`` and ``.inf``, and a string this site trims or splits answers at Hugo's URL."""
    # `tags: true` on its own reads as "none", with a warning (tested elsewhere): Hugo made a term.
    cases = [(case, urls) for case, urls in TYPED_TERMS["terms"].items() if case not in ("true", "false")]
    docs = {
        f"posts/case-{n}.md": f"---\ntitle: Case {n}\ndate: 2024-01-01\ntags: {case}\n---\nText.\n"
        for n, (case, _) in enumerate(cases)
    }
    site = make_site(docs, strict=True)
    assert site.warnings == []
    for n, (case, urls) in enumerate(cases):
        for url in urls:
            html = site.html(url.lstrip("/"))
            moved = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
            if moved:  # a spelling this site slugs otherwise (``-0`` is ``0`` here)
                html = site.html(posixpath.normpath(posixpath.join(url, moved.group(1))).lstrip("/") + "/")
            assert f">Case {n}</a>" in html, (case, url)
    assert ">2026-01-06</h1>" in site.html("tags/2026-01-06/")  # a date is no slug to make a name of


def test_aliases_and_url_of_hugos_index_pages_answer(make_site):
    """Hugo's ``_index.md`` pages (home, section, term) take ``aliases`` and ``url`` as a post
    does: a redirect at each alias, and at the ``url`` Hugo served the page at (and its
    ``page/1/``); a bad alias is a warning naming the file."""
    docs = {
        "_index.md": "---\ntitle: Home\naliases: [/home/]\n---\nWelcome.\n",
        "posts/_index.md": "---\ntitle: All posts\nurl: /blog/\naliases: [/archive/, /old.html]\n---\n",
        "tags/gpu/_index.md": "---\ntitle: GPUs\naliases: [/gpu/]\n---\nAbout GPUs.\n",
        "posts/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [GPU]\n---\nText.\n",
    }
    site = make_site(docs, config={"site_url": "https://example.com/"}, strict=True)
    assert site.warnings == []
    # Hugo served the section's feed at its url too; an alias is a redirect page only.
    assert "<title>A</title>" in (site.out / "blog/index.xml").read_text(encoding="utf-8")
    assert not site.exists("archive/index.xml") and not site.exists("gpu/index.xml")
    for old, new in (
        ("home/", "../"),
        ("blog/", "../posts/"),
        ("blog/page/1/", "../../../posts/"),
        ("archive/", "../posts/"),
        ("old.html", "posts/"),
        ("gpu/", "../tags/gpu/"),
    ):
        assert f'http-equiv="refresh" content="0; url={new}"' in site.html(old), old
    site = make_site({**docs, "tags/gpu/_index.md": "---\ntitle: GPUs\naliases: [https://x.example/]\n---\n"})
    assert any("tags/gpu/_index.md:3: has the alias 'https://x.example/', which is not a path" in w for w in site.warnings)


def test_an_index_pages_url_leaves_other_lists_their_pages(make_site):
    """A section at its ``url`` gets every page Hugo split it into there; a ``url`` that is
    another list's URL leaves that list its own ``page/1/``."""
    docs = {
        "posts/2024/_index.md": "---\ntitle: Year\nurl: /y2024/\n---\n",
        **{f"posts/2024/p{i}.md": f"---\ntitle: P{i}\ndate: 2024-01-0{i}\n---\nT\n" for i in range(1, 6)},
        "tags/_index.md": "---\ntitle: Tags\nurl: /posts/\n---\n",
    }
    site = make_site(docs, config={"plugins": [{"podcast-digest": {"hugo_pager_size": 2}}]}, strict=True)
    for n in (1, 2, 3):
        assert 'http-equiv="refresh"' in site.html(f"y2024/page/{n}/"), n
    assert not site.exists("y2024/page/4/")
    assert 'content="0; url=../../"' in site.html("posts/page/1/")  # the posts index, not tags/


def test_index_pages_list_terms_with_counts(make_site):
    site = make_site(DOCS)
    html = site.html("tags/")
    # The number is shown; screen readers read it as words, not as part of the term's name.
    chip = '>GPU <span class="pd-chip__count" aria-hidden="true">3</span><span class="pd-hidden"> 3 posts</span>'
    assert re.search(r'href="gpu/"[^>]*' + re.escape(chip), html)
    assert '<span class="pd-hidden"> 1 post</span>' in html
    assert "data-pd-sort" in html
    for folder in ("categories", "people", "companies", "posts"):
        assert site.exists(f"{folder}/")


def test_post_page_links_to_its_terms_and_back(make_site):
    site = make_site(DOCS)
    html = site.html("posts/a/")
    hrefs = links(html)
    for target in (
        "../../tags/ai-%E7%94%A2%E6%A5%AD/",
        "../../tags/gpu/",
        "../../people/lex-fridman/",
        "../../companies/openai/",
        "../../categories/tech/",
    ):
        assert target in hrefs or target.replace("%E7%94%A2%E6%A5%AD", "產業") in hrefs, target
    assert "../../posts/a/" in links(site.html("tags/gpu/"))


def test_people_named_from_slug_data_file_or_profile(make_site):
    site = make_site(
        {**DOCS, "people/翁家翌.md": "---\nname: 翁家翌\ndescription: 工程師\n---\n# 翁家翌\n\n我的簡介。\n"},
        extra={"data/companies.yml": "openai: {name: OpenAI, description: An AI lab}\n"},
    )
    assert "<title>Lex Fridman" in site.html("people/lex-fridman/")
    company = site.html("companies/openai/")
    assert "<title>OpenAI" in company and "An AI lab" in company
    assert "<title>Nvidia" in site.html("companies/nvidia/")
    profile = site.html("people/翁家翌/")
    assert "我的簡介。" in profile and "Alpha" in profile  # the writer's page, plus the post list
    assert '<h2 class="pd-listing__heading" id="pd-posts">Posts</h2>' in profile
    assert "pd-listing__heading" not in site.html("people/lex-fridman/")  # generated: its title says it
    assert not [w for w in site.warnings if "people" in w]  # no profile is normal, not a warning


def test_pagination(make_site):
    docs = {
        f"posts/p{i:02d}.md": post(f"Post {i:02d}", f"2026-01-{i + 1:02d}", tags=["many"]) for i in range(25)
    }
    site = make_site(docs, config={"plugins": ["search", {"podcast-digest": {"page_size": 10}}]})
    first = site.html("tags/many/")
    assert "Post 24" in first and "Post 14" not in first
    assert site.exists("tags/many/page/2/") and site.exists("tags/many/page/3/")
    assert "Post 04" in site.html("tags/many/page/3/")
    assert "page/2/" in " ".join(links(first))
    assert site.exists("posts/page/3/")
    # Each page has a title of its own; the pager's arrows are not read out as part of its links.
    assert "<title>Many - Test</title>" in first
    assert "<title>Many (Page 3 of 3) - Test</title>" in site.html("tags/many/page/3/")
    assert '<span aria-hidden="true">←</span> Newer' in site.html("tags/many/page/3/")


@pytest.mark.parametrize(
    "options, says",
    [
        ({"taxonomies": {"tags": "posts"}}, "taxonomy 'tags' has the folder 'posts', which is"),
        ({"taxonomies": {"tags": "./posts/"}}, "taxonomy 'tags' has the folder 'posts', which is"),
        ({"posts_dir": "blog/posts", "taxonomies": {"tags": "blog"}}, "posts_dir 'blog/posts'"),
        ({"taxonomies": {"tags": "topics", "categories": "topics"}}, "two taxonomies share the folder"),
        ({"taxonomies": {"tags": "../tags"}}, "taxonomy 'tags' needs a folder name"),
        ({"posts_dir": ""}, "posts_dir must name a folder inside docs_dir"),
        ({"posts_dir": "/"}, "posts_dir must name a folder inside docs_dir"),
        ({"posts_dir": "."}, "posts_dir must name a folder inside docs_dir"),
        ({"posts_dir": "../posts"}, "posts_dir must name a folder inside docs_dir"),
    ],
)
def test_folders_that_would_replace_pages_are_a_config_error(make_site, caplog, options, says):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(DOCS, config={"plugins": [{"podcast-digest": options}]})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(says in e for e in errors), errors


@pytest.mark.parametrize("posts_dir", ["./posts", "posts/.", "/posts/", " posts"])
def test_posts_dir_however_written(make_site, posts_dir):
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": {"posts_dir": posts_dir}}]})
    assert "Alpha" in site.html("posts/") and site.exists("tags/gpu/")


def test_custom_taxonomy_and_turning_one_off(make_site):
    docs = {"posts/a.md": post("A", "2026-01-01", hosts=["Jane Doe"], categories=["X"])}
    site = make_site(
        docs,
        config={"plugins": [{"podcast-digest": {"taxonomies": {"hosts": "hosts", "categories": False}}}]},
    )
    assert "A" in site.html("hosts/jane-doe/")
    assert site.exists("hosts/")
    assert not site.exists("categories/x/")


def test_generated_pages_are_in_sitemap_and_search(make_site):
    site = make_site(DOCS)
    sitemap = (site.out / "sitemap.xml").read_text()
    assert "https://example.com/tags/gpu/" in sitemap
    assert "https://example.com/people/lex-fridman/" in sitemap
    index = json.loads((site.out / "search" / "search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert "tags/gpu/" in locations and "companies/openai/" in locations


def test_hostile_term_names_stay_text_and_inside_their_folder(make_site):
    docs = {
        "posts/a.md": post("A", "2026-01-01", tags=["<script>alert(1)</script>", "../../etc", "..", "/", "🎙️"])
    }
    site = make_site(docs)
    for path in site.out.rglob("*.html"):
        assert "<script>alert(1)" not in path.read_text()
    assert not (site.out.parent / "etc").exists()
    html = site.html("tags/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_series_ordering_and_duplicate_order_warns():
    posts = [
        parse_post("posts/a.md", post("A", "2026-01-05", series="S", series_order=2).encode()),
        parse_post("posts/b.md", post("B", "2026-01-01", series="S").encode()),
        parse_post("posts/c.md", post("C", "2026-01-02", series="S", series_order=1).encode()),
        parse_post("posts/d.md", post("D", "2026-01-03", series="S", series_order=2).encode()),
    ]
    tax, _ = build_taxonomy("series", "series", sorted(posts, key=lambda p: p.sort_key))
    problems = order_series(tax)
    assert [p.title for p in tax.terms["s"].posts] == ["C", "A", "D", "B"]
    (problem,) = problems
    assert "posts/a.md" in problem.problem.message and "posts/d.md" in problem.problem.message


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_term_pages_in_every_theme(make_site, theme):
    site = make_site(DOCS, config={"theme": {"name": theme}})
    assert "Beta" in site.html("tags/gpu/")
    assert "pd-post-terms" in site.html("posts/a/")


def _material_chips(html: str) -> list[tuple[str, str]]:
    """(href or "", name) of each chip Material's tags plugin put above the title."""
    nav = re.search(r'<nav class="md-tags"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no tag chips from Material's tags plugin"
    return [
        (m.group(1) or "", m.group(2).strip())
        for m in re.finditer(r'<(?:a href="([^"]*)"|span) class="md-tag"[^>]*>([^<]*)<', nav.group(1))
    ]


def test_material_tag_chips_link_to_the_tag_pages(make_site):
    docs = {**DOCS, "posts/c.md": post("Gamma", "2026-01-03", tags=["gpu", "Rare"])}
    site = make_site(docs, config={"theme": {"name": "material"}, "plugins": ["search", "tags", "podcast-digest"]})
    chips = dict((name, href) for href, name in _material_chips(site.html("posts/a/")))
    assert chips == {"AI 產業": "../../tags/ai-%E7%94%A2%E6%A5%AD/", "GPU": "../../tags/gpu/"}
    assert site.exists("tags/ai-產業/") and site.exists("tags/gpu/")
    # Another spelling of a term leads to its one page, as the term links below the post do.
    assert sorted(_material_chips(site.html("posts/c/"))) == [("../../tags/gpu/", "gpu"), ("../../tags/rare/", "Rare")]


def test_material_tags_listing_keeps_its_own_links(make_site):
    """Where the writer has a Material tags listing, its chips lead there, as Material makes them."""
    docs = {**DOCS, "tag-index.md": "# Tags\n"}
    config = {
        "theme": {"name": "material"},
        "plugins": ["search", {"tags": {"tags_file": "tag-index.md"}}, "podcast-digest"],
    }
    site = make_site(docs, config=config)
    chips = _material_chips(site.html("posts/a/"))
    assert chips and all(href.startswith("../../tag-index/#") for href, _ in chips), chips


def test_profile_without_heading_gets_its_name_as_title(make_site):
    site = make_site(
        {**DOCS, "people/lex-fridman.md": "---\nname: Lex Fridman\n---\nHost of a long podcast.\n"},
        config={"theme": {"name": "mkdocs"}},
    )
    html = site.html("people/lex-fridman/")
    assert "<title>Lex Fridman - Test</title>" in html
    assert "<h1>Lex Fridman</h1>" in html and "Host of a long podcast." in html and "Alpha" in html


def test_old_hugo_taxonomy_folder_redirects(make_site):
    site = make_site(DOCS)
    assert 'url=../../people/lex-fridman/"' in site.html("related_people/lex-fridman/")
    assert 'url=../people/"' in site.html("related_people/")


def test_hostile_post_title_is_escaped_in_every_theme_title(make_site):
    site = make_site({"posts/a.md": '---\ntitle: "<img src=x onerror=alert(1)>"\ndate: 2026-01-01\ntags: [t]\n---\nx\n'})
    for path in ("posts/a/", "tags/t/", "posts/"):
        assert "<img src=x" not in site.html(path)


def test_auto_nav_lists_indexes_in_reading_order_without_posts(make_site):
    site = make_site({**DOCS, "index.md": "# Home\n", "people/lex-fridman.md": "---\nname: Lex\n---\nBio\n"},
                     config={"theme": {"name": "mkdocs"}})
    html = site.html("")
    nav = re.findall(r'<a href="([^"#]+)" class="nav-link', html)
    order = [n for n in nav if n not in (".", "./")]
    assert order == ["posts/", "tags/", "categories/", "people/", "companies/"]
    assert "posts/a/" not in nav and "people/lex-fridman/" not in nav
    # The theme's previous/next links go the same way (MkDocs linked them in path order).
    links = re.findall(r'<a rel="(prev|next)" href="([^"]+)" class="nav-link"', site.html("tags/"))
    assert links == [("prev", "../posts/"), ("next", "../categories/")], links


def test_posts_in_the_nav_are_newest_first_and_bundles_and_year_folders_are_no_sections(make_site):
    docs = {
        **DOCS,
        "index.md": "# Home\n",
        "posts/_index.md": "---\ntitle: All episodes\n---\nIntro.\n",
        "posts/bundle/index.md": post("Bundled", "2026-01-05"),
        "posts/2025/old.md": post("Older", "2025-06-01"),
        "posts/2025/notes.md": "# Notes on 2025\n\nNot a post: no date, but a page of the writer's.\n",
        "about.md": "# About\n",
    }
    # notes.md is a post too (every page under posts/ is): dated from nothing, it is listed last.
    site = make_site(docs, config={"theme": {"name": "readthedocs"}, "plugins": [
        "search", {"podcast-digest": {"posts_in_nav": True}}]})
    html = site.html("")
    nav = html.split('<div class="wy-menu wy-menu-vertical"', 1)[1].split("</div>", 1)[0]
    titles = re.findall(r'<a class="reference internal" href="[^"]*">([^<]+)</a>', nav)
    start = titles.index("All episodes")
    assert titles[start : start + 7] == [
        "All episodes", "Bundled", "Beta", "Gamma", "Alpha", "Older", "Notes on 2025"
    ], titles
    assert "Bundle" not in titles and "2025" not in titles  # no section for a bundle or a year
    # Previous/next follow the nav as shown: from Beta back to Bundled, on to Gamma.
    beta = site.html("posts/b/")
    assert '<a href="../bundle/" class="btn btn-neutral float-left" title="Bundled">' in beta
    assert '<a href="../c/" class="btn btn-neutral float-right" title="Gamma">' in beta


def test_search_indexes_what_writers_wrote_not_listings(make_site):
    site = make_site(DOCS)
    index = json.loads((site.out / "search" / "search_index.json").read_text())
    text = {d["location"]: d["text"] for d in index["docs"]}
    assert "tags/gpu/" in text and "Beta" not in text["tags/gpu/"]  # found by its title, GPU
    assert "Body of Alpha" in text["posts/a/"] and "Gamma" not in text["posts/a/"]
    assert "Beta" in site.html("tags/gpu/")  # readers still see the listing


def test_hugo_section_pages_are_the_pages_of_their_folders(make_site):
    docs = {
        **DOCS,
        "_index.md": "---\ntitle: Welcome\n---\nHome text from Hugo.\n",
        "posts/_index.md": "---\ntitle: All episodes\n---\nSection intro.\n",
        "tags/_index.md": "---\ntitle: Topics\n---\nEvery topic.\n",
        "people/lex-fridman/_index.md": "---\ntitle: Lex Fridman\n---\nHost.\n",
    }
    site = make_site(docs, config={"theme": {"name": "mkdocs"}}, strict=False)
    assert "Home text from Hugo." in site.html("")
    # The home page lists the newest posts under its text, as a Hugo theme's home page does.
    home = site.html("")
    assert home.index("Home text from Hugo.") < home.index('class="pd-listing__title" href="posts/a/"')
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", home) == ["Welcome"]
    posts = site.html("posts/")
    assert "Section intro." in posts and "Alpha" in posts and "<title>All episodes" in posts
    tags = site.html("tags/")
    assert "Every topic." in tags and 'href="gpu/"' in tags
    person = site.html("people/lex-fridman/")
    assert "Host." in person and "Alpha" in person
    for gone in ("_index/", "posts/_index/", "tags/_index/", "people/lex-fridman/_index/"):
        assert not site.exists(gone)
    assert not [w for w in site.warnings if "_index" in w]
    # Each page's heading is its own title, as in Hugo (not the plugin's "Posts", "Tags").
    for page, title in (("posts/", "All episodes"), ("tags/", "Topics"), ("people/lex-fridman/", "Lex Fridman")):
        assert re.findall(r"<h1[^>]*>(.*?)</h1>", site.html(page)) == [title], page


def test_an_index_md_title_is_text_as_a_posts_is(make_site):
    """Hugo escapes a title; MkDocs' themes print a page's title as HTML (in the nav, <title>)."""
    docs = {**DOCS, "posts/_index.md": '---\ntitle: "<img src=x onerror=alert(1)> & co"\n---\nIntro.\n'}
    for theme in ("mkdocs", "readthedocs", "material"):
        site = make_site(docs, config={"theme": {"name": theme}})
        for page in ("", "posts/", "posts/a/"):
            html = site.html(page)
            assert "<img src=x" not in html, (theme, page)
        assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in site.html("posts/")


def test_an_index_md_without_a_title_is_named_as_its_heading(make_site):
    site = make_site({**DOCS, "posts/2024/_index.md": "Intro.\n", "posts/_index.md": "Intro.\n"}, config={"theme": {"name": "mkdocs"}})
    assert not [w for w in site.warnings if "_index.md" in w]  # "has no title"/"has no date": a post's
    for page, title in (("posts/2024/", "2024"), ("posts/", "Posts")):
        html = site.html(page)
        assert f"<title>{title} - Test</title>" in html and re.findall(r"<h1[^>]*>(.*?)</h1>", html) == [title]
        assert "_index" not in html and ">Index<" not in html


def test_a_writers_own_index_md_home_page_is_left_as_written(make_site):
    site = make_site({**DOCS, "index.md": "# Mine\n\nMy own home.\n"}, config={"theme": {"name": "mkdocs"}})
    assert "My own home." in site.html("") and "pd-listing" not in site.html("")


def test_a_writers_index_page_keeps_its_own_heading_and_escaped_title(make_site):
    docs = {
        **DOCS,
        "posts/index.md": "---\ntitle: Shows <& more>\n---\nIntro.\n",
        "tags/index.md": "# My topics\n\nText.\n",
    }
    site = make_site(docs, config={"theme": {"name": "mkdocs"}})
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", site.html("posts/")) == ["Shows &lt;&amp; more&gt;"]
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", site.html("tags/")) == ['My topics']


def test_hugo_section_and_term_pages_in_any_folder_spelling(make_site):
    """Hugo serves `posts/2024/_index.md` at /posts/2024/ (listing the posts in it), and finds a
    term's `_index.md` in a folder named as the term is in URLs (`tags/OpenAI/` for `openai`),
    under the taxonomy's folder or its front-matter key (`related_people/`)."""
    docs = {
        "posts/new.md": post("New post", "2026-01-02", tags=["OpenAI", "Scaling Laws"], related_people=["Lex Fridman"]),
        "posts/2024/old.md": post("Old post", "2024-05-01"),
        "posts/2024/_index.md": "---\ntitle: Year 2024\n---\nYear intro.\n",
        "tags/OpenAI/_index.md": "---\ntitle: OpenAI Inc.\n---\nAbout OpenAI.\n",
        "tags/Scaling Laws/_index.md": "---\ntitle: Scaling custom\n---\nAbout scaling.\n",
        "related_people/lex-fridman/_index.md": "---\ntitle: Lex F.\n---\nAbout Lex.\n",
    }
    site = make_site(docs, strict=True)
    year = site.html("posts/2024/")
    assert "Year intro." in year and "Old post" in year and "New post" not in year
    assert "<h1" in year and "Year 2024" in year
    for path, words in (("tags/openai/", "About OpenAI."), ("tags/scaling-laws/", "About scaling."), ("people/lex-fridman/", "About Lex.")):
        html = site.html(path)
        assert words in html and "New post" in html, path
    assert "OpenAI Inc." in site.html("tags/openai/")
    assert not list(site.out.rglob("_index"))  # no stray pages


def test_a_moved_bundles_files_also_answer_where_hugo_published_them(make_site):
    """Hugo publishes a leaf bundle's files beside its page: at its `slug` or `url` when given.
    Here the page keeps its folder's URL (the old one redirects), and the files are there too."""
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    docs = {
        "posts/Bundle_A/index.md": post("A", "2026-01-02", slug="a-slug") + "\n![chart](p.png)\n",
        "posts/Bundle_A/p.png": png,
        "posts/Bundle_A/img/q.png": png,
        "posts/b/index.md": post("B", "2026-01-01", url="/old/b/"),
        "posts/b/r.png": png,
        "posts/c/index.md": post("C", "2026-01-01"),
        "posts/c/s.png": png,
    }
    site = make_site(docs, strict=True)
    for path in ("posts/Bundle_A/p.png", "posts/a-slug/p.png", "posts/a-slug/img/q.png", "old/b/r.png", "posts/c/s.png"):
        assert (site.out / path).read_bytes() == png, path
    assert 'url=../Bundle_A/' in site.html("posts/a-slug/")  # the page itself redirects
    assert not (site.out / "posts" / "c" / "c").exists()


def test_hugo_sections_titles_urls_and_drafts(make_site):
    docs = {
        **{f"posts/My Year/p{i}.md": post(f"Post {i}", f"2024-01-{i + 1:02d}") for i in range(3)},
        "posts/My Year/_index.md": "---\ntitle: Year\n---\nIntro.\n",
        "posts/later/_index.md": "---\ntitle: Later\ndate: 2999-01-01\n---\nSoon.\n",
        "posts/later/q.md": post("Q", "2024-02-01"),
        "posts/secret/_index.md": "---\ntitle: Secret\ndraft: true\n---\nHidden.\n",
    }
    config = {"plugins": [{"podcast-digest": {"page_size": 2}}], "site_url": "https://example.com/"}
    site = make_site(docs, config=config, strict=True)
    assert "<title>Year (Page 2 of 2) - Test</title>" in site.html("posts/My Year/page/2/")  # the section's title
    assert "url=../My%20Year/" in site.html("posts/my-year/")  # Hugo's URL of the folder answers
    # ...with its page/1/ and its feed there, as Hugo wrote them (a feed of the section's posts).
    assert "url=../../../My%20Year/" in site.html("posts/my-year/page/1/")
    for feed in ("posts/My Year/index.xml", "posts/my-year/index.xml"):
        xml = (site.out / feed).read_text(encoding="utf-8")
        assert "<title>Year – Test</title>" in xml and xml.count("<item>") == 3 and "<title>Q</title>" not in xml
    assert re.search(r'<link rel="alternate" type="application/rss\+xml" title="Year – Test" href="index.xml">', site.html("posts/My Year/"))
    assert not site.exists("posts/later/") and not site.exists("posts/secret/")  # as Hugo: no page
    assert site.exists("posts/later/q/")  # the posts in it are published, as in Hugo
    served = make_site(docs, config=config, command="serve")
    assert "Soon." in served.html("posts/later/")



def test_the_home_pages_link_to_the_rest_is_not_read_out_as_a_page_number(make_site):
    docs = {f"posts/p{i:02d}.md": f"---\ntitle: Post {i}\ndate: 2025-01-{i:02d}\n---\nText.\n" for i in range(1, 13)}
    site = make_site(docs)
    home = site.html("")
    assert 'class="pd-pager" aria-label="Posts"' in home
    assert "Page 1 of 2" not in home
    assert 'class="pd-pager__older"' in home


def test_a_listing_shows_the_summary_a_writer_gave_but_not_the_first_paragraph(make_site):
    """Hugo's lists show ``.Summary``: the ``description`` here, else the front matter's ``summary``,
    else the text before ``<!--more-->``. A post with none of them shows its title alone."""
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2025-01-01\ndescription: Described <b>here</b>.\n---\nText A.\n",
        "posts/b.md": "---\ntitle: B\ndate: 2025-01-02\nsummary: A *summary* of B.\n---\nText B.\n",
        "posts/c.md": "---\ntitle: C\ndate: 2025-01-03\n---\nThe lead of C.\n\n<!--more-->\n\nThe rest of C.\n",
        "posts/d.md": "---\ntitle: D\ndate: 2025-01-04\n---\nFirst paragraph of D.\n\nMore of D.\n",
    }
    html = make_site(docs).html("posts/")
    shown = re.findall(r'<p class="pd-listing__description">(.*?)</p>', html)
    assert shown == ["The lead of C.", "A summary of B.", "Described &lt;b&gt;here&lt;/b&gt;."]
