"""Hugo's paginated list URLs (``/page/2/``, ``/tags/gpu/page/3/``, every list's ``page/1/``)
keep answering, checked against what real Hugo wrote (``tests/data/hugo_pager.json``, recorded
by ``tests/hugo_reference/make_pager.py``)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import follow

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_pager.json").read_text(encoding="utf-8"))
DOCS = {f"posts/{name}": f"---\n{front}---\nText of {name}.\n" for name, front in RECORDED["posts"].items()}
_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
#: A listing's post titles, and an index's term names.
_SHOWN = re.compile(r'class="(?:pd-listing__title|pd-chip)"[^>]*>([^<]*)<')


def test_hugo_pager_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0"
    assert RECORDED["pager_size"] == 4
    assert {"/page/1/", "/posts/page/3/", "/tags/gpu/page/3/", "/tags/solo/page/1/"} <= set(RECORDED["pages"])


def _shown(text: str) -> list[str]:
    return [html.unescape(t).strip() for t in _SHOWN.findall(text)]


@pytest.mark.parametrize("page_size", [3, 6, 50])
def test_every_page_hugo_paginated_into_answers_with_its_posts(make_site, page_size):
    """Each of Hugo's ``page/N/``: a page here, or a redirect to the page that lists the first of
    its posts; ``page/1/`` leads to the list itself, as Hugo's alias does."""
    site = make_site(
        DOCS,
        config={"plugins": [{"podcast-digest": {"hugo_pager_size": 4, "page_size": page_size}}]},
        strict=True,
    )
    assert site.warnings == []
    for url, hugo in RECORDED["pages"].items():
        assert site.exists(unquote(url).lstrip("/")), url
        reached, text = follow(site, url)
        if "alias" in hugo:  # the list itself, where it is here (people/ moved from related_people/)
            assert reached == follow(site, hugo["alias"])[0], url
            if not url.startswith("/series/"):  # (a series is in reading order here)
                assert RECORDED["lists"][hugo["alias"]][0] in _shown(text), url
        elif reached != url:  # a redirect: to the page listing the first of Hugo's
            assert hugo["titles"][0] in _shown(text), (url, reached, _shown(text))
        else:  # our own page N of the same list (with another page size: other posts)
            assert _shown(text), url


def test_no_feed_is_copied_to_hugo_pages(make_site):
    """Hugo writes a list's RSS next to its first page only (none in ``page/N/``)."""
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": {"hugo_pager_size": 4}}]})
    assert site.exists("related_people/lex-fridman/index.xml") and site.exists("tags/gpu/index.xml")
    assert not list(site.out.rglob("page/*/index.xml"))


def test_the_same_page_size_as_hugo_keeps_hugos_pages_and_adds_only_its_aliases(make_site):
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": {"hugo_pager_size": 4, "page_size": 4}}]})
    for url, hugo in RECORDED["pages"].items():
        reached, text = follow(site, url)
        if "alias" in hugo:
            assert reached == follow(site, hugo["alias"])[0], url
        elif url.startswith("/page/"):  # the home page here lists only the newest posts
            assert reached.startswith("/posts/"), url
            assert _shown(text) == hugo["titles"], url
        elif url.startswith("/series/"):  # in reading order here: its page 2 holds other parts
            assert reached == url, url
        else:  # the same page, at Hugo's URL or (related_people/ is people/ here) led to it
            assert _shown(text) == hugo["titles"], url
            assert reached == url or reached == url.replace("/related_people/", "/people/"), url


def test_hugo_pages_are_left_out_when_asked(make_site):
    for options in ({"hugo_pager_size": 0}, {"redirects": False}):
        site = make_site(DOCS, config={"plugins": [{"podcast-digest": options}]})
        assert not site.exists("page/1/") and not site.exists("tags/gpu/page/1/"), options
        assert not site.exists("related_people/lex-fridman/page/1/"), options


def test_hugo_default_of_ten_posts_a_page(make_site):
    """Hugo's default pager size: 25 posts were pages 1-3; here (50 a page) one page."""
    docs = {
        f"posts/p{i:02d}.md": f"---\ntitle: P{i:02d}\ndate: 2025-01-{i:02d}\ntags: [GPU]\n---\nText.\n"
        for i in range(1, 26)
    }
    site = make_site(docs)
    for url in (
        "page/2/",
        "page/3/",
        "posts/page/3/",
        "tags/gpu/page/1/",
        "tags/gpu/page/3/",
        "tags/page/1/",
    ):
        assert site.exists(url), url
    assert not site.exists("page/4/") and not site.exists("tags/gpu/page/4/")
    reached, text = follow(site, "/tags/gpu/page/3/")
    assert reached == "/tags/gpu/" and "P05" in _shown(text)


def test_a_writers_page_at_a_hugo_page_url_is_kept(make_site):
    docs = {**DOCS, "tags/gpu/page/1.md": "# Mine\n\nKept.\n"}
    site = make_site(docs, config={"plugins": [{"podcast-digest": {"hugo_pager_size": 4}}]})
    assert "Kept." in site.html("tags/gpu/page/1/")
    assert site.warnings == []


def test_without_a_posts_index_hugos_home_pages_lead_home(make_site):
    site = make_site(
        DOCS, config={"plugins": [{"podcast-digest": {"hugo_pager_size": 4, "posts_index": False}}]}
    )
    for url in ("/page/1/", "/page/3/"):
        assert follow(site, url)[0] == "/", url
    assert not site.exists("posts/page/1/")
