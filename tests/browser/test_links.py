"""Every link a reader can follow resolves, and the series pager goes where it says."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

import pytest

from browser.browser_support import THEMES, Requests

MAX_URLS = 800


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.refresh: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url=(.+)$", a.get("content") or "", re.I)
            self.refresh = m.group(1).strip().strip("'\"") if m else None


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            body = r.read()
            kind = r.headers.get_content_type()
            return r.status, body.decode("utf-8") if kind == "text/html" else ""
    except urllib.error.HTTPError as e:
        return e.code, ""


def crawl(base: str, starts: list[str]) -> tuple[dict[str, int], dict[str, _Links], list[str]]:
    """Follow every same-site <a href> (and meta refresh) from the start pages.

    Returns status by URL, parsed pages by URL, and problems (missing fragments, dead redirects).
    """
    status: dict[str, int] = {}
    pages: dict[str, _Links] = {}
    referrers: dict[str, str] = {}
    fragments: list[tuple[str, str, str]] = []  # (page, fragment, found on)
    queue = list(reversed(starts))
    while queue:
        url = queue.pop()
        if url in status:
            continue
        assert len(status) < MAX_URLS, "the crawl does not end: a generated link loops?"
        status[url], body = fetch(url)
        if not body:
            continue
        links = _Links()
        links.feed(body)
        pages[url] = links
        targets = list(links.hrefs)
        if links.refresh:
            targets.append(links.refresh)
        for href in targets:
            absolute, fragment = urldefrag(urljoin(url, html.unescape(href)))
            if urlsplit(absolute).netloc != urlsplit(base).netloc:
                continue
            referrers.setdefault(absolute, url)
            if fragment:
                fragments.append((absolute, unquote(fragment), url))
            queue.append(absolute)
    problems = [f"{u} -> {s} (linked from {referrers.get(u)})" for u, s in status.items() if s != 200]
    for target, fragment, source in fragments:
        page = pages.get(target)
        if page is not None and not page.refresh and fragment not in page.ids:
            problems.append(f"{target}#{fragment}: no such id (linked from {source})")
    return status, pages, problems


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_link_resolves(sites, theme):
    site = sites(theme)
    built = {}
    for p in site.root.rglob("index.html"):
        url = site.url(quote(p.parent.relative_to(site.root).as_posix() + "/")).replace("/./", "/")
        built[url] = 'http-equiv="refresh"' in p.read_text(encoding="utf-8")
    # From the home page, and from the redirect pages that stand at old (Hugo) addresses: nothing
    # links to those, but their targets must resolve.
    redirects = sorted(u for u, is_redirect in built.items() if is_redirect)
    assert len(redirects) >= 5, "the example site has redirects (Hugo's taxonomy folders, aliases)"
    status, pages, problems = crawl(site.base, [site.base, *redirects])
    assert problems == []
    assert all(pages[u].refresh for u in redirects)
    # Every other page of the build is reachable from the home page by links alone (no orphans),
    # and every kind of generated page is among them.
    reached = {unquote(u) for u in status}
    unreached = sorted(
        unquote(u) for u, is_redirect in built.items() if unquote(u) not in reached and not is_redirect
    )
    assert [u for u in unreached if "/search/" not in u] == []
    for prefix in ("tags/", "categories/", "people/", "companies/", "series/", "posts/"):
        assert sum(u.startswith(site.url(prefix)) for u in status) >= 2, prefix


SERIES = "series/lex-fridman-podcast-490/"


def test_series_pager_goes_where_it_says(site, context):
    page = context.new_page()
    Requests(page)
    page.goto(site.url(SERIES), wait_until="load")
    titles = page.locator("ol.pd-listing a.pd-listing__title").all_inner_texts()
    assert len(titles) == 4, titles
    # Forwards from part 1 with "next", then back with "previous".
    page.locator("ol.pd-listing a.pd-listing__title").first.click()
    for direction, order in (("next", titles), ("prev", titles[::-1])):
        for n, title in enumerate(order):
            page.wait_for_load_state("load")
            h1 = page.locator("h1").first.inner_text()
            assert title in h1, (direction, n, h1)
            box = page.locator("nav.pd-series").first
            assert box.locator("[aria-current=page]").inner_text().startswith(title)
            assert box.locator("li.pd-series__part").all_inner_texts()[titles.index(title)].startswith(title)
            link = box.locator(f"a.pd-series__{direction}")
            if n == len(order) - 1:
                assert link.count() == 0, f"the last part has a '{direction}' link"
                break
            said = link.inner_text()
            assert order[n + 1] in said, (direction, said)
            link.click()
    # The series name in the box leads back to the series page.
    page.locator("nav.pd-series a.pd-series__name").first.click()
    page.wait_for_load_state("load")
    assert page.url == site.url(SERIES)


@pytest.mark.parametrize("old", ["page/2/", "posts/page/1/", "related_people/lex-fridman/page/1/"])
def test_a_page_hugo_paginated_into_leads_a_browser_to_its_list(site, context, old):
    """The example site's 18 posts were two pages in Hugo (10 a page); here they are one."""
    page = context.new_page()
    Requests(page)
    page.goto(site.url(old), wait_until="load")
    page.wait_for_url(lambda url: not url.rstrip("/").endswith(old.rstrip("/")), timeout=5000)
    want = "people/lex-fridman/" if "lex-fridman" in old else "posts/"
    assert unquote(page.url) == unquote(site.url(want)), page.url
    assert page.locator("a.pd-listing__title").count() >= 2
