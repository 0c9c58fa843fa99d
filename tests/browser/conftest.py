"""Browser tests: the example site built in each theme, served on 127.0.0.1, read by headless Chromium.

Chromium is Debian's (`/usr/bin/chromium`, installed by `tests/install-browser.sh`); Playwright's own
browser download is not used. Without Chromium the tests skip, except under CI (`CI=true`), where a
missing browser fails them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browser.browser_support import CHROMIUM, CHROMIUM_ARGS, THEMES, Served, build_example, serve


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives headless Chromium against a built site")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install '.[test]')"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (run: bash tests/install-browser.sh)"
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; a skip without it, except under CI where that is a failure."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> Iterator[Callable[[str], Served]]:
    """sites(theme) -> Served: the example site built once per theme per session and served."""
    stack = contextlib.ExitStack()
    cache: dict[str, Served] = {}

    def _get(theme: str) -> Served:
        if theme not in cache:
            root = tmp_path_factory.mktemp(f"site-{theme}")
            site_dir = build_example(THEMES[theme], root)
            cache[theme] = Served(theme, site_dir, stack.enter_context(serve(site_dir)))
        return cache[theme]

    with stack:
        yield _get


@pytest.fixture(params=list(THEMES))
def site(request, sites, browser) -> Served:
    """The example site in each theme (the browser fixture first, so a missing browser skips early)."""
    return sites(request.param)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    yield ctx
    ctx.close()
