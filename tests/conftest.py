"""Build real MkDocs sites into temporary folders, the way users build theirs."""

from __future__ import annotations

import html
import logging
import posixpath
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files

from mkdocs_podcast_digest.urls import slugify

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@dataclass
class Site:
    root: Path
    warnings: list[str] = field(default_factory=list)

    @property
    def out(self) -> Path:
        return self.root / "site"

    def html(self, path: str) -> str:
        """The built page at a URL path such as 'tags/gpu/' or 'posts/a/'."""
        p = self.out / path
        if path.endswith("/") or not path:
            p = p / "index.html"
        return p.read_text(encoding="utf-8")

    def exists(self, path: str) -> bool:
        p = self.out / path
        return (p / "index.html").exists() if path.endswith("/") or not path else p.exists()


def build_site(root: Path, docs: dict[str, str | bytes], config: dict, command: str = "build") -> Site:
    """A strict build of ``docs`` with ``config`` over the defaults, and the warnings logged: for
    a module's fixture (``make_site`` is per test, through pytest's ``caplog``)."""
    cfg = {"site_name": "Test", "site_url": "https://example.com/", "plugins": ["search", "podcast-digest"]}
    cfg.update(config)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    write_files(root / "docs", docs)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        conf = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site"))
        conf.plugins.on_startup(command=command, dirty=False)
        try:
            build(conf)
        finally:
            conf.plugins.on_shutdown()
    finally:
        logging.getLogger().removeHandler(handler)
    return Site(root, [r.getMessage() for r in records])


def follow(site: Site, url: str) -> tuple[str, str]:
    """(URL reached, its HTML) from a site path, through at most one redirect page."""
    text = site.html(unquote(url).lstrip("/"))
    refresh = _REFRESH.search(text)
    if refresh is None:
        return url, text
    target = unquote(urlsplit(urljoin("https://x" + url, html.unescape(refresh.group(1)))).path)
    return target, site.html(target.lstrip("/"))


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def with_infos(build) -> tuple[object, list[str]]:
    """What the plugin said at INFO level while ``build()`` ran, and what it returned."""
    infos: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: infos.append(record.getMessage())
    logger = logging.getLogger("mkdocs.plugins.mkdocs_podcast_digest.plugin")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    try:
        return build(), infos
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture
def make_site(tmp_path, caplog):
    """make_site(docs={...}, config={...}, strict=False, command='build') -> Site."""

    def _make(
        docs: dict[str, str | bytes],
        config: dict | None = None,
        strict: bool = False,
        command: str = "build",
        extra: dict[str, str | bytes] | None = None,
        root: Path | None = None,
    ) -> Site:
        root = root or tmp_path
        cfg = {
            "site_name": "Test",
            "site_url": "https://example.com/",
            "plugins": ["search", "podcast-digest"],
        }
        cfg.update(config or {})
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
        write_files(root / "docs", docs)
        write_files(root, extra or {})
        caplog.clear()
        caplog.set_level(logging.WARNING)
        conf = load_config(config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
        conf.plugins.on_startup(command=command, dirty=False)
        site = Site(root)
        try:
            build(conf)
        finally:
            conf.plugins.on_shutdown()
            site.warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        return site

    return _make


@pytest.fixture
def strict_fails(make_site):
    """Assert that a strict build of these docs aborts, and return the warnings it printed."""

    def _check(docs: dict[str, str | bytes], **kwargs) -> list[str]:
        with pytest.raises(Abort):
            make_site(docs, strict=True, **kwargs)
        return []

    return _check


@pytest.fixture(autouse=True)
def _the_plugin_never_replaces_a_file(monkeypatch):
    """A file the plugin appends where the site has one already replaces it, silently (MkDocs
    only warns): fail on that, wherever it happens (another plugin's own appends are theirs)."""
    original = Files.append

    def append(self, file):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith("mkdocs_podcast_digest") and file.src_uri in self.src_uris:
            raise AssertionError(f"the plugin appended {file.src_uri!r}, which the site has already")
        return original(self, file)

    monkeypatch.setattr(Files, "append", append)


def hugo_page_here(entry: dict) -> str:
    """The page here that answers for an entry of a Hugo recording of the permalinks/uglyURLs
    fixture (a page, section, term...): both record the same site."""
    if entry["kind"] == "home":
        return "/"
    if entry["kind"] == "section" and not entry.get("file"):
        return "/episodes/"  # the one section without an `_index.md`
    if entry.get("file"):
        folder, name = posixpath.split(entry["file"])
        stem = posixpath.splitext(name)[0]
        return "/" + (folder if stem in ("index", "_index") else posixpath.join(folder, stem)) + "/"
    folder = {"related_people": "people"}.get(entry["taxonomy"], entry["taxonomy"])  # its folder here
    return f"/{folder}/" if entry["kind"] == "taxonomy" else f"/{folder}/{slugify(entry['term'])}/"
