"""Lists written for Hugo read as Hugo read them: recorded from Hugo 0.168.0 by
tests/hugo_reference/make_lists.py, converted here with Python-Markdown after ``hugo_lists``."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest import lists
from mkdocs_podcast_digest.lists import hugo_lists, original_line

RECORDED = json.loads((Path(__file__).parent / "data" / "hugo_lists.json").read_text(encoding="utf-8"))
KEPT = {"ul", "ol", "li", "p", "blockquote", "pre", "hr", "table", "tr", "td", "th", "em", "h1", "h2"}


class _Skeleton(HTMLParser):
    """The blocks and their text, without attributes, whitespace or highlighting spans."""

    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in KEPT:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in KEPT and tag != "hr":
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        text = "".join(data.split())
        if text:
            if self.out and not self.out[-1].startswith("<"):
                self.out[-1] += text
            else:
                self.out.append(text)


def skeleton(html: str) -> list[str]:
    parser = _Skeleton()
    parser.feed(html)
    return parser.out


def convert(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "pymdownx.superfences"])


#: Cases where this site still differs from Hugo, and why.
KNOWN = {
    # CommonMark starts a new list where the bullet changes (`+` then `*`); Python-Markdown
    # goes on with the same list.
    "plus_and_star",
    # A list of the other kind right under a nested one: Python-Markdown ends the nested list only
    # at a blank line, which makes the text of the item around them a paragraph (more space).
    "nested_kind_change",
}


@pytest.mark.parametrize("name", sorted(RECORDED["cases"]))
def test_lists_read_as_hugo_read_them(name):
    case = RECORDED["cases"][name]
    rewritten, _ = hugo_lists(case["markdown"])
    same = skeleton(convert(rewritten)) == skeleton(case["html"])
    assert same is (name not in KNOWN)


def test_the_comparison_can_fail():
    """Without the rewrite Python-Markdown reads these cases otherwise."""
    differ = [n for n, c in RECORDED["cases"].items() if skeleton(convert(c["markdown"])) != skeleton(c["html"])]
    assert {"after_paragraph", "nested_by_two", "nested_by_three_under_ordered", "after_quote"} <= set(differ)


@pytest.mark.parametrize(
    "source",
    [
        "- a\n    - b\n        - c\n- d\n",  # written for Python-Markdown already
        "Text.\n\nMore text.\n",
        "```\n- x\n  - y\n```\n",
        "文字\n2024. 不是清單\n",
        "",
        # Code and verbatim blocks are passed as they are, whatever they hold.
        "{{< highlight yaml >}}\nnav:\n- Home: index.md\n- Posts:\n  - posts/a.md\n{{< /highlight >}}\n",
        "<pre>\nline one\n- item\n  - sub\n</pre>\n",
        "$$\nx = a\n- b\n$$\n",
        "<!--\nnote\n- a\n  - b\n-->\n",
        "標題\n-\n",  # a heading, not an empty item
    ],
)
def test_what_needs_nothing_comes_out_as_it_was(source):
    assert hugo_lists(source) == (source, [])


def test_lines_after_a_blank_line_put_in_are_named_as_the_writer_wrote_them():
    source = "a\n- x\n\nb\n- y\nz\n"
    rewritten, inserted = hugo_lists(source)
    assert inserted == [1, 4]
    new_lines = rewritten.split("\n")
    for n, line in enumerate(source.split("\n"), start=1):
        if line:
            at = new_lines.index(line) + 1
            assert original_line(at, inserted) == n


POST = """\
---
title: 清單
date: 2026-01-02
---
節目最後，他留下三個指標：
- 第一
  - 細節
- 第二

{{< youtube >}}
"""


def test_a_posts_lists_read_as_in_hugo_and_warnings_name_the_writers_line(make_site):
    site = make_site({"posts/p.md": POST})
    html = site.html("posts/p/")
    assert "<ul>\n<li>第一<ul>\n<li>細節</li>\n</ul>\n</li>\n<li>第二</li>\n</ul>" in html
    assert "指標：</p>" in html
    # The youtube shortcode without an id is on line 10 of the file, whatever was put before it.
    assert [w for w in site.warnings if "posts/p.md:10:" in w], site.warnings


def test_off_lists_are_left_to_python_markdown(make_site):
    site = make_site({"posts/p.md": POST}, config={"plugins": [{"podcast-digest": {"hugo_lists": False}}]})
    assert "<ul>" not in site.html("posts/p/")


_LINES = st.sampled_from(
    ["", "文字", "more text", "- a", "  - b", "    - c", "1. one", "   1. sub", "2024. year", "* star", "+ plus",
     "  cont", "    code", "```", "~~~", "> quote", "| a | b |", "# H", "---", "- - -", "\t- tab",
     "> - qa", ">   - qb", "> text", ">"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_the_rewrite_only_adds_blank_lines_and_moves_lines_sideways(lines):
    """Nothing is lost or reordered: each line comes out with the same text, only its indent
    changed, and the lines put in are blank (or an empty comment that ends a list); the line
    map names each writer's line."""
    source = "\n".join(lines)
    rewritten, inserted = hugo_lists(source)
    new_lines = rewritten.split("\n")
    kept = [line for k, line in enumerate(new_lines) if k + 1 not in _blank_positions(inserted)]
    def text(line: str) -> str:  # (`2. x` read as text in an item is written `2\. x`)
        return line.lstrip(" >").replace("\\.", ".", 1)  # (a quote's marker may be written "> ")

    assert [text(line) for line in kept] == [text(line) for line in source.split("\n")]
    assert all(new_lines[k - 1].lstrip(" >") in ("", "<!-- -->") for k in _blank_positions(inserted))
    assert hugo_lists(rewritten)[1] == []  # a second pass has no blank line to add


def _blank_positions(inserted: list[int]) -> set[int]:
    """1-based lines of the rewritten text that were put in."""
    return {i + n + 1 for n, i in enumerate(inserted)}


def test_a_hugo_section_page_s_lists_too(make_site):
    site = make_site({"posts/p.md": POST, "posts/_index.md": "---\ntitle: 全部\n---\n本站收錄：\n- 訪談\n- 節目筆記\n"})
    assert "<p>本站收錄：</p>\n<ul>\n<li>訪談</li>" in site.html("posts/")


_MORE_LINES = st.sampled_from(
    ["12. twelve", "-", "1.", "１. 全形", "  ", "- x\t", "    1. d", "    text", "        - e", "    > q", "    ```",
     "2. two", "    para", "lazy 文字", "<div>", "10. e"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_LINES | _MORE_LINES, max_size=14))
def test_a_post_the_quick_check_passes_by_needs_no_rewrite(lines):
    """``_may_differ`` lets most posts skip the line by line pass: whatever it lets by, that pass
    would have rewritten to nothing Python-Markdown reads otherwise (as MkDocs gets a post: after
    a line break; whitespace compared as a browser shows it)."""
    source = "\n".join(lines)
    if not lists._may_differ(source):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(lists, "_may_differ", lambda markdown: True)
            rewritten, _ = hugo_lists(source)
        assert _shown(rewritten) == _shown(source)


def _shown(text: str) -> str:
    return " ".join(markdown.markdown("\n" + text).split())


def test_a_list_after_one_of_the_other_kind_is_told_apart_unless_a_paragraph_ends_it():
    assert lists._may_differ("1. one\n2. two\n\n- a\n")
    assert lists._may_differ("1. one\nlazy\n\n- a\n")  # the item's text goes on: the list too
    assert not lists._may_differ("1. one\n2. two\n\nText.\n\n- a\n- b\n")
    assert lists._may_differ("12. twelve\n    - c\n- x\n")  # nested: the line by line pass decides
