"""The pages on a phone (375 px): nothing scrolls sideways, nothing is cut off, video keeps 16:9;
and the plugin's text stays readable on each theme's background (light and dark)."""

from __future__ import annotations

import re

import pytest

from browser.browser_support import Requests

PHONE = {"width": 375, "height": 800}
PAGES = [
    "",  # home
    "posts/",
    "posts/2026-02-02-lex-490-before-agi/",  # series box, YouTube, Spotify, Apple Podcasts
    "posts/2026-01-15-agents-in-practice-evals-first/",  # audio, X
    "posts/2025-12-10-open-weights-economics/",  # Vimeo
    "tags/",
    "tags/gpu/",
    "people/",
    "people/lex-fridman/",  # profile page written by hand
    "people/sebastian-raschka/",  # profile from data/people.yml
    "series/lex-fridman-podcast-490/",
    "companies/openai/",
]

#: Elements of the page's content (the plugin's and the theme's) whose box ends past the viewport:
#: a theme may clip them (overflow-x: hidden) instead of letting the page scroll, which is as bad.
GEOMETRY_JS = """
(() => {
  const vw = window.innerWidth;
  const cut = [];
  for (const el of document.querySelectorAll('[class*="pd-"], iframe, article *, .rst-content *, [role="main"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (el.closest('pre, .highlight, table, .md-sidebar, .wy-nav-side, .headerlink, .pd-hidden')) continue;  // (.pd-hidden: for screen readers only)
    if (r.left < -1 || r.right > vw + 1) cut.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  // What a facade says must fit inside it (its box grows rather than cut its words off).
  for (const b of document.querySelectorAll('.pd-embed__facade')) {
    const box = b.getBoundingClientRect();
    for (const c of b.children) {
      const r = c.getBoundingClientRect();
      if (r.height && (r.top < box.top - 1 || r.bottom > box.bottom + 1)) cut.push(`facade's ${c.className}: ${Math.round(r.top)}..${Math.round(r.bottom)} outside ${Math.round(box.top)}..${Math.round(box.bottom)}`);
    }
  }
  // A date is read as one: never broken at its hyphens (2026- / 02-13), wherever a line ends.
  const wrapped = [...document.querySelectorAll('[class*="pd-"] time')]
    .filter(t => t.getClientRects().length > 1 || getComputedStyle(t).whiteSpace !== 'nowrap')
    .map(t => t.textContent);
  const frames = [...document.querySelectorAll('.pd-embed__frame')].map(f => {
    const r = f.getBoundingClientRect();
    return {video: !!f.closest('.pd-embed--video'), w: r.width, h: r.height};
  });
  return {
    scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    vw, cut: cut.slice(0, 10), frames, wrapped,
  };
})()
"""


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


def check_geometry(page, where: str) -> list[dict]:
    g = page.evaluate(GEOMETRY_JS)
    assert g["scroll"] <= g["vw"], f"{where}: the page scrolls sideways ({g['scroll']}px > {g['vw']}px)"
    assert g["cut"] == [], f"{where}: cut off at the right edge: {g['cut']}"
    assert g["wrapped"] == [], f"{where}: dates broken across lines: {g['wrapped']}"
    for frame in g["frames"]:
        assert frame["w"] >= 0.75 * g["vw"], f"{where}: an embed only {frame['w']}px wide"
        if frame["video"]:
            assert frame["w"] / frame["h"] == pytest.approx(16 / 9, rel=0.02), f"{where}: video {frame}"
    return g["frames"]


def test_phone_no_sideways_scroll_and_embeds_keep_aspect(site, phone):
    page = phone.new_page()
    Requests(page)
    videos = 0
    for path in PAGES:
        page.goto(site.url(path), wait_until="load")
        frames = check_geometry(page, f"{site.theme} /{path}")
        videos += sum(f["video"] for f in frames)
        if frames:  # the players that replace the facades keep the same box
            page.evaluate("document.querySelectorAll('button.pd-embed__facade').forEach(b => b.click())")
            page.locator(".pd-embed iframe").first.wait_for(state="attached")
            after = check_geometry(page, f"{site.theme} /{path} (players loaded)")
            assert after == frames, f"{site.theme} /{path}: embeds changed size when loaded"
    assert videos >= 2



@pytest.mark.parametrize("width", [320])
def test_narrowest_screens_keep_the_facades_words_and_pager_targets(site, browser, width):
    """WCAG's reflow width (320 px): the facades grow to hold their words (a 16:9 box there is
    ~150 px high in readthedocs' column); the pager's numbers stay 24 px targets (2.5.8)."""
    ctx = browser.new_context(viewport={"width": width, "height": 720}, device_scale_factor=1)
    try:
        page = ctx.new_page()
        Requests(page)
        for path in ("posts/2026-02-02-lex-490-before-agi/", "posts/2026-01-15-agents-in-practice-evals-first/"):
            page.goto(site.url(path), wait_until="load")
            g = page.evaluate(GEOMETRY_JS)
            assert g["cut"] == [], f"{site.theme} /{path} at {width}px: {g['cut']}"
        # The example's lists fit on one page: a pager as the template writes it, put in the
        # theme's content column, with the theme's styles and ours.
        page.goto(site.url("posts/"), wait_until="load")
        sizes = page.evaluate(
            """() => {
              const list = document.querySelector('.pd-listing');
              list.insertAdjacentHTML('afterend', '<nav class="pd-pager"><span class="pd-pager__pages">'
                + '<a href="#">1</a> <span aria-current="page">2</span> <a href="#">3</a> </span></nav>');
              return [...document.querySelectorAll('.pd-pager__pages a, .pd-pager__pages [aria-current]')]
                .map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]);
            }"""
        )
        assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), f"{site.theme}: pager targets {sizes}"
    finally:
        ctx.close()


#: For a few elements of the plugin: the contrast of their text with what is behind it (WCAG 2), and
#: the contrast the theme alone would give them (the same colours without the plugin's opacity).
#: Text colour is blended with its alpha and the opacity of the element and its ancestors; the
#: background is the first opaque one up the tree (layers above it blended in).
CONTRAST_JS = """
(selectors) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                  b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const ratio = (x, y) => { const [hi, lo] = [lum(x), lum(y)].sort((a, b) => b - a); return (hi + 0.05) / (lo + 0.05); };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) { layers.push(c); if (c.a === 1) break; }
    }
    let bg = {r: 255, g: 255, b: 255, a: 1};
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg;
  };
  const out = [];
  for (const sel of selectors) {
    for (const el of [...document.querySelectorAll(sel)].slice(0, 3)) {
      if (!el.getClientRects().length) continue;
      let all = 1, theirs = 1;
      for (let e = el; e; e = e.parentElement) {
        const o = Number(getComputedStyle(e).opacity);
        all *= o;
        if (![...e.classList].some(c => c.startsWith('pd-'))) theirs *= o;
      }
      const color = parse(getComputedStyle(el).color);
      const bg = background(el);
      const seen = over({...color, a: color.a * all}, bg), theme = over({...color, a: color.a * theirs}, bg);
      out.push({sel, text: el.textContent.trim().slice(0, 30), ratio: ratio(seen, bg), theme: ratio(theme, bg)});
    }
  }
  return out;
}
"""
READABLE = {
    "posts/2026-02-02-lex-490-before-agi/": [
        ".pd-post-meta__date",
        ".pd-post-meta__source a",
        ".pd-related__item time",
        ".pd-series__kicker",
        ".pd-series__position",
        ".pd-series__here",
        ".pd-series__part a",
        ".pd-series__prev",
        ".pd-embed__provider",
        ".pd-embed__title",
        ".pd-embed__note",
        ".pd-post-terms__label",
        ".pd-chip",
    ],
    "tags/": [".pd-chip", ".pd-chip__count", ".pd-terms__sort button"],
    "tags/gpu/": ["a.pd-listing__title", ".pd-listing__meta", ".pd-listing__description"],
}


def test_plugin_text_is_readable_on_the_theme_background(site, context):
    page = context.new_page()
    Requests(page)
    low = []
    for path, selectors in READABLE.items():
        page.goto(site.url(path), wait_until="load")
        found = page.evaluate(CONTRAST_JS, selectors)
        assert {f["sel"] for f in found} == set(selectors), f"{site.theme} /{path}: missing elements"
        # AA (4.5:1), or where the theme's own colours fall short of it, no less than the theme gives.
        low += [
            f"/{path} {f['sel']} {f['text']!r}: {f['ratio']:.2f} (theme's colours: {f['theme']:.2f})"
            for f in found
            if f["ratio"] < min(4.5, f["theme"]) - 0.01
        ]
    assert low == [], f"{site.theme}: the plugin's styles make text hard to read:\n" + "\n".join(low)


def test_dark_scheme_is_dark(sites, browser):
    """The dark variant really is dark, so the contrast test above covers light text on dark."""
    page = browser.new_page()
    try:
        Requests(page)
        page.goto(sites("material-dark").url("posts/2026-02-02-lex-490-before-agi/"), wait_until="load")
        bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        r, g, b = (int(v) for v in re.findall(r"\d+", bg)[:3])
        assert max(r, g, b) < 80, bg
    finally:
        page.close()


#: Items of the plugin's lists that must show no bullet: term chips and the lines of a listing
#: (a series' listing is numbered and keeps its numbers).
MARKERS_JS = """
() => [...document.querySelectorAll('.pd-chips > li, .pd-listing:not(.pd-listing--ordered) > li')]
  .filter(li => { const s = getComputedStyle(li); return s.display === 'list-item' && s.listStyleType !== 'none'; })
  .map(li => `${li.parentElement.className} > li: ${getComputedStyle(li).listStyleType} (${li.textContent.trim().slice(0, 20)})`)
"""


def test_chips_and_listing_lines_have_no_bullets(site, context):
    """A theme may put its bullet on each item instead of the list (readthedocs:
    ``.rst-content section ul li``); chips and listing lines are not bulleted lists to the eye."""
    page = context.new_page()
    Requests(page)
    seen = 0
    bulleted = []
    for path in ("posts/2026-02-02-lex-490-before-agi/", "tags/", "tags/gpu/", "people/"):
        page.goto(site.url(path), wait_until="load")
        seen += page.locator(".pd-chips > li, .pd-listing > li").count()
        bulleted += [f"/{path} {x}" for x in page.evaluate(MARKERS_JS)]
    assert seen > 10
    assert bulleted == [], f"{site.theme}: bullets on " + "; ".join(bulleted[:5])
