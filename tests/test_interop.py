"""With other plugins: what they do around ours does not break either.

Third-party plugins are stood in for by MkDocs hooks (``hooks:`` in mkdocs.yml run as plugins
after the ``plugins:`` list, each event at its own priority), doing what the real ones do at
the step that matters; Material's blog is installed with the theme, so it is the real one.
"""

from __future__ import annotations

import re
import textwrap

POST = "---\ntitle: {title}\ndate: 2026-01-0{day}\ntags: [AI]\n---\n\nText of {title}.\n"


def _hook(make_site, code: str, docs: dict, **config):
    extra = {"hook.py": textwrap.dedent(code)}
    return make_site(docs, config={"hooks": ["hook.py"], **config}, extra=extra)


def test_a_post_another_plugin_removes_after_ours_is_left_out_with_a_warning(make_site):
    """mkdocs-exclude (listed after this plugin) removes a file in on_files, after the posts were
    read: the build stopped with a KeyError. The post is left out of every page, and the warning
    says how to have it excluded cleanly."""
    site = _hook(
        make_site,
        """
        def on_files(files, config):
            files.remove(files.get_file_from_path("posts/secret.md"))
            return files
        """,
        {"posts/a.md": POST.format(title="Open", day=1), "posts/secret.md": POST.format(title="Secret", day=2)},
    )
    assert not site.exists("posts/secret/")
    for page in ("posts/", "tags/ai/", "posts/a/"):
        assert "Secret" not in site.html(page), page
    assert "Secret" not in (site.out / "index.xml").read_text(encoding="utf-8")
    assert any(
        "posts/secret.md" in w and "another plugin" in w and "before podcast-digest" in w for w in site.warnings
    ), site.warnings


def test_a_plugin_reading_page_meta_in_on_page_markdown_sees_the_posts_front_matter(make_site):
    """MkDocs fills ``page.meta`` from the front matter before any ``on_page_markdown``; a post's
    front matter is read by this plugin, so it fills ``page.meta`` first thing in that event
    (mkdocs-macros, listed before it, found no ``render_macros: true`` and rendered nothing)."""
    site = _hook(
        make_site,
        """
        from mkdocs.plugins import event_priority

        @event_priority(50)
        def on_page_markdown(markdown, page, config, files):
            return markdown + f"\\n\\nMETA-{page.meta.get('flag')}-{page.meta.get('title')}\\n"
        """,
        {"posts/a.md": "---\ntitle: Open\ndate: 2026-01-01\nflag: yes-please\n---\n\nText.\n"},
    )
    assert "META-yes-please-Open" in site.html("posts/a/")


def test_materials_blog_keeps_its_archive_and_categories_in_the_nav(make_site):
    """The blog's section holds one page (its index) when the blog plugin hangs the archive and
    categories under it; this plugin gathered every section of one page into the page, and the
    blog found no section to hang them in."""
    blog_post = "---\ndate: 2026-01-03\ncategories: [News]\n---\n\n# Blog news\n\nText.\n"
    site = make_site(
        {
            "posts/a.md": POST.format(title="Open", day=1),
            "blog/index.md": "# Blog\n",
            "blog/posts/news.md": blog_post,
            "blog/posts/kept.md": "---\ndate:\n  created: 2026-01-02\nslug: kept\n---\n\n# Kept\n\nText.\n",
            "blog/posts/unfinished.md": "---\ndate: 2026-01-04\ndraft: true\nslug: unfinished\n---\n\n# U\n",
        },
        config={"theme": {"name": "material"}, "plugins": ["search", "blog", "podcast-digest"]},
    )
    nav = site.html("blog/")
    assert re.search(r">\s*Archive\s*<", nav) and re.search(r">\s*Categories\s*<", nav)
    assert site.exists("blog/archive/2026/") and site.exists("tags/ai/")
    # The blog's own front matter (a date as a mapping, a slug, a draft) is the blog's to read.
    assert site.warnings == [] and site.exists("blog/2026/01/02/kept/") and not site.exists("blog/kept/")
    assert not site.exists("blog/2026/01/04/unfinished/")


FAKE_AWESOME_NAV = '''
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Section


class Plugin(BasePlugin):
    """What awesome-nav does with a .nav.yml of `Topics: tags` then `Archive: posts`: the nav
    made anew, before every other plugin's (priority 100), in the writer's order and names."""

    @event_priority(100)
    def on_nav(self, nav, config, files):
        by_uri = {p.file.src_uri: p for p in nav.pages}
        items = [by_uri["index.md"]]
        for title, uri in (("Topics", "tags/index.md"), ("Archive", "posts/index.md")):
            section = Section(title, [by_uri[uri]])
            by_uri[uri].parent = section
            items.append(section)
        nav.items = items
        return nav
'''


def test_a_nav_made_by_a_nav_plugin_keeps_the_writers_order_and_names(make_site, monkeypatch, tmp_path):
    """awesome-nav, awesome-pages and literate-nav make the nav from the writer's own files: this
    plugin took each of its pages out of the section named there and put them in its own order."""
    from importlib.metadata import EntryPoint

    from mkdocs.config.defaults import MkDocsConfig

    (tmp_path / "fake_awesome_nav.py").write_text(FAKE_AWESOME_NAV, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    installed = dict(MkDocsConfig._schema)["plugins"].installed_plugins
    entry = EntryPoint("awesome-nav", "fake_awesome_nav:Plugin", "mkdocs.plugins")
    monkeypatch.setitem(installed, "awesome-nav", entry)
    site = make_site(
        {"index.md": "# Home\n", "posts/a.md": POST.format(title="Open", day=1)},
        config={"plugins": ["search", "podcast-digest", "awesome-nav"], "theme": {"name": "mkdocs"}},
    )
    nav = re.findall(r'class="nav-link[^"]*"[^>]*>\s*([^<]+?)\s*<', site.html(""))
    assert nav[:3] == ["Home", "Topics", "Archive"], nav


def test_materials_search_leaves_out_the_embeds_button_words(make_site):
    """Every embed's button says "click to load from www.youtube-nocookie.com": in the search
    index, a search for "YouTube" found every post with a video. Material's search leaves out
    what is marked ``data-search-exclude``; the link under the player stays."""
    import json

    post = "---\ntitle: Talk\ndate: 2026-01-01\n---\n\nWhat was said.\n\n{{< youtube I0DrcsDf3Os >}}\n"
    site = make_site({"posts/a.md": post}, config={"theme": {"name": "material"}})
    index = json.loads((site.out / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("posts/a/"))
    assert "What was said." in text
    assert "youtube-nocookie" not in text and "Play" not in text
    assert "pd-embed__facade" in site.html("posts/a/")  # readers still get the player


def test_a_removed_posts_feed_copies_at_hugos_paths_leave_it_out_too(make_site):
    """A term Hugo wrote at another path (`tags/c#/`) has a copy of its feed there: rewritten too."""
    site = _hook(
        make_site,
        """
        def on_files(files, config):
            files.remove(files.get_file_from_path("posts/secret.md"))
            return files
        """,
        {
            "posts/a.md": "---\ntitle: Open\ndate: 2026-01-01\ntags: ['C#']\n---\nText.\n",
            "posts/secret.md": "---\ntitle: Secret\ndate: 2026-01-02\ntags: ['C#']\n---\nText.\n",
        },
    )
    feeds = [p for p in site.out.rglob("index.xml") if p.parts[-3:-1] != ("posts",)]
    assert len(feeds) > 3
    for feed in feeds:
        assert "Secret" not in feed.read_text(encoding="utf-8"), feed
