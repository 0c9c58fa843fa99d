"""Regenerate the screenshots of the example site shown in the README.

    .venv/bin/python example_site/make_screenshots.py [--out example_site/screenshots]

Builds the example site (its own mkdocs.yml for Material; the same docs in the default MkDocs theme
and readthedocs for one shot each), serves it on 127.0.0.1 and photographs a few pages with
headless Chromium (Debian's /usr/bin/chromium; `bash tests/install-browser.sh` installs it).
Requests to other hosts are blocked, so the shots are the same offline and online, and they show
the click-to-load facades as a first-time reader sees them. Shots are viewport-sized (1200x900,
phone 375x800) PNGs, to keep the repository small.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner on every build
sys.path.insert(0, str(HERE.parent / "tests" / "browser"))

from browser_support import CHROMIUM, CHROMIUM_ARGS, THEMES, build_example, serve  # noqa: E402

DESKTOP = {"width": 1280, "height": 900}  # wide enough for Material's navigation sidebar
PHONE = {"width": 375, "height": 800}
POST = "posts/2026-02-02-lex-490-before-agi/"  # series box, YouTube, Spotify, Apple Podcasts

#: file name -> (theme, page, viewport, colour scheme, CSS selector to scroll to the top or None)
SHOTS: dict[str, tuple[str, str, dict, str, str | None]] = {
    "post-desktop.png": ("material", POST, DESKTOP, "light", None),
    "post-phone.png": ("material", POST, PHONE, "light", None),
    "post-embeds-phone.png": ("material", POST, PHONE, "light", ".pd-embed"),
    "dark.png": ("material", POST, DESKTOP, "dark", None),
    "series.png": ("material", "series/lex-fridman-podcast-490/", DESKTOP, "light", None),
    "tag.png": ("material", "tags/gpu/", DESKTOP, "light", None),
    "tags-index.png": ("material", "tags/", DESKTOP, "light", None),
    "person.png": ("material", "people/lex-fridman/", DESKTOP, "light", None),
    "post-readthedocs.png": ("readthedocs", POST, DESKTOP, "light", None),
    "post-mkdocs.png": ("mkdocs", POST, DESKTOP, "light", None),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("only", nargs="*", help="file names to regenerate (default: all)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run `bash tests/install-browser.sh`", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    shots = {k: v for k, v in SHOTS.items() if not args.only or k in args.only}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        # Material as the example site ships it (palette toggle follows the reader's scheme).
        theme_of = {"material": {"name": "material"}, **{k: THEMES[k] for k in ("mkdocs", "readthedocs")}}
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with contextlib.ExitStack() as servers:
            served = {
                theme: servers.enter_context(serve(build_example(theme_of[theme], Path(tmp) / theme)))
                for theme in sorted({theme for theme, *_ in shots.values()})
            }
            for name, (theme, path, viewport, scheme, anchor) in shots.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page = context.new_page()
                page.route(
                    re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:|about:)"), lambda r: r.abort()
                )
                page.goto(served[theme] + path, wait_until="networkidle")
                if anchor:
                    page.locator(anchor).first.evaluate(
                        "e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 60)"
                    )
                page.screenshot(path=str(args.out / name), animations="disabled")
                context.close()
                print(
                    f"{args.out / name}  ({theme} {path} {viewport['width']}x{viewport['height']} {scheme})"
                )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
