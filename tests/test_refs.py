"""Hugo's ``ref``/``relref``: the page Hugo would find, linked the MkDocs way."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from mkdocs_podcast_digest.refs import RefIndex, page_key
from mkdocs_podcast_digest.shortcodes import ShortcodeExtension

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_refs.json").read_text(encoding="utf-8"))


def test_hugo_reference_was_recorded_from_real_hugo():
    assert RECORDED["hugo_version"] == "0.168.0" and len(RECORDED["cases"]) > 400
    found = [c for c in RECORDED["cases"] if c["target"]]
    assert 0 < len(found) < len(RECORDED["cases"])  # both kinds of answer are in there


@pytest.mark.parametrize("case", RECORDED["cases"], ids=lambda c: f"{c['from']}:{c['ref']}")
def test_finds_the_page_hugo_found(case):
    index = RefIndex(sorted(RECORDED["pages"]))
    expected = (case["target"], case["anchor"]) if case["target"] else None
    assert index.find(case["ref"], case["from"]) == expected


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("posts/My-Post.md", "posts/my-post"),
        ("posts/x/index.md", "posts/x"),
        ("posts/_index.md", "posts"),
        ("README.md", ""),
        ("notes.html", "notes"),
        ("a.b.md", "a.b"),
        ("data.json", "data.json"),
    ],
)
def test_page_key(path, key):
    assert page_key(path) == key


POSTS = {
    "posts/alpha.md": """\
        ---
        title: Alpha
        date: 2026-01-01
        tags: [GPU]
        ---
        Read [the second part]({{< ref "beta.md" >}}), [its section]({{< relref "beta#the-setup" >}}),
        [this one's end]({{< ref "#end" >}}) and [the tag]({{< ref "/tags/gpu" >}}).

        The second part lives at {{< relref "beta" >}} and the bundle at {{< relref "bundle" >}}.

        `{{< ref "beta.md" >}}` stays code.

        ## End
        """,
    "posts/beta.md": """\
        ---
        title: Beta
        date: 2026-01-02
        slug: beta-custom
        tags: [GPU]
        ---
        ## The setup

        Back to [the first]({{% ref "posts/alpha.md" %}}).
        """,
    "posts/bundle/index.md": """\
        ---
        title: Bundle
        date: 2026-01-03
        ---
        Next to it: [beta]({{< ref "./beta.md" >}}).
        """,
    "about.md": "# About\n\nSee [alpha]({{< ref alpha >}}) and [the notes]({{< ref \"筆記 一.md\" >}}).\n",
    "筆記 一.md": "# 筆記\n\nBack to {{< relref about >}}.\n",
}


def test_links_go_to_the_pages_hugo_would_find(make_site):
    site = make_site(POSTS, config={"theme": {"name": "mkdocs"}}, strict=True)
    alpha = site.html("posts/alpha/")
    assert '<a href="../beta/">the second part</a>' in alpha
    assert '<a href="../beta/#the-setup">its section</a>' in alpha
    assert '<a href="#end">this one\'s end</a>' in alpha
    assert '<a href="../../tags/gpu/">the tag</a>' in alpha
    # Outside a link: the URL as text, relative to the page (as Hugo prints its URL).
    assert "The second part lives at ../beta/ and the bundle at ../bundle/." in alpha
    assert '<code>{{&lt; ref "beta.md" &gt;}}</code>' in alpha
    assert '<a href="../alpha/">the first</a>' in site.html("posts/beta/")
    assert '<a href="../beta/">beta</a>' in site.html("posts/bundle/")
    # The description made from the first paragraph keeps the links' words, not their syntax.
    assert 'content="Read the second part, its section, this one' in alpha and "( )" not in alpha
    about = site.html("about/")
    assert '<a href="../posts/alpha/">alpha</a>' in about
    assert '<a href="../%E7%AD%86%E8%A8%98%20%E4%B8%80/">the notes</a>' in about
    assert "Back to ../about/." in site.html("筆記 一/")


def test_links_follow_the_url_style(make_site):
    site = make_site(POSTS, config={"theme": {"name": "mkdocs"}, "use_directory_urls": False})
    alpha = (site.out / "posts" / "alpha.html").read_text(encoding="utf-8")
    assert '<a href="beta.html#the-setup">its section</a>' in alpha
    assert "The second part lives at beta.html and the bundle at bundle/index.html." in alpha


def test_a_page_hugo_would_not_find_warns_and_keeps_the_text(make_site, strict_fails):
    docs = {
        "posts/a.md": '---\ntitle: A\ndate: 2026-01-01\n---\nSee [x]({{< ref "missing.md" >}}).\n\n{{< relref >}}\n'
    }
    site = make_site(docs, config={"theme": {"name": "mkdocs"}})
    (missing, empty) = [w for w in site.warnings if re.search(r"shortcode '(rel)?ref'", w)]
    assert "posts/a.md:5: shortcode 'ref': no page 'missing.md'" in missing and "fix the path" in missing
    assert "posts/a.md:7: shortcode 'relref': takes one page path" in empty
    html = site.html("posts/a/")
    assert "{{&lt; ref &quot;missing.md&quot; &gt;}}" in html and "{{&lt; relref &gt;}}" in html
    strict_fails(docs)


def test_hostile_paths_and_anchors_stay_text(make_site):
    docs = {
        **POSTS,
        "posts/c.md": '---\ntitle: C\ndate: 2026-01-04\n---\n[x]({{< ref "beta.md#a\\"><script>alert(1)</script>" >}})\n'
        '\n[y]({{< ref "javascript:alert(1)" >}})\n',
    }
    html = make_site(docs, config={"theme": {"name": "mkdocs"}}).html("posts/c/")
    assert "<script>alert(1)" not in html and 'href="javascript' not in html
    assert "#a&quot;&gt;&lt;script&gt;" in html


def test_a_user_template_named_ref_wins(make_site):
    extra = {"layouts/shortcodes/ref.html": "[mine: {{ args[0] }}]"}
    site = make_site(POSTS, config={"theme": {"name": "mkdocs"}}, extra=extra)
    html = site.html("posts/alpha/")
    assert 'href="[mine: beta.md]"' in html and "lives at ../beta/ and" in html  # relref is still ours


def test_without_the_plugin_the_extension_warns_and_keeps_the_text():
    seen = []
    ext = ShortcodeExtension(on_warning=lambda message, line: seen.append((message, line)))
    html = markdown.markdown('See [x]({{< ref "other.md" >}}).', extensions=[ext])
    assert 'href="{{&lt; ref &quot;other.md&quot; &gt;}}"' in html
    assert seen and "only the podcast-digest MkDocs plugin can find" in seen[0][0] and seen[0][1] == 1


def test_the_extension_asks_for_a_link_or_a_url():
    calls = []

    def resolve(path, in_link):
        calls.append((path, in_link))
        return f"<{path}>"

    html = markdown.markdown(
        '[a]({{< ref "x" >}}) ![b]({{< relref path="y" >}}) {{< ref z >}}',
        extensions=[ShortcodeExtension(resolve_ref=resolve)],
    )
    assert calls == [("x", True), ("y", True), ("z", False)]
    assert 'href="&lt;x&gt;"' in html and 'src="&lt;y&gt;"' in html and "&lt;z&gt;" in html


@pytest.mark.parametrize("text", ['{{< ref "a.md" path="b.md" >}}', '{{< relref "a.md" "b.md" >}}'])
def test_a_path_given_twice_is_not_guessed(text):
    warnings: list = []
    ext = ShortcodeExtension(resolve_ref=lambda path, in_link: f"/{path}", on_warning=lambda m, line: warnings.append(m))
    html = markdown.markdown(text, extensions=[ext])
    assert "{{&lt;" in html and "/a.md" not in html and "/b.md" not in html
    assert len(warnings) == 1 and "takes one page path" in warnings[0]
