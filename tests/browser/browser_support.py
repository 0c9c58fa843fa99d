"""Building, serving and watching the example site for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "example_site"
CHROMIUM = os.environ.get("PD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

#: Theme name -> the `theme:` of mkdocs.yml (over the example's own when it is the same theme). The themes' own third-party assets are switched off with
#: their documented options (MkDocs' highlight.js from cdnjs, Material's Google Fonts), as a site
#: that promises "nothing loads from a third party" must; the plugin's pages must add none of their own.
THEMES: dict[str, dict] = {
    "mkdocs": {"name": "mkdocs", "highlightjs": False},
    "readthedocs": {"name": "readthedocs", "highlightjs": False},
    "material": {"name": "material", "font": False, "palette": {"scheme": "default"}},
    "material-dark": {"name": "material", "font": False, "palette": {"scheme": "slate"}},
}


def example_config(theme: dict, site_dir: Path) -> dict:
    """The example site's mkdocs.yml with another theme, usable from any folder."""
    cfg = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    own = cfg.get("theme") or {}
    if own.get("name") == theme["name"]:
        cfg["theme"] = {**own, **theme}  # the example's features, with this palette and font
    else:
        # MkDocs' own themes print `locale` as the page's language: the example's, so the page
        # says it is in Chinese, as its labels and posts are.
        cfg["theme"] = {**theme, "locale": str(own.get("language", "en")).replace("-", "_")}
    cfg["docs_dir"] = str(EXAMPLE / "docs")
    cfg["site_dir"] = str(site_dir)
    plugins = []
    for entry in cfg.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        options = {} if isinstance(entry, str) else dict(entry[name] or {})
        if name == "podcast-digest":
            # Both folders are relative to mkdocs.yml, which now lives elsewhere.
            options["data_dir"] = str(EXAMPLE / options.get("data_dir", "data"))
            options["shortcodes_dir"] = str(EXAMPLE / options.get("shortcodes_dir", "layouts/shortcodes"))
        plugins.append({name: options} if options else name)
    cfg["plugins"] = plugins
    return cfg


def build_example(theme: dict, root: Path) -> Path:
    """Build the example site with `theme` into root/site (strict: any warning fails) and return it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root.mkdir(parents=True, exist_ok=True)
    site_dir = root / "site"
    config_file = root / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(example_config(theme, site_dir), allow_unicode=True), encoding="utf-8"
    )
    conf = load_config(config_file=str(config_file), strict=True)
    conf.plugins.on_startup(command="build", dirty=False)
    try:
        build(conf)
    finally:
        conf.plugins.on_shutdown()
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser drops connections it no longer needs; that is not a test failure


@dataclass
class Served:
    theme: str
    root: Path
    base: str  # "http://127.0.0.1:PORT/"

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (ephemeral port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def post_paths(site) -> list[str]:
    return sorted(
        p.parent.relative_to(site.root).as_posix() + "/" for p in (site.root / "posts").glob("*/index.html")
    )


class Requests:
    """Records every request to a host other than the local one, and aborts it.

    The route pattern is a regular expression, matched inside the browser, so local requests never
    make the round trip to Python.
    """

    def __init__(self, page):
        self.external: list[str] = []
        page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:|about:)"), self._abort)

    def _abort(self, route) -> None:
        self.external.append(route.request.url)
        route.abort()

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname for u in self.external}
