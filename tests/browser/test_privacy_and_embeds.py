"""Privacy and embeds as a reader meets them: nothing leaves the site before a click; a click or
Enter puts the real player in place, reachable and named for keyboard and screen-reader users."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser.browser_support import Requests, post_paths

SERIES_POST = "posts/2026-02-02-lex-490-before-agi/"  # YouTube, Spotify, Apple Podcasts, series box


#: For each facade: what a screen reader announces (aria-label, else the text), whether it is a
#: focusable, visible button, and what it would load.
FACADES_JS = """
[...document.querySelectorAll('.pd-embed__facade')].map(b => {
  const r = b.getBoundingClientRect();
  const style = getComputedStyle(b);
  return {
    tag: b.tagName,
    name: (b.getAttribute('aria-label') || b.innerText || '').trim(),
    tabindex: b.getAttribute('tabindex'),
    visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
    src: b.dataset.pdSrc,
  };
})
"""


def test_posts_load_nothing_from_third_parties_until_each_named_facade_is_clicked(site, context):
    """Per post: no third-party request on load; every facade a named button in the tab order;
    a click on each puts a titled player from that facade's own host in place, and nothing else."""
    page = context.new_page()
    seen = Requests(page)
    paths = post_paths(site)
    assert len(paths) >= 10, paths
    total = 0
    for path in paths:
        where = f"{site.theme} {path}"
        page.goto(site.url(path), wait_until="load")
        assert seen.external == [], f"{where}: third-party requests before any click"
        assert page.locator(".pd-embed iframe").count() == 0, f"{where}: an iframe before any click"
        facades = page.evaluate(FACADES_JS)
        for i, facade in enumerate(facades):
            assert facade["name"], f"{where}: facade {i} has no accessible name"
            assert facade["tag"] == "BUTTON" and facade["tabindex"] in (None, "0"), (
                f"{where}: facade {i} is not in the tab order"
            )
            assert facade["visible"], f"{where}: facade {i} is hidden"
        expected = {urlsplit(f["src"]).hostname for f in facades}
        # Each facade is clicked (synthetic clicks, one round trip; the real mouse and keyboard are
        # tested below on the YouTube facade), then every player's request must arrive.
        page.evaluate("document.querySelectorAll('button.pd-embed__facade').forEach(b => b.click())")
        for _ in range(100):
            if seen.hosts() >= expected:
                break
            page.wait_for_timeout(50)
        assert seen.hosts() == expected, where
        frames = page.evaluate(
            "[...document.querySelectorAll('.pd-embed iframe')].map(f => ({title: f.title.trim(), src: f.src}))"
        )
        assert [f["src"] for f in frames] == [f["src"] for f in facades], where
        assert all(f["title"] for f in frames), f"{where}: an iframe without a title"
        assert page.locator("button.pd-embed__facade").count() == 0, where
        total += len(facades)
        seen.external.clear()
    assert total >= 15  # the example site embeds every provider


def test_click_loads_youtube_from_nocookie_host(site, context):
    page = context.new_page()
    seen = Requests(page)
    # Idle, not just loaded: nothing deferred (fonts, lazy images, scripts) reaches out either.
    page.goto(site.url(SERIES_POST), wait_until="networkidle")
    page.mouse.wheel(0, 5000)
    page.wait_for_load_state("networkidle")
    assert seen.external == [], f"{site.theme}: third-party requests before any click"
    facade = page.locator(".pd-embed--youtube button.pd-embed__facade").first
    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/")):
        facade.click()
    frame = page.locator(".pd-embed--youtube iframe")
    assert frame.count() == 1
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert frame.get_attribute("title")
    assert "www.youtube-nocookie.com" in seen.hosts()
    assert not {"www.youtube.com", "youtube.com"} & seen.hosts()
    # Only the player clicked is loaded; the others still wait.
    assert page.locator("button.pd-embed__facade").count() == 2
    assert seen.hosts() == {"www.youtube-nocookie.com"}


def test_keyboard_reaches_facade_and_enter_loads_the_player(site, context):
    page = context.new_page()
    seen = Requests(page)
    page.goto(site.url(SERIES_POST), wait_until="load")
    page.locator("body").focus()
    for _ in range(400):  # Tab through the theme's header, nav and the series box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.pd-embed__facade')"):
            break
    else:
        pytest.fail(f"{site.theme}: Tab never reached a facade")
    active = page.evaluate(
        "(() => { const b = document.activeElement; const r = b.getBoundingClientRect();"
        " return {label: b.getAttribute('aria-label') || b.innerText, src: b.dataset.pdSrc,"
        " w: r.width, h: r.height}; })()"
    )
    assert active["label"].strip()
    assert active["w"] > 100 and active["h"] > 50, active  # focused and actually on screen
    assert active["src"].startswith("https://www.youtube-nocookie.com/embed/")
    assert seen.external == []
    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/")):
        page.keyboard.press("Enter")
    frame = page.locator(".pd-embed--youtube iframe")
    assert frame.count() == 1
    assert (frame.get_attribute("title") or "").strip()
    # Focus stays where the reader was: on the player that replaced the button.
    assert page.evaluate("document.activeElement.matches('.pd-embed iframe')")
