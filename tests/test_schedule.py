"""Scheduled and expired posts: published when Hugo would publish them, and not before.

``tests/data/hugo_schedule.json`` records which of a set of posts real Hugo 0.168 wrote a page
for (and a page for the tag only that post has), by their dates: regenerate it with
``tests/hugo_reference/make_schedule.py``. Its dates are far in the past or the future.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import with_infos

DATA = json.loads((Path(__file__).parent / "data" / "hugo_schedule.json").read_text(encoding="utf-8"))
CASES = DATA["cases"]


def docs_of(cases=CASES) -> dict[str, str]:
    docs = {}
    for case in cases:
        front = f"title: {case['case']}\ntags: [t-{case['case']}]\n"
        if case["front_matter"]:
            front += case["front_matter"] + "\n"
        docs[f"posts/{case['case']}.md"] = f"---\n{front}---\nText of {case['case']}.\n"
    return docs


def test_the_recorded_cases_cover_both_outcomes():
    assert {c["post_page"] for c in CASES} == {True, False}
    assert all(c["post_page"] == c["tag_page"] for c in CASES)


def test_posts_and_term_pages_are_published_as_hugo_published_them(make_site):
    site = make_site(docs_of())
    got = {c["case"]: (site.exists(f"posts/{c['case']}/"), site.exists(f"tags/t-{c['case']}/")) for c in CASES}
    want = {c["case"]: (c["post_page"], c["tag_page"]) for c in CASES}
    assert got == want
    listed = site.html("posts/")
    for case in CASES:
        assert (f">{case['case']}<" in listed) == case["post_page"], case["case"]
    feed = (site.out / "index.xml").read_text(encoding="utf-8")
    assert "<title>future-date</title>" not in feed and "<title>past</title>" in feed
    assert "posts/future-date/" not in (site.out / "sitemap.xml").read_text(encoding="utf-8")


def test_held_posts_are_information_not_warnings(make_site):
    dated = [c for c in CASES if not c["case"].endswith("no-date")]  # no date: a warning of its own
    held = [c for c in dated if not c["post_page"] and "draft" not in c["front_matter"]]
    site, infos = with_infos(lambda: make_site(docs_of(dated), strict=True))
    assert site.warnings == []
    future = next(m for m in infos if "publish date is still to come" in m)
    assert "posts/future-date.md (2999-01-01)" in future and "build_future: true" in future
    expired = next(m for m in infos if "expiry date has passed" in m)
    assert "posts/expired.md (2021-01-01)" in expired and "build_expired: true" in expired
    # Every held post is named or counted, in one line per reason.
    assert sum(int(re.search(r"(\d+) posts?: ", m).group(1)) for m in (future, expired)) == len(held)


@pytest.mark.parametrize(
    "option, case, published",
    [
        ("build_future", "future-publishdate", True),
        ("build_future", "expired", False),
        ("build_expired", "expired", True),
        ("build_expired", "future-date", False),
    ],
)
def test_each_option_publishes_its_own_kind(make_site, option, case, published):
    site = make_site(docs_of(), config={"plugins": [{"podcast-digest": {option: True}}]})
    assert site.exists(f"posts/{case}/") is published
    assert site.exists("posts/draft-past/") is False  # drafts stay drafts


def test_serve_shows_them_marked_with_their_date(make_site):
    site = make_site(docs_of(), command="serve")
    html = site.html("posts/future-publishdate/")
    assert "Scheduled — not published by mkdocs build before 2999-01-01" in html
    assert "Expired — not published by mkdocs build since 2021-01-01" in site.html("posts/expired/")
    assert "Draft — not published by mkdocs build" in site.html("posts/draft-past/")
    listed = site.html("tags/t-future-date/")
    assert "before 2999-01-01</span>" in listed
    # Not in the feeds, which readers' apps fetch from the served site too.
    assert "<title>future-date</title>" not in (site.out / "index.xml").read_text(encoding="utf-8")


def test_without_drafts_in_serve_they_stay_out(make_site):
    config = {"plugins": [{"podcast-digest": {"drafts_in_serve": False}}]}
    site = make_site(docs_of(), command="serve", config=config)
    assert not site.exists("posts/future-date/") and site.exists("posts/past/")


def test_a_date_in_the_file_name_schedules_too(make_site):
    # Hugo reads file-name dates only when told to (`:filename`); here they are the post's date.
    site = make_site({"posts/2999-01-01-later.md": "# Later\n\nText.\n", "posts/2020-01-01-now.md": "# Now\n\nT.\n"})
    assert not site.exists("posts/2999-01-01-later/") and site.exists("posts/2020-01-01-now/")


def test_the_labels_are_translated_and_overridable(make_site):
    docs = docs_of([c for c in CASES if c["case"] == "future-date"])
    site = make_site(docs, command="serve", config={"theme": {"name": "mkdocs", "language": "zh-TW"}})
    assert "排程中：2999-01-01 之前 mkdocs build 不會發佈" in site.html("posts/future-date/")
    config = {"plugins": [{"podcast-digest": {"labels": {"scheduled": "Out on {date}"}}}]}
    site = make_site(docs, command="serve", config=config)
    assert "Out on 2999-01-01" in site.html("posts/future-date/")


@pytest.mark.parametrize("key", ["publishDate", "expiryDate"])
def test_an_unreadable_date_is_a_warning_with_its_line(make_site, key):
    docs = {"posts/a.md": f"---\ntitle: A\ndate: 2020-01-01\n{key}: next monday\n---\nText\n"}
    site = make_site(docs)
    assert site.exists("posts/a/")  # published: the post's date (or no expiry) decides
    article = "an" if key[0] == "e" else "a"
    assert any(f"posts/a.md:4: has {article} {key} that cannot" in w and "next monday" in w for w in site.warnings), (
        site.warnings
    )


def test_headless_and_never_rendered_posts_get_no_page_as_in_hugo(make_site):
    docs = {
        "posts/hl/index.md": "---\ntitle: Headless\ndate: 2026-01-01\nheadless: true\ntags: [hidden]\n---\nT\n",
        "posts/never.md": "---\ntitle: Never\ndate: 2026-01-01\nbuild:\n  render: never\n---\nT\n",
        "posts/old.md": "---\ntitle: Old\ndate: 2026-01-01\n_build: {render: false}\n---\nT\n",
        "posts/normal.md": "---\ntitle: Normal\ndate: 2026-01-01\nbuild: {render: always}\ntags: [seen]\n---\nT\n",
    }
    for command in ("build", "serve"):  # Hugo's server renders them no more than its build
        site, infos = with_infos(lambda command=command: make_site(docs, command=command, strict=True))
        assert [p for p in ("hl", "never", "old", "normal") if site.exists(f"posts/{p}/")] == ["normal"]
        assert not site.exists("tags/hidden/") and site.exists("tags/seen/")
        assert "Headless" not in site.html("posts/")
        line = next(m for m in infos if "no page, as in Hugo" in m)
        assert "3 posts: " in line and "posts/hl/index.md (headless: true)" in line and "render: never" in line


def test_lists_in_hugos_order_weight_then_date_then_link_title(make_site):
    order = DATA["order"]
    docs = {f"posts/{p['file']}.md": f"---\n{p['front_matter']}\ntags: [all]\n---\nText.\n" for p in order["posts"]}
    site = make_site(docs)
    for path in ("posts/", "tags/all/"):
        html = site.html(path)
        listed = re.findall(r'class="pd-listing__title" href="[^"]*">([^<]*)<', html)
        assert listed == order["listed"], path


def test_a_link_to_a_post_without_a_page_says_why(make_site):
    docs = {
        **docs_of([c for c in CASES if c["case"] in ("future-date", "expired", "draft-past")]),
        "posts/hl/index.md": "---\ntitle: HL\ndate: 2020-01-01\nheadless: true\n---\nT\n",
        "posts/links.md": (
            "---\ntitle: Links\ndate: 2020-01-02\n---\n"
            '[a]({{< ref "future-date" >}}) [b]({{< ref "expired.md" >}}) [c]({{< relref "draft-past" >}}) '
            '[d]({{< ref "hl" >}}) [e]({{< ref "nowhere" >}})\n'
        ),
    }
    site = make_site(docs)
    said = "\n".join(w for w in site.warnings if "posts/links.md:5" in w)
    assert "'posts/future-date.md' is scheduled for 2999-01-01" in said and "build_future: true" in said
    assert "'posts/expired.md' expired on 2021-01-01" in said
    assert "'posts/draft-past.md' is a draft" in said
    assert "'posts/hl/index.md' has headless: true" in said
    assert "no page 'nowhere'" in said


def test_a_post_hugo_lists_nowhere_has_its_page_but_no_list_shows_it(make_site):
    docs = {
        "posts/unlisted.md": "---\ntitle: Unlisted\ndate: 2026-01-03\nbuild: {list: never}\ntags: [t, only]\n---\nT\n",
        "posts/listed.md": "---\ntitle: Listed\ndate: 2026-01-01\ntags: [t]\n---\nT\n",
    }
    site = make_site(docs, strict=True)
    assert "Unlisted" in site.html("posts/unlisted/")  # rendered, as in Hugo
    for path in ("posts/", "tags/t/", ""):
        assert "Unlisted" not in site.html(path) and "Listed" in site.html(path), path
    assert not site.exists("tags/only/")
    for feed in ("index.xml", "posts/index.xml", "tags/t/index.xml"):
        assert "Unlisted" not in (site.out / feed).read_text(encoding="utf-8"), feed


BUILD_LIST = json.loads((Path(__file__).parent / "data" / "hugo_build_list.json").read_text(encoding="utf-8"))
_LISTED = re.compile(r'class="pd-listing__title"[^>]*>([^<]*)<')
_ITEM = re.compile(r"<item>\s*<title>([^<]*)</title>")
_RELATED = re.compile(r'<li class="pd-related__item"><a href="[^"]*">([^<]*)</a>')


def test_a_post_hugo_lists_locally_is_in_its_section_and_terms_not_the_site_wide_lists(make_site):
    """Hugo's ``build: {list: local}``, as real Hugo 0.168 listed it
    (``tests/hugo_reference/make_build_list.py``): its section's list and feed and its terms'
    hold it; the home page, the site's feed and related posts (``site.RegularPages``) do not.
    (Hugo's home page listed the writer's other pages too: ``About``; the plugin's lists posts.)"""
    assert BUILD_LIST["hugo_version"] == "0.168.0"
    site = make_site(BUILD_LIST["files"], strict=True)
    posts = set(BUILD_LIST["lists"]["/posts/"]) | {"Never listed"}  # (not About)
    for url, titles in BUILD_LIST["lists"].items():
        shown = [html.unescape(t).strip() for t in _LISTED.findall(site.html(url.lstrip("/")))]
        assert shown == [t for t in titles if t in posts], url
    for url, titles in BUILD_LIST["feeds"].items():
        items = [html.unescape(t) for t in _ITEM.findall(site.html(url.lstrip("/") + "index.xml"))]
        assert items == [t for t in titles if t in posts], url
    offered = {t for titles in BUILD_LIST["related"].values() for t in titles}
    assert offered == {"Always listed", "Also always listed"}  # Hugo offers no post listed locally
    for path in BUILD_LIST["files"]:
        if path.startswith("posts/"):
            text = site.html(path.removesuffix(".md") + "/")
            assert not {"Listed locally", "Listed locally, newest", "Never listed"} & set(_RELATED.findall(text)), path
    # ...and a post listed locally still has related posts of its own, as in Hugo.
    assert set(_RELATED.findall(site.html("posts/local/"))) >= {"Always listed"}
