"""`mkdocs serve`: posts edited, added, renamed and deleted between rebuilds leave nothing stale.

Done the way ``mkdocs/commands/serve.py`` does it: ``load_config`` and ``on_startup(command="serve")``
once, then a build; every later rebuild loads the config again (MkDocs hands back the same plugin
instance, cached because it has ``on_startup``) and builds into the same site folder.
"""

from __future__ import annotations

import json
import logging
import re
import textwrap
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def post(
    title: str, date: str, *, tags=(), series: str = "", order: int | None = None, extra: str = ""
) -> str:
    lines = [f"title: {title}", f"date: {date}", f"tags: {json.dumps(list(tags))}"]
    if series:
        lines.append(f"series: {series}")
    if order is not None:
        lines.append(f"series_order: {order}")
    return "---\n" + "\n".join(lines) + "\n" + extra + "---\n\nText of " + title + ".\n"


class Server:
    """A stand-in for `mkdocs serve`: the builder closure, without the HTTP server."""

    def __init__(
        self, root: Path, caplog, config: dict | None = None, dirty: bool = False, site: str = "site"
    ) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)
        self.site_dir = root / site
        self.dirty = dirty
        self.caplog = caplog
        self.write_config(config or {})
        self.config = self._load()
        self.config.plugins.on_startup(command="serve", dirty=dirty)
        self.plugin = self.config.plugins["podcast-digest"]
        self.first = True
        self.warnings: list[str] = []

    def write_config(self, extra: dict) -> None:
        cfg = {
            "site_name": "Serve",
            "site_url": "https://example.com/",
            "plugins": ["search", "podcast-digest"],
        }
        cfg.update(extra)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")

    def _load(self):
        return load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))

    def write(self, rel: str, text: str) -> None:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def rebuild(self) -> None:
        # serve.py: the first build reuses the startup config; each rebuild loads it again.
        if not self.first:
            self.config = self._load()
            assert self.config.plugins["podcast-digest"] is self.plugin  # one instance for the session
        self.first = False
        self.config.site_url = SERVE_URL
        self.caplog.clear()
        self.caplog.set_level(logging.WARNING)
        build(self.config, serve_url=SERVE_URL, dirty=self.dirty)
        self.warnings = [r.getMessage() for r in self.caplog.records if r.levelno >= logging.WARNING]

    def close(self) -> None:
        self.config.plugins.on_shutdown()

    # --- reading the site

    def html(self, url: str) -> str:
        return (self.site_dir / url / "index.html").read_text(encoding="utf-8")

    def exists(self, url: str) -> bool:
        return (self.site_dir / url / "index.html").exists()

    def pages(self, folder: str) -> set[str]:
        """URL folders with a page under `folder` (pagination included). Each also has the
        redirect at Hugo's `page/1/` (checked to be there, and gone with its page)."""
        base = self.site_dir / folder
        found = (
            {p.parent.relative_to(base).as_posix() for p in base.rglob("index.html")}
            if base.exists()
            else set()
        )
        pages = {p for p in found if not re.search(r"(^|/)page/1$", p)}
        lists = {p for p in pages if not re.search(r"(^|/)page/\d+$", p)}  # not page 2 of one
        assert found - pages == {"page/1" if p == "." else f"{p}/page/1" for p in lists}
        return pages

    def search_locations(self) -> set[str]:
        index = json.loads((self.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
        return {d["location"].split("#")[0] for d in index["docs"]}

    def sitemap(self) -> str:
        return (self.site_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_edit_add_rename_delete_between_rebuilds(tmp_path, caplog):
    s = Server(tmp_path, caplog)
    try:
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["old-tag", "shared"], series="Saga", order=1))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["shared"], series="Saga", order=2))
        s.write("posts/d.md", post("Draft one", "2026-01-03", tags=["draft-only"], extra="draft: true\n"))
        s.rebuild()
        assert s.warnings == []
        assert s.pages("tags") == {".", "old-tag", "shared", "draft-only"}
        assert "pd-draft" in s.html("posts/d/")  # drafts are shown (marked) under serve
        assert "Alpha" in s.html("series/saga/") and "Beta" in s.html("series/saga/")

        # --- edit: a post changes its title and a tag
        s.write(
            "posts/a.md",
            post("Alpha edited", "2026-01-01", tags=["new-tag", "shared"], series="Saga", order=1),
        )
        s.rebuild()
        assert s.pages("tags") == {".", "new-tag", "shared", "draft-only"}
        index = s.html("tags")
        assert "old-tag" not in index and "new-tag" in index
        for page in ("tags/shared", "posts", "series/saga", "posts/b", ""):
            html = s.html(page)
            assert "Alpha edited" in html, page
            assert ">Alpha<" not in html and "Alpha</a>" not in html, page
        assert "tags/old-tag/" not in s.sitemap() and "tags/old-tag/" not in s.search_locations()

        # --- add: a third part of the series and a new tag
        s.write("posts/e.md", post("Epsilon", "2026-01-04", tags=["fresh"], series="Saga", order=3))
        s.rebuild()
        assert "fresh" in s.pages("tags")
        saga = s.html("series/saga")
        assert saga.index("Alpha edited") < saga.index("Beta") < saga.index("Epsilon")
        assert "Epsilon" in s.html("posts")

        # --- rename: b.md -> b2.md (the URL changes; the old one must not linger in any listing)
        (s.docs / "posts/b.md").rename(s.docs / "posts/b2.md")
        s.rebuild()
        assert not s.exists("posts/b") and s.exists("posts/b2")
        for page in ("tags/shared", "series/saga", "posts", "posts/a", "posts/e"):
            html = s.html(page)
            assert "posts/b/" not in html.replace("posts/b2/", ""), page
            assert "b2/" in html, page
        assert "posts/b/" not in s.search_locations()

        # --- delete: the edited post goes, with the terms only it had
        (s.docs / "posts/a.md").unlink()
        s.rebuild()
        assert s.pages("tags") == {".", "shared", "fresh", "draft-only"}
        for page in ("tags", "tags/shared", "series/saga", "posts", "", "posts/b2", "posts/e"):
            assert "Alpha edited" not in s.html(page), page
        assert "new-tag" not in s.html("tags")

        # --- the last post of the series goes: no series index, no series page
        (s.docs / "posts/b2.md").unlink()
        (s.docs / "posts/e.md").unlink()
        s.rebuild()
        assert s.pages("series") == set()
        assert s.pages("tags") == {".", "draft-only"}
        assert "Saga" not in s.html("posts/d")
    finally:
        s.close()


def test_warnings_belong_to_the_build_that_found_them(tmp_path, caplog):
    s = Server(tmp_path, caplog)
    try:
        s.write("posts/a.md", "---\ntitle: A\ndate: someday\n---\nText\n")
        s.rebuild()
        assert [w for w in s.warnings if "posts/a.md:3: has a date that cannot be read" in w]
        s.rebuild()  # the same problem once per build, not once per build so far
        assert len([w for w in s.warnings if "posts/a.md:3" in w]) == 1
        s.write("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText\n")
        s.rebuild()
        assert s.warnings == []
    finally:
        s.close()


def test_config_edits_apply_on_the_next_rebuild(tmp_path, caplog):
    s = Server(tmp_path, caplog)
    try:
        for i in range(3):
            s.write(f"posts/p{i}.md", post(f"Post {i}", f"2026-01-0{i + 1}", tags=["t"]))
        s.rebuild()
        assert not s.exists("tags/t/page/2")
        s.write_config({"plugins": ["search", {"podcast-digest": {"page_size": 2}}]})
        s.rebuild()
        assert s.exists("tags/t/page/2") and s.exists("posts/page/2")
        s.write_config({"plugins": ["search", {"podcast-digest": {"taxonomies": {"tags": False}}}]})
        s.rebuild()
        assert s.pages("tags") == set()
        assert not s.exists("posts/page/2")
        # Our theme folder, CSS and script are added once, however many rebuilds there were.
        assert s.config.extra_css.count("assets/podcast-digest/digest.css") == 1
        scripts = [str(x) for x in s.config.extra_javascript]
        assert scripts.count("assets/podcast-digest/embeds.js") == 1
    finally:
        s.close()


def test_between_rebuilds_the_plugin_holds_no_page(tmp_path, caplog):
    """`mkdocs serve` keeps the plugin while it waits for an edit: it must not keep the site too."""
    import gc
    import types

    from mkdocs.structure.pages import Page

    s = Server(tmp_path, caplog)
    try:
        s.write("posts/a.md", post("A", "2026-01-01", tags=["x"]))
        s.write("posts/b.md", post("B", "2026-01-02", tags=["x"]))
        s.rebuild()
        seen, frontier, pages = {id(s.plugin)}, [s.plugin], 0
        for _ in range(6):  # everything within six references of the plugin's own attributes
            step = []
            for obj in gc.get_referents(*frontier):
                if id(obj) in seen or isinstance(obj, type | types.ModuleType | types.FunctionType):
                    continue
                seen.add(id(obj))
                pages += isinstance(obj, Page)
                step.append(obj)
            frontier = step
        assert pages == 0
    finally:
        s.close()


def _built_pages(site_dir: Path) -> dict[str, bytes]:
    """Every page the plugin adds to or makes, by path (search index and 404 are MkDocs' own)."""
    return {
        p.relative_to(site_dir).as_posix(): re.sub(rb"Build Date UTC : .*", b"", p.read_bytes())
        for p in site_dir.rglob("index.html")
        if p.parent != site_dir / "search"
    }


def test_dirty_rebuilds_rebuild_the_posts_that_show_an_edited_post(tmp_path, caplog):
    """`mkdocs serve --dirty`: MkDocs rebuilds only edited files; the plugin adds the posts that
    show an edited one (series parts, related posts), and never leaves a page stale."""
    s = Server(tmp_path, caplog, dirty=True)
    try:
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["shared"], series="Saga", order=1))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["other"], series="Saga", order=2))
        s.write("posts/c.md", post("Gamma", "2026-01-03", tags=["shared"]))
        s.write("posts/d.md", post("Delta", "2026-01-04", tags=["lonely"], extra="related_people: [Lex]\n"))
        s.write("people/lex.md", "---\nname: Lex\n---\nA profile.\n")  # its list is added by the plugin
        s.write("about.md", "# About us\n\nA page in the nav.\n")
        s.rebuild()
        built = {
            u: (s.site_dir / u / "index.html").stat().st_mtime_ns for u in ("posts/b", "posts/c", "posts/d")
        }

        s.write("posts/a.md", post("Alpha, revised", "2026-01-01", tags=["shared"], series="Saga", order=1))
        s.rebuild()
        assert "Alpha, revised" in s.html("posts/b")  # its series box
        assert "About us" in s.html("posts/b") and ">None<" not in s.html("posts/b")  # the nav
        assert "Alpha, revised" in s.html("posts/c")  # its related posts
        assert (s.site_dir / "posts/d/index.html").stat().st_mtime_ns == built["posts/d"]  # still dirty
        fresh = Server(tmp_path, caplog, site="fresh")
        fresh.rebuild()
        # MkDocs keeps one instance of the plugin per process: the reference build started it
        # anew; start it again as this session's (one `mkdocs serve` per process in real life).
        s.plugin.on_startup(command="serve", dirty=True)
        assert _built_pages(s.site_dir) == _built_pages(fresh.site_dir)

        # A new term changes what every post page may show (its name in the term links): all rebuilt.
        s.write(
            "posts/a.md", post("Alpha, revised", "2026-01-01", tags=["shared", "new"], series="Saga", order=1)
        )
        s.rebuild()
        assert (s.site_dir / "posts/d/index.html").stat().st_mtime_ns != built["posts/d"]
        fresh.rebuild()
        s.plugin.on_startup(command="serve", dirty=True)
        assert _built_pages(s.site_dir) == _built_pages(fresh.site_dir)
    finally:
        s.close()


def test_dirty_rebuilds_follow_a_shortcode_template(tmp_path, caplog):
    """A writer's shortcode template is not a page: editing it rebuilds the posts under --dirty."""
    s = Server(tmp_path, caplog, dirty=True)
    template = tmp_path / "layouts" / "shortcodes" / "note.html"
    template.parent.mkdir(parents=True)
    try:
        template.write_text("<aside>first {{ params.title }}</aside>", encoding="utf-8")
        s.write("posts/a.md", post("Alpha", "2026-01-01") + '\n{{< note title="x" >}}\n')
        s.rebuild()
        assert "first" in s.html("posts/a")
        template.write_text("<aside>second {{ params.title }}</aside>", encoding="utf-8")
        s.rebuild()
        assert "second" in s.html("posts/a")
    finally:
        s.close()


def test_serve_watches_shortcode_templates_and_term_data(tmp_path, caplog):
    s = Server(tmp_path, caplog)
    for folder in ("layouts/shortcodes", "data"):
        (tmp_path / folder).mkdir(parents=True)

    class LiveReload:  # the part of MkDocs' LiveReloadServer the plugin uses
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    try:
        server = LiveReload()
        assert s.plugin.on_serve(server, config=s.config, builder=lambda: None) is server
        assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in server.watched) == [
            "data",
            "layouts/shortcodes",
        ]
    finally:
        s.close()


def test_serve_reads_again_only_the_posts_that_changed(tmp_path, caplog, monkeypatch):
    from mkdocs_podcast_digest import posts as posts_module

    parsed: list[str] = []
    real = posts_module.parse_post
    monkeypatch.setattr(
        posts_module, "parse_post", lambda src, *a, **k: parsed.append(src) or real(src, *a, **k)
    )
    s = Server(tmp_path, caplog)
    try:
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["x"]))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"]))
        s.rebuild()
        assert sorted(parsed) == ["posts/a.md", "posts/b.md"]
        parsed.clear()
        s.write("posts/b.md", post("Beta, revised", "2026-01-02", tags=["x"]))
        s.rebuild()
        assert parsed == ["posts/b.md"]
        assert "Alpha" in s.html("tags/x") and "Beta, revised" in s.html("tags/x")
        # An option that changes what is read from a post reads them all again.
        parsed.clear()
        s.write_config({"plugins": ["search", {"podcast-digest": {"reading_speed_words": 100}}]})
        s.rebuild()
        assert sorted(parsed) == ["posts/a.md", "posts/b.md"]
    finally:
        s.close()


def test_what_another_plugin_changes_in_page_meta_stays_in_its_build(tmp_path, caplog):
    """Posts reused between rebuilds are copies: a hook appending to page.meta's lists in place
    (as some plugins do) finds the post's own list every time, not last build's."""
    hooks = tmp_path / "hooks.py"
    hooks.write_text(
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    tags = page.meta.get('tags')\n"
        "    if isinstance(tags, list):\n"
        "        tags.append('from-hook')\n"
        "        markdown += f'\\n\\nTags seen: {len(tags)}.\\n'\n"
        "    return markdown\n",
        encoding="utf-8",
    )
    s = Server(tmp_path, caplog, config={"hooks": [str(hooks)]})
    try:
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["x", "y"]))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"]))
        for _ in range(3):
            s.rebuild()
            assert "Tags seen: 3." in s.html("posts/a")
            s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"]) + "\nMore.\n")
    finally:
        s.close()


def test_dirty_rebuilds_keep_post_titles_in_the_nav_when_posts_are_in_it(tmp_path, caplog):
    config = {"theme": "readthedocs", "plugins": ["search", {"podcast-digest": {"posts_in_nav": True}}]}
    s = Server(tmp_path, caplog, dirty=True, config=config)
    try:
        s.write("posts/a.md", post("Alpha", "2026-01-01"))
        s.write("posts/b.md", post("Beta", "2026-01-02"))
        s.rebuild()
        s.write("posts/b.md", post("Beta, revised", "2026-01-02"))
        s.rebuild()
        nav = s.html("posts/b")
        assert 'href="../a/">Alpha</a>' in nav and ">None<" not in nav
    finally:
        s.close()


def test_dirty_rebuilds_follow_term_data_site_params_and_moved_ref_targets(tmp_path, caplog):
    """What a post page shows from elsewhere than posts: a person's data (in its JSON-LD), the
    site's `extra` (Hugo's `param`), and the URL of a page it links with `relref`."""
    s = Server(tmp_path, caplog, dirty=True, config={"extra": {"guest": "GUEST-ONE"}})
    data = tmp_path / "data" / "people.yml"
    data.parent.mkdir()
    try:
        data.write_text("lex: {name: Lex, description: First words.}\n", encoding="utf-8")
        s.write("posts/a.md", post("Alpha", "2026-01-01", extra="related_people: [lex]\n") + '\n{{< param "guest" >}}\n')
        s.write("posts/b.md", post("Beta", "2026-01-02") + '\nSee [Gamma]({{< relref "c" >}}).\n')
        s.write("posts/c.md", post("Gamma", "2026-01-03"))
        s.rebuild()
        s.rebuild()  # the first dirty build rebuilds every post; the next ones only what changed
        assert "First words." in s.html("posts/a") and "GUEST-ONE" in s.html("posts/a")
        assert 'href="../c/"' in s.html("posts/b")

        data.write_text("lex: {name: Lex, description: Second words.}\n", encoding="utf-8")
        s.write_config({"extra": {"guest": "GUEST-TWO"}})
        (s.docs / "posts" / "sub").mkdir()
        (s.docs / "posts" / "c.md").rename(s.docs / "posts" / "sub" / "c.md")
        s.rebuild()
        assert "Second words." in s.html("posts/a") and "First words." not in s.html("posts/a")
        assert "GUEST-TWO" in s.html("posts/a")
        assert 'href="../sub/c/"' in s.html("posts/b")
    finally:
        s.close()


def test_dirty_rebuilds_a_post_whose_relref_target_moved_and_only_it(tmp_path, caplog):
    s = Server(tmp_path, caplog, dirty=True)
    try:
        s.write("posts/b.md", post("Beta", "2026-01-02") + '\nSee [Gamma]({{< relref "c" >}}).\n')
        s.write("posts/c.md", post("Gamma", "2026-01-03"))
        s.write("posts/d.md", post("Delta", "2026-01-04"))
        s.rebuild()
        s.rebuild()
        before = (s.site_dir / "posts/d/index.html").stat().st_mtime_ns
        (s.docs / "posts" / "sub").mkdir()
        (s.docs / "posts" / "c.md").rename(s.docs / "posts" / "sub" / "c.md")
        s.rebuild()
        assert 'href="../sub/c/"' in s.html("posts/b")
        assert (s.site_dir / "posts/d/index.html").stat().st_mtime_ns == before  # links to nothing
    finally:
        s.close()


def test_dirty_rebuilds_follow_the_nav_the_site_name_and_included_templates(tmp_path, caplog):
    """Every post page shows the nav (the writer's other pages' titles, a post named in
    mkdocs.yml's `nav`), the site's name, and templates that templates include (a shortcode
    template's part in a subfolder, a partial of the theme's custom_dir): under --dirty, a
    change to any of those rebuilds the posts."""
    config = {"theme": {"name": "mkdocs", "custom_dir": "overrides"}, "nav": ["index.md", "about.md", "posts/a.md"]}
    (tmp_path / "overrides").mkdir()
    s = Server(tmp_path, caplog, dirty=True, config=config)
    parts = tmp_path / "layouts" / "shortcodes" / "parts"
    parts.mkdir(parents=True)
    (parts.parent / "box.html").write_text('<div class="box">{% include "parts/inner.html" %}</div>', encoding="utf-8")
    partial = tmp_path / "overrides" / "podcast_digest"
    partial.mkdir()
    (partial / "related.html").write_text('{% include "partials/extra.html" %}', encoding="utf-8")
    (tmp_path / "overrides" / "partials").mkdir()
    try:
        (parts / "inner.html").write_text("INNER-ONE", encoding="utf-8")
        (tmp_path / "overrides" / "partials" / "extra.html").write_text("EXTRA-ONE", encoding="utf-8")
        s.write("index.md", "# Home\n")
        s.write("about.md", "# About\n")
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["x"]))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"]) + "\n{{< box >}}\n")
        s.rebuild()
        s.rebuild()  # the first dirty build rebuilds every post; the next ones only what changed
        assert ">Alpha<" in s.html("posts/b") and "INNER-ONE" in s.html("posts/b") and "EXTRA-ONE" in s.html("posts/b")

        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"]) + "\n{{< box >}}\nMore.\n")
        s.rebuild()  # posts/a is named in the nav: read again, or every page rebuilt says "None"
        assert ">Alpha<" in s.html("about") and ">None<" not in s.html("about")

        s.write("about.md", "# About us\n")
        (parts / "inner.html").write_text("INNER-TWO", encoding="utf-8")
        s.rebuild()
        assert ">About us<" in s.html("posts/a") and "INNER-TWO" in s.html("posts/b")

        (tmp_path / "overrides" / "partials" / "extra.html").write_text("EXTRA-TWO", encoding="utf-8")
        s.rebuild()
        assert "EXTRA-TWO" in s.html("posts/b")

        s.write_config({**config, "site_name": "Renamed"})
        s.rebuild()
        assert 'content="Renamed"' in s.html("posts/a")  # og:site_name
    finally:
        s.close()


def test_dirty_rebuilds_follow_a_related_posts_schedule_and_where_an_image_is_found(tmp_path, caplog):
    """A related post's scheduled date is in its draft note (`mkdocs serve` shows drafts); a
    post's ``image: cover.png`` is the file next to it if there is one, else the site's."""
    overrides = tmp_path / "overrides" / "podcast_digest"
    overrides.mkdir(parents=True)
    (overrides / "related.html").write_text("{% for item in items %}[{{ item.draft_note }}]{% endfor %}", encoding="utf-8")
    s = Server(tmp_path, caplog, dirty=True, config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}})
    try:
        s.write("cover.png", "png")
        s.write("posts/a.md", post("Alpha", "2026-01-01", tags=["x"], extra="image: cover.png\n"))
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"], extra="publishDate: 2999-01-01\n"))
        s.rebuild()
        s.rebuild()
        assert "2999-01-01" in s.html("posts/a") and f'content="{SERVE_URL}cover.png"' in s.html("posts/a")
        s.write("posts/b.md", post("Beta", "2026-01-02", tags=["x"], extra="publishDate: 2998-06-01\n"))
        s.write("posts/cover.png", "png")
        s.rebuild()
        assert "2998-06-01" in s.html("posts/a") and "2999-01-01" not in s.html("posts/a")
        assert f'content="{SERVE_URL}posts/cover.png"' in s.html("posts/a")
    finally:
        s.close()


def test_an_edited_cascade_rebuilds_the_posts_it_reaches(tmp_path, caplog):
    """A cascade in `posts/_index.md` changes posts whose files did not change: under `--dirty`
    their pages are rebuilt too (their term links and their keys), and match a fresh build."""
    s = Server(tmp_path, caplog, dirty=True)
    try:
        s.write("posts/_index.md", "---\ntitle: Posts\ncascade:\n  tags: [first]\n---\n")
        s.write("posts/a.md", "---\ntitle: Alpha\ndate: 2026-01-01\n---\n\nText.\n")
        s.write("other/b.md", post("Beta", "2026-01-02"))
        s.rebuild()
        assert "first" in s.html("posts/a")
        s.write("posts/_index.md", "---\ntitle: Posts\ncascade:\n  tags: [second]\n---\n")
        s.rebuild()
        assert "second" in s.html("posts/a") and ">first<" not in s.html("posts/a")
        fresh = Server(tmp_path, caplog, site="fresh")
        fresh.rebuild()
        s.plugin.on_startup(command="serve", dirty=True)
        dirty, clean = _built_pages(s.site_dir), _built_pages(fresh.site_dir)
        assert {page: dirty[page] for page in clean} == clean  # (`--dirty` keeps tags/first/ behind)
    finally:
        s.close()
