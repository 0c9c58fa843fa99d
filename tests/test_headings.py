"""Headings get the ids real Hugo gave them, so links to a section of a post still land there.

The expected ids are recorded from Hugo 0.168.0 by tests/hugo_reference/make_heading_ids.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import write_files
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_podcast_digest.headings import HugoHeadingIdsExtension, hugo_id, unique_id
from mkdocs_podcast_digest.shortcodes import ShortcodeExtension

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_heading_ids.json").read_text(encoding="utf-8"))

#: (case, heading index) -> why this site's id differs from Hugo's, on purpose or by necessity.
KNOWN = {
    # Python-Markdown turns tabs into spaces before it reads a heading (Hugo drops a tab).
    ("spaces", 2): "tab",
    # Hugo's typographer makes `<<` a «; Python-Markdown reads `<more>` as an HTML tag.
    ("typographer", 5): "<<",
    # Hugo's id holds its internal placeholder for the shortcode (`hahahugoshortcode16s0hbhb`,
    # a counter that changes between builds); here the shortcode's text is in the id.
    ("shortcode", 0): "shortcode",
}


def ids(source: str, extensions: list) -> list[list]:
    out = markdown.Markdown(extensions=extensions).convert(source)
    found = []
    for level, attrs in re.findall(r"<h([1-6])((?:\s[^>]*)?)>", out):
        m = re.search(r'\sid="([^"]*)"', attrs)
        found.append([int(level), html.unescape(m.group(1)) if m else None])
    return found


@pytest.mark.parametrize("name", sorted(RECORDED["cases"]))
def test_ids_are_the_ones_hugo_gave(name):
    case = RECORDED["cases"][name]
    shortcodes = ShortcodeExtension(page_params=lambda: ({"guest": "Ada"},))
    got = ids(case["markdown"], ["attr_list", "toc", "footnotes", HugoHeadingIdsExtension(), shortcodes])
    assert len(got) == len(case["headings"])
    for i, (ours, hugos) in enumerate(zip(got, case["headings"], strict=True)):
        if (name, i) in KNOWN:
            assert ours != hugos  # still a difference: else drop it from KNOWN
        else:
            assert ours == hugos, (name, i)


def test_without_the_extension_ids_are_python_markdowns():
    """The comparison above can fail: Python-Markdown's own ids are not Hugo's."""
    case = RECORDED["cases"]["cjk"]
    assert ids(case["markdown"], ["toc"]) != case["headings"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ΟΔΟΣ", "οδοσ"),  # one letter at a time: no final sigma
        ("İ", "i"),  # Go lowercases İ to i; Python's lower() adds a combining dot
        ("ＧＰＵ 推論", "ｇｐｕ-推論"),  # full-width letters are letters
        ("ｶﾀｶﾅ", "ｶﾀｶﾅ"),
        ("e\u0301", "e"),  # marks are not letters
        ("\u3000 a \u3000", "a"),  # trimmed as Go trims
        ("x\x1cy", "xy"),  # not a space to Go: dropped, not trimmed
        ("", ""),
    ],
)
def test_hugo_id(text, expected):
    assert hugo_id(text) == expected


def test_unique_ids_count_up_as_hugo_does():
    used: set[str] = set()
    assert [unique_id(b, used) for b in ["a", "a", "a-1", "", ""]] == [
        "a",
        "a-1",
        "a-1-1",
        "heading",
        "heading-1",
    ]


def test_an_id_on_the_page_already_is_not_given_again():
    got = ids(
        "## Note\n\nText.[^note]\n\n[^note]: fn.\n\n## fn:note\n",
        ["footnotes", "toc", HugoHeadingIdsExtension()],
    )
    assert got == [[2, "note"], [2, "fnnote"]]


# --- in a site ---------------------------------------------------------------------------------

POST = """\
---
title: 推論晶片
date: 2026-01-02
---
## 記憶體頻寬才是瓶頸

Text.

## GPU 的護城河

Text.
"""

OTHER = """\
---
title: Other
date: 2026-01-01
---
See [the section]({{< relref "chips#gpu-的護城河" >}}) and [above](#why-it-matters).

## Why it matters

Text.
"""


def test_a_post_has_hugos_ids_and_links_to_them_resolve(make_site):
    site = make_site(
        {"posts/chips.md": POST, "posts/other.md": OTHER},
        config={"validation": {"anchors": "warn"}},
        strict=True,  # MkDocs checks each #anchor against the page's ids
    )
    page = site.html("posts/chips/")
    assert '<h2 id="記憶體頻寬才是瓶頸"' in page and '<h2 id="gpu-的護城河"' in page
    assert 'href="#gpu-的護城河"' in page  # the table of contents uses them
    other = site.html("posts/other/")
    assert (
        'href="../chips/#gpu-%E7%9A%84%E8%AD%B7%E5%9F%8E%E6%B2%B3"' in other
        or 'href="../chips/#gpu-的護城河"' in other
    )
    assert '<h2 id="why-it-matters"' in other


def test_a_broken_section_link_is_still_reported(make_site):
    """MkDocs' own anchor check sees these ids: a link to a heading that is not there warns."""
    site = make_site(
        {"posts/chips.md": POST, "posts/other.md": OTHER.replace("gpu-的護城河", "no-such-part")},
        config={"validation": {"anchors": "warn"}},
    )
    assert any("no-such-part" in w for w in site.warnings)


def test_off_the_ids_are_mkdocs_own(make_site):
    site = make_site(
        {"posts/chips.md": POST}, config={"plugins": [{"podcast-digest": {"hugo_heading_ids": False}}]}
    )
    assert '<h2 id="_1"' in site.html("posts/chips/")


def test_a_slugify_of_the_writers_own_wins(tmp_path):
    write_files(tmp_path / "docs", {"posts/chips.md": POST})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins: [podcast-digest]\nmarkdown_extensions:\n"
        "  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: upper}}\n",
        encoding="utf-8",
    )
    build(load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    page = (tmp_path / "site" / "posts" / "chips" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="GPU-的護城河"' in page  # pymdownx's upper-case slugs, not Hugo's


def test_a_formula_is_read_once():
    """arithmatex keeps a copy of the formula in a script beside the one shown."""
    got = ids("## The $x^2$ formula\n", ["pymdownx.arithmatex", "toc", HugoHeadingIdsExtension()])
    assert got == [[2, "the-x2-formula"]]


def test_only_pages_written_for_hugo_get_hugos_ids(make_site):
    """Links to the writer's other pages know MkDocs' ids: those stay."""
    about = "# About\n\n## 關於我們\n\n## Q & A\n"
    site = make_site({"posts/chips.md": POST, "about.md": about, "posts/_index.md": "---\ntitle: All\n---\n## 全部文章\n"})
    assert '<h2 id="_1"' in site.html("about/") and '<h2 id="q-a"' in site.html("about/")
    assert '<h2 id="記憶體頻寬才是瓶頸"' in site.html("posts/chips/")
    assert '<h2 id="全部文章"' in site.html("posts/")
