"""The benchmark's corpus generator still makes sites that build cleanly, with the pages expected.

A tiny corpus (8 posts: one 4-part series and 4 single posts) is built with ``--strict`` in each
variant, so an invalid embed ID, a front-matter key a plugin rejects or a broken link in the
generator fails here instead of silently skewing the benchmark. No timing is measured.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_podcast_digest.urls import slugify

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", BENCH / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _build(site: Path) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    out = site / "site"
    config = load_config(config_file=str(site / "mkdocs.yml"), strict=True, site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)  # strict: any warning aborts the build
    finally:
        config.plugins.on_shutdown()
    return out


def test_generator_is_seeded_and_shaped(corpus_module):
    posts, pools = corpus_module.make_posts(8, seed=3)
    again, _ = corpus_module.make_posts(8, seed=3)
    assert [p.title for p in posts] == [p.title for p in again]
    assert len(posts) == 8 and len(pools["tags"]) == 200
    assert [p.series_order for p in posts] == [1, 2, 3, 4, 0, 0, 0, 0]
    for p in posts:
        assert len(p.tags) == 5 and len(p.people) == 2 and len(p.companies) == 3 and len(p.embeds) == 3
        assert 7000 < len(corpus_module.body(p).encode()) < 12000


def test_plugin_variant_builds_every_page(corpus_module, tmp_path):
    corpus_module.write_corpus(tmp_path, 8, seed=3, variants=("plugin",))
    posts, _ = corpus_module.make_posts(8, seed=3)
    out = _build(tmp_path / "plugin")
    published = [p for p in posts if not p.draft]

    for p in posts:
        assert (out / "posts" / p.stem / "index.html").exists() is not p.draft
    page = (out / "posts" / published[0].stem / "index.html").read_text(encoding="utf-8")
    assert page.count('class="pd-embed ') == 3  # youtube, spotify, apple-podcast: all valid
    for key, folder in (("tags", "tags"), ("people", "people"), ("companies", "companies")):
        terms = {t for p in published for t in getattr(p, key)}
        assert terms
        for term in terms:
            assert (out / folder / slugify(term) / "index.html").exists(), (folder, term)
    series = {p.series for p in published if p.series}
    assert len(series) == 1
    assert (out / "series" / slugify(series.pop()) / "index.html").exists()
    for index in ("posts", "tags", "categories", "people", "companies", "series"):
        assert (out / index / "index.html").exists()
    assert (out / "index.html").exists()  # the generated home page


@pytest.mark.parametrize(("variant", "posts_dir"), [("plain", "posts"), ("blog", "blog/posts")])
def test_reference_variants_build_the_same_posts(corpus_module, tmp_path, variant, posts_dir):
    corpus_module.write_corpus(tmp_path, 8, seed=3, variants=(variant,))
    posts, _ = corpus_module.make_posts(8, seed=3)
    out = _build(tmp_path / variant)
    sources = sorted((tmp_path / variant / "docs" / posts_dir).glob("*.md"))
    assert [s.stem for s in sources] == sorted(p.stem for p in posts)
    if variant == "plain":
        # Plain MkDocs knows no drafts: every post is a page; shortcodes stay text.
        built = sorted(p.parent.name for p in (out / "posts").glob("*/index.html"))
        assert built == sorted(p.stem for p in posts)
        assert "{{&lt; youtube" in (out / "posts" / posts[0].stem / "index.html").read_text(encoding="utf-8")
    else:
        # The blog: one page per published post under its date URL, and the tags page.
        pages = [p for p in out.rglob("*.html") if "/blog/20" in p.as_posix()]
        assert len(pages) == len([p for p in posts if not p.draft])
        assert (out / "tags" / "index.html").exists()
