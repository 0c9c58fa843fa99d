"""Zero-config builds of seed-shaped posts: real sites, real HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS_DIR

SEEDLIKE = Path(__file__).parent / "data" / "seedlike"


def seedlike_docs() -> dict[str, bytes]:
    return {f"posts/{p.name}": p.read_bytes() for p in sorted(SEEDLIKE.glob("*.md"))}


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_zero_config_builds_every_seed_shaped_post(make_site):
    site = make_site(seedlike_docs())
    for name in ("000_interview", "001_scaling", "002_scraped", "003_series_part", "004_debate"):
        html = site.html(f"posts/{name}/")
        assert "<h1" in html
    assert "誰先把基礎設施修好" in title_of(site.html("posts/000_interview/"))
    # The scraped article gets a real title from its text, not its file name.
    assert "研究副總裁宣布離職了" in title_of(site.html("posts/002_scraped/"))
    # Embeds are expanded, not printed as text.
    html = site.html("posts/003_series_part/")
    assert "{{&lt;" not in html and "{{<" not in html
    assert "pd-embed--youtube" in html and "pd-embed--spotify" in html and "pd-embed--apple-podcast" in html


def test_scraped_post_warns_about_title_and_date(make_site):
    site = make_site(seedlike_docs())
    joined = "\n".join(site.warnings)
    assert "posts/002_scraped.md: has no title" in joined
    assert "posts/002_scraped.md: has no date" in joined
    # The well-formed posts give no warnings of their own.
    assert not [w for w in site.warnings if "000_interview" in w or "004_debate" in w]


def test_strict_turns_post_warnings_into_a_failed_build(make_site, strict_fails):
    strict_fails({"posts/bad.md": "---\ntitle: X\ndate: someday\n---\nbody\n"})


def test_clean_posts_build_strict(make_site):
    site = make_site(
        {
            "posts/2026-01-08-fine.md": "# A fine post\n\nNo front matter at all.\n",
            "posts/b.md": "---\ntitle: B\ndate: 2026-01-09\ntags: [x]\n---\nText\n",
        },
        strict=True,
    )
    assert site.warnings == []
    assert "A fine post" in site.html("posts/2026-01-08-fine/")


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="shared/seeds is not beside the repository")
def test_the_real_seeds_build_with_zero_config(make_site):
    docs = {f"posts/{p.name}": p.read_bytes() for p in sorted(SEEDS_DIR.glob("*.md"))}
    assert len(docs) == 5
    site = make_site(docs, config={"plugins": ["search", "podcast-digest"]})
    for name in docs:
        html = site.html(name[:-3] + "/")
        title = title_of(html)
        stem = Path(name).stem
        assert stem not in title, f"{name} has no real title: {title!r}"


DRAFTS = {
    "posts/pub.md": "---\ntitle: Published one\ndate: 2026-01-02\ntags: [shared]\n---\nText\n",
    "posts/draft.md": "---\ntitle: Secret draft\ndate: 2026-01-03\ndraft: true\ntags: [shared, only-draft]\n---\nT\n",
}


def test_drafts_are_left_out_of_build_and_every_index(make_site):
    site = make_site(DRAFTS)
    assert not site.exists("posts/draft/")
    assert not site.exists("tags/only-draft/")
    assert "Secret draft" not in site.html("posts/")
    assert "Secret draft" not in site.html("tags/shared/")
    assert "Published one" in site.html("tags/shared/")
    assert "Secret draft" not in (site.out / "sitemap.xml").read_text()
    assert "Secret draft" not in (site.out / "search" / "search_index.json").read_text()


def test_drafts_build_marked_under_serve(make_site):
    site = make_site(DRAFTS, command="serve")
    html = site.html("posts/draft/")
    assert 'class="pd-draft"' in html
    assert "Secret draft" in site.html("tags/only-draft/")


def test_yaml_words_are_read_as_hugo_reads_them(make_site):
    """Hugo's YAML is 1.2: `on`, `no` and `1:30` are text there (PyYAML's 1.1 made them a
    boolean and the number 90), and `draft: yes` is not true to Hugo, which published the post."""
    docs = {
        "posts/on.md": "---\ntitle: On\ndate: 2026-01-01\ntags: [on, no, 1:30]\n---\nText\n",
        "posts/yes.md": "---\ntitle: Yes we can\ndate: 2026-01-02\ndraft: yes\n---\nText\n",
    }
    site = make_site(docs)
    assert title_of(site.html("posts/on/")).startswith("On")
    for slug in ("on", "no", "130"):  # Hugo's URL for `1:30` drops the colon
        assert "On" in site.html(f"tags/{slug}/"), slug
    assert site.exists("posts/yes/")
    assert [w for w in site.warnings if "posts/yes.md:4: has draft: 'yes', which Hugo reads as false" in w]


def test_unknown_front_matter_reaches_page_meta(make_site):
    site = make_site(
        {"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\nguest_bio: Hello there\n---\nText\n"},
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        extra={
            "overrides/main.html": '{% extends "base.html" %}{% block content %}'
            '<p id="bio">{{ page.meta.guest_bio }}</p>{{ super() }}{% endblock %}'
        },
    )
    assert '<p id="bio">Hello there</p>' in site.html("posts/a/")


def test_embed_words_follow_the_site_language(make_site):
    docs = {"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n{{< youtube AbCdEfGhIj0 >}}\n"}
    site = make_site(docs, config={"theme": {"name": "mkdocs", "language": "zh-TW"}})
    html = site.html("posts/a/")
    assert "點擊後才從 www.youtube-nocookie.com 載入" in html and "在 YouTube 觀看" in html
    assert 'pd-embed__title">YouTube 影片<' in html  # the generic title too, not "YouTube video"
    site = make_site(docs)
    assert "Click to load from www.youtube-nocookie.com" in site.html("posts/a/")


@pytest.mark.parametrize("language, title", [("en", "Post by @lexfridman"), ("zh-TW", "@lexfridman 的貼文"), ("ja", "@lexfridman のポスト")])
def test_an_x_posts_generic_title_is_in_the_site_language(make_site, language, title):
    docs = {"posts/a.md": '---\ntitle: A\ndate: 2026-01-01\n---\n{{< x user="lexfridman" id="1234567890" >}}\n'}
    html = make_site(docs, config={"theme": {"name": "mkdocs", "language": language}}).html("posts/a/")
    assert f'<span class="pd-embed__title">{title}</span>' in html


def test_extension_also_listed_by_name_runs_once(make_site):
    docs = {"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n{{< youtube AbCdEfGhIj0 >}}\n"}
    site = make_site(docs, config={"markdown_extensions": ["mkdocs_podcast_digest.shortcodes"]}, strict=True)
    assert site.html("posts/a/").count('data-pd-provider="youtube"') == 1


@pytest.mark.parametrize("zone", ["UTC", "Asia/Taipei", "America/Los_Angeles"])
def test_dates_without_a_zone_are_utc_whatever_the_machines_zone(make_site, monkeypatch, zone):
    """Hugo reads them as UTC, and so do the feeds: the lists must agree, on any machine.
    The year 1 is Hugo's zero date, which a zone east of Greenwich would put in the year 0."""
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        site = make_site({
            "posts/a.md": "---\ntitle: Naive ten\ndate: 2025-01-01 10:00:00\n---\nA\n",
            "posts/b.md": "---\ntitle: UTC five\ndate: 2025-01-01T05:00:00+00:00\n---\nB\n",
            "posts/c.md": "---\ntitle: Year one\ndate: 0001-01-01T05:00:00\n---\nC\n",
            "posts/d.md": "---\ntitle: Zero date\ndate: 0001-01-01\n---\nD\n",
        })
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    listed = re.findall(r'class="pd-listing__title"[^>]*>([^<]+)<', site.html("posts/"))
    assert listed == ["Naive ten", "UTC five", "Year one", "Zero date"]
    feed = re.findall(r"<item>\s*<title>([^<]+)</title>", site.html("index.xml"))
    assert feed == listed


@pytest.mark.parametrize("where", ["top", "bottom", "both", "none"])
def test_post_meta_moves_the_date_line_and_term_links_never_the_title(make_site, where):
    post = "---\ntitle: 推論晶片\ndate: 2026-01-02\ntags: [GPU]\nsource_name: Pod\n---\nText without a heading.\n"
    site = make_site(
        {"posts/a.md": post}, config={"theme": {"name": "mkdocs"}, "plugins": [{"podcast-digest": {"post_meta": where}}]}
    )
    html = site.html("posts/a/")
    assert html.count('<h1 class="pd-post-title">推論晶片</h1>') == 1  # the theme shows no other title
    assert ("pd-post-meta" in html) is (where in ("top", "both"))
    assert ("pd-post-terms" in html) is (where in ("bottom", "both"))


def test_the_writers_other_pages_follow_hugos_front_matter(make_site):
    """A page outside the posts folder is published as Hugo published it: not when it is a draft,
    headless (with the pages of its bundle) or expired; at its old URLs (``aliases``, ``url``,
    ``slug``) a redirect. A future ``date`` alone does not hide a page that is no post."""
    post = "---\ntitle: P\ndate: 2024-01-01\n---\nPost.\n"
    site = make_site(
        {
            "posts/p.md": post,
            "about.md": "---\ntitle: About\naliases: [/about-us/, contact]\n---\nAbout page.\n",
            "secret.md": "---\ntitle: Secret\ndraft: true\n---\nUnfinished.\n",
            "old.md": "---\ntitle: Gone\nexpiryDate: 2020-01-01\n---\nOld.\n",
            "hidden/index.md": "---\nheadless: true\n---\n",
            "hidden/part.md": "---\ntitle: Part\n---\nFragment.\n",
            "moved.md": "---\ntitle: Moved\nurl: /company/moved/\n---\nText.\n",
            "slugged.md": "---\ntitle: Slugged\nslug: nice-name\n---\nText.\n",
            "event.md": "---\ntitle: Event\ndate: 2099-01-01\n---\nSoon.\n",
            "guide/setup.md": "---\ntitle: Setup\n---\nPlain page.\n",
        },
        strict=True,
    )
    for gone in ("secret/", "old/", "hidden/", "hidden/part/"):
        assert not site.exists(gone), gone
    sitemap = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    assert "secret" not in sitemap and "hidden" not in sitemap
    for old, new in (("about-us/", "../about/"), ("contact/", "../about/"), ("company/moved/", "../../moved/"), ("nice-name/", "../slugged/")):
        assert f'url={new}"' in site.html(old), old
    assert site.exists("event/") and site.exists("guide/setup/") and site.exists("about/")


def test_a_draft_or_expired_bundle_publishes_none_of_its_files(make_site):
    """Hugo publishes nothing of a leaf bundle it does not publish; a headless bundle's images may
    be shown on other pages, so only its pages are left out."""
    png = b"\x89PNG\r\n\x1a\n"
    site = make_site(
        {
            "posts/p.md": "---\ntitle: P\ndate: 2024-01-01\n---\n![x](../shared/pic.png)\n",
            "posts/cover/index.md": "---\ntitle: Cover\ndate: 2024-01-02\ndraft: true\n---\nText.\n",
            "posts/cover/image.png": png,
            "guides/old/index.md": "---\ntitle: Old\nexpiryDate: 2020-01-01\n---\nText.\n",
            "guides/old/images/a.png": png,
            "shared/index.md": "---\nheadless: true\n---\n",
            "shared/pic.png": png,
        },
    )
    assert not (site.out / "posts/cover/image.png").exists() and not site.exists("posts/cover/")
    assert not (site.out / "guides/old/images/a.png").exists() and not site.exists("guides/old/")
    assert (site.out / "shared/pic.png").exists() and not site.exists("shared/")


def test_the_writers_draft_page_is_shown_under_serve_with_drafts(make_site):
    site = make_site(
        {"posts/p.md": "---\ntitle: P\ndate: 2024-01-01\n---\nPost.\n", "secret.md": "---\ndraft: true\n---\n# Secret\n"},
        command="serve",
    )
    assert site.exists("secret/")


def test_a_translations_copy_of_an_alias_leaves_it_to_the_original(make_site):
    """Hugo's translations (`a.fa.md`, `a.fr.md`: pages of their own here) repeat the original's
    aliases; the first file by name took the alias, and the warning told the original to drop it."""
    fm = "---\ntitle: {t}\ndate: 2024-01-01\naliases: [/old/]\n---\nText.\n"
    site = make_site({"posts/a.md": fm.format(t="A"), "posts/a.fa.md": fm.format(t="Fa"), "posts/a.fr.md": fm.format(t="Fr")})
    assert 'url=../posts/a/"' in site.html("old/")
    skipped = [w for w in site.warnings if "has the alias /old/" in w]
    assert sorted(w.split(":")[1].strip() for w in skipped) == ["posts/a.fa.md", "posts/a.fr.md"], site.warnings


def test_the_writers_other_pages_review_cases(make_site):
    """A publishDate alone holds a page back (Hugo's rule); an external url is a link, not an old
    path; a key after a long description is still read; a draft bundle in posts/ takes the other
    pages of its bundle with it, quietly."""
    long = "x" * 6000
    site = make_site(
        {
            "posts/p.md": "---\ntitle: P\ndate: 2024-01-01\n---\nPost.\n",
            "posts/cover/index.md": "---\ntitle: Cover\ndate: 2024-01-02\ndraft: true\n---\nText.\n",
            "posts/cover/extra.md": "---\ntitle: Extra\ndate: 2024-01-03\n---\nText.\n",
            "soon.md": "---\ntitle: Soon\npublishDate: 2099-01-01\n---\nLater.\n",
            "proj.md": "---\ntitle: Project\nurl: https://github.com/x/y\n---\nText.\n",
            "long.md": f"---\ntitle: Long\ndescription: {long}\ndraft: true\n---\nText.\n",
        },
        strict=True,
    )
    assert site.warnings == []
    assert not site.exists("soon/") and not site.exists("long/") and site.exists("proj/")
    assert not (site.out / "https:").exists()
    assert not site.exists("posts/cover/extra/") and "Extra" not in site.html("posts/")


def test_a_ref_to_a_headless_page_says_why_and_serve_does_not_show_it(make_site):
    docs = {
        "posts/p.md": '---\ntitle: P\ndate: 2024-01-01\n---\nSee {{< ref "frag.md" >}}.\n',
        "frag.md": "---\ntitle: Frag\nheadless: true\ndraft: true\n---\nFragment.\n",
    }
    site = make_site(docs, command="serve")
    assert not site.exists("frag/")
    assert any("frag.md" in w and "headless" in w and "draft" not in w.split("frag.md")[1][:40] for w in site.warnings), site.warnings
