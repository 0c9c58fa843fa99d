"""Hugo's built-in figure, details, param, comment and highlight shortcodes: the markup Hugo gives
(recorded from Hugo 0.168 by tests/hugo_reference/make_builtins.py), and what a site gets from them."""

from __future__ import annotations

import datetime
import html as html_module
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from mkdocs_podcast_digest.shortcodes import ShortcodeExtension
from mkdocs_podcast_digest.shortcodes.hugo import (
    fence_info,
    go_text,
    goldmark_fence_info,
    lookup_param,
    safe_url,
)

DATA = json.loads((Path(__file__).parent / "data" / "hugo_builtins.json").read_text(encoding="utf-8"))
FRONT = yaml.safe_load(DATA["front_matter"])  # as MkDocs reads it: dates become dates
VOID = {"img", "br", "hr", "source"}

#: Cases where the difference from Hugo is the point; each is asserted on its own below.
DIFFERENT = {
    "figure-entities": "HTML in a caption (an argument) is shown as text, not run",
}


class _Tree(HTMLParser):
    """HTML as nested (tag, attributes, children) with text trimmed: structure, not layout."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        # A boolean attribute (`open`, `open="open"`) is the same attribute.
        node = (tag, {k: "" if v in (None, k) else v for k, v in attrs}, [])
        self.stack[-1].append(node)
        if tag not in VOID:
            self.stack.append(node[2])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.stack[-1].append(text)


def tree(html: str) -> list:
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return parser.root


def ours(text: str, warnings: list | None = None) -> str:
    ext = ShortcodeExtension(
        page_params=lambda: (FRONT, DATA["site_params"]),
        on_warning=lambda message, line: (warnings if warnings is not None else []).append(message),
    )
    return markdown.markdown(text, extensions=[ext])


def _our_alt_where_hugo_has_none(nodes: list) -> None:
    """Hugo writes no ``alt`` without alt or caption; ours is the title, or empty (decorative,
    as ``![](x.png)`` is): an image without one is read out by its file name."""
    for node in nodes:
        if isinstance(node, str):
            continue
        tag, _, children = node
        if tag == "figure":
            imgs = [n for n in _walk(children) if n[0] == "img"]
            titles = ["".join(_texts(n[2])) for n in _walk(children) if n[0] == "h4"]
            for img in imgs:
                img[1].setdefault("alt", titles[0] if titles else "")
        _our_alt_where_hugo_has_none(children)


def _walk(nodes):
    for node in nodes:
        if not isinstance(node, str):
            yield node
            yield from _walk(node[2])


def _texts(nodes):
    for node in nodes:
        if isinstance(node, str):
            yield node
        else:
            yield from _texts(node[2])


def test_the_reference_is_hugo_0_168():
    assert DATA["hugo"] == "0.168.0"
    assert len(DATA["cases"]) >= 25


SAME = [case for case in DATA["cases"] if case["case"] not in DIFFERENT]


def test_the_differences_are_recorded_cases():
    assert set(DIFFERENT) <= {case["case"] for case in DATA["cases"]}


@pytest.mark.parametrize("case", SAME, ids=[c["case"] for c in SAME])
def test_same_markup_as_hugo(case):
    warnings: list = []
    expected = tree(case["hugo"])
    _our_alt_where_hugo_has_none(expected)
    assert tree(ours(case["markdown"], warnings)) == expected
    assert warnings == []


def test_html_in_a_caption_is_text_where_hugo_would_run_it():
    html = ours('{{< figure src="a.png" caption="Q&A <with> tags" title="Tom & Jerry" >}}')
    assert "<p>Q&amp;A &lt;with&gt; tags</p>" in html
    assert 'alt="Q&amp;A &lt;with&gt; tags"' in html
    assert "<h4>Tom &amp; Jerry</h4>" in html


# --- figure, in a page ------------------------------------------------------------------------------


def test_a_figure_alone_is_not_inside_a_paragraph():
    html = ours('Intro.\n\n{{< figure src="a.png" >}}\n{{< figure src="b.png" >}}\n\nAfter.')
    assert "<p><figure" not in html and "</figure></p>" not in html
    assert html.count("<figure>") == 2 and "<p>After.</p>" in html


def test_a_figure_title_is_not_a_heading_of_the_page():
    md = markdown.Markdown(extensions=[ShortcodeExtension(), "toc"])
    html = md.convert('# Page\n\n{{< figure src="a.png" title="Chart" >}}\n')
    assert "<h4>Chart</h4>" in html  # no id, no permalink
    assert [t["name"] for t in md.toc_tokens] == ["Page"]


def test_a_caption_link_to_javascript_loses_its_target():
    html = ours('{{< figure src="a.png" caption="[x](javascript:alert(1)) *y*" >}}')
    assert "javascript" not in html and "<a>x</a> <em>y</em>" in html


@pytest.mark.parametrize(
    "target",
    ["&#106;avascript:alert(1)", "java&#115;cript:alert(1)", "javascript&colon;alert(1)", "java&Tab;script:x"],
)
def test_a_link_or_image_spelt_with_entities_is_read_as_a_browser_reads_it(target):
    html = ours(f'{{{{< figure src="a.png" caption="[x]({target}) ![i]({target})" >}}}}')
    assert "<a>x</a>" in html and '<img alt="i" />' in html
    html = ours(f'{{{{< details summary="[x]({target})" >}}}}\nz\n{{{{< /details >}}}}')
    assert "<a>x</a>" in html


@pytest.mark.parametrize(
    "args, problem",
    [
        ('caption="no src"', "needs src"),
        ('src="javascript:alert(1)"', "src 'javascript:alert(1)' is not a safe URL"),
        ('src="a.png" link="java\tscript:x"', "is not a safe URL"),
        ('src="a.png" attrlink="data:text/html,x" attr="a"', "attrlink"),
        ('"a.png"', "takes named arguments only"),
    ],
)
def test_a_figure_that_cannot_be_built_is_shown_as_written(args, problem):
    warnings: list = []
    html = ours(f"{{{{< figure {args} >}}}}", warnings)
    assert "<figure" not in html and "{{&lt; figure" in html
    assert len(warnings) == 1 and problem in warnings[0] and "fix the arguments" in warnings[0]


def test_a_figure_keeps_its_image_when_an_argument_is_unknown():
    warnings: list = []
    html = ours('{{< figure src="a.png" captoin="typo" >}}', warnings)
    assert '<img alt="" src="a.png" />' in html
    assert warnings == [
        "shortcode 'figure': unknown argument 'captoin' (known: src, alt, title, caption, attr, attrlink, "
        "link, target, rel, class, width, height, loading); it was ignored, remove or rename it"
    ]


@pytest.mark.parametrize(
    "url, safe",
    [
        ("a.png", True),
        ("/img/a.png", True),
        ("../a.png#x", True),
        ("https://example.com/a.png", True),
        ("mailto:a@example.com", True),
        ("javascript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("&#x6A;avascript:alert(1)", False),
        ("a.png?x=1&amp;y=2", True),
        (" JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:image/png;base64,xx", False),
        ("vbscript:x", False),
        ("a:b", False),
        ("a/b:c", True),  # a colon after a slash is not a scheme
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) is safe


# --- details and comment ----------------------------------------------------------------------------


def test_details_across_blank_lines_holds_any_markdown():
    html = ours(
        '{{< details summary="Notes" >}}\n\n## Inside\n\n- one\n- two\n\n> quote\n\n{{< /details >}}\n\nAfter.'
    )
    assert re.search(r"<details>\s*<summary>Notes</summary>\s*<h2>Inside</h2>\s*<ul>", html)
    assert "<blockquote>" in html and html.index("</details>") < html.index("<p>After.</p>")


def test_details_summary_in_the_site_language():
    ext = ShortcodeExtension(texts={"details": "詳細內容"})
    html = markdown.markdown("{{< details >}}\nx\n{{< /details >}}", extensions=[ext])
    assert "<summary>詳細內容</summary>" in html


def test_details_summary_html_is_text_and_links_are_checked():
    html = ours('{{< details summary="<b>s</b> [x](javascript:y)" >}}\nz\n{{< /details >}}')
    assert "<summary>&lt;b&gt;s&lt;/b&gt; <a>x</a></summary>" in html


def test_details_in_a_line_of_text():
    html = ours('Text {{< details summary="S" >}}*inner*{{< /details >}} end.')
    assert re.search(r"<p>Text <details>\s*<summary>S</summary>\s*<em>inner</em></details> end.</p>", html)


def test_unclosed_details_and_comment_are_shown_and_warned():
    for name in ("details", "comment"):
        warnings: list = []
        html = ours(f"{{{{< {name} >}}}}\nText.", warnings)
        assert f"{{{{&lt; {name} &gt;}}}}" in html and "Text." in html
        assert warnings == [
            f"shortcode '{name}': no closing {{{{< /{name} >}}}}; add one after its content (it is shown as text for now)"
        ]


@pytest.mark.parametrize(
    "text, line",
    [
        # closed on line 1, the unclosed one on line 5
        ("{{< details >}}x{{< /details >}}\n\nText.\n\n{{< details >}}\nmore", 5),
        # closed across paragraphs, then an unclosed one
        ("{{< details >}}\n\nx\n\n{{< /details >}}\n\n{{< details >}}y", 7),
        # the unclosed one first, a closed pair after it
        ("{{< details >}}\nText.\n\n{{< details >}}x{{< /details >}}", 1),
        # another name's pair does not count, nor a tag whose name starts the same
        ("{{< comment >}}c{{< /comment >}}\n{{< details-x >}}\n\n{{< details >}}z", 4),
    ],
)
def test_an_unclosed_tag_is_found_on_its_own_line_when_the_same_tag_closes_elsewhere(text, line):
    warnings: list = []
    ext = ShortcodeExtension(on_warning=lambda message, at: warnings.append((message, at)))
    markdown.markdown(text, extensions=[ext])
    assert [at for message, at in warnings if "no closing" in message] == [line]


def test_comment_leaves_nothing_not_even_a_paragraph():
    html = ours(
        "A.\n\n{{< comment />}}\n\n{{< comment >}}\nhidden\n\nstill hidden\n{{< /comment >}}\n\nB. {{< comment >}}x{{< /comment >}}"
    )
    assert html == "<p>A.</p>\n<p>B. </p>"


def test_a_user_template_replaces_a_built_in(tmp_path):
    (tmp_path / "figure.html").write_text("<div class=mine>{{ get('src') }}</div>", encoding="utf-8")
    ext = ShortcodeExtension(templates_dir=str(tmp_path))
    html = markdown.markdown('{{< figure src="a.png" >}}', extensions=[ext])
    assert "<div class=mine>a.png</div>" in html and "<figure" not in html


# --- param ------------------------------------------------------------------------------------------


def test_param_needs_the_page_and_says_so_without_the_plugin():
    warnings: list = []
    html = markdown.markdown(
        '{{< param "guest" >}}',
        extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append(m))],
    )
    assert "{{&lt; param" in html and "only the podcast-digest MkDocs plugin" in warnings[0]


@pytest.mark.parametrize(
    "text, problem",
    [
        ('{{< param "nope" >}}', "no 'nope' in this page's front matter or in the site's 'extra'"),
        ('{{< param "host.nope" >}}', "no 'host.nope'"),
        ("{{< param >}}", "takes one key"),
        ('{{< param "a" "b" >}}', "takes one key"),
    ],
)
def test_param_not_found_is_shown_and_warned(text, problem):
    warnings: list = []
    html = ours(text, warnings)
    assert "{{&lt; param" in html and len(warnings) == 1 and problem in warnings[0]


def test_lookup_param_page_first_then_site_case_ignored():
    page, site = (
        {"Host": {"Name": "page"}, "empty": None},
        {"host": {"name": "site", "x": 1}, "empty": "site"},
    )
    assert lookup_param("host.name", page, site) == "page"
    assert lookup_param("HOST.X", page, site) == 1
    assert lookup_param("empty", page, site) == "site"
    assert lookup_param("host.name.deeper", page, site) is None


@pytest.mark.parametrize(
    "value, text",
    [
        (True, "true"),
        (3.0, "3"),
        (2.5, "2.5"),
        (["a", 1, False], "[a 1 false]"),
        ({"B": 1, "a": "x"}, "map[a:x b:1]"),
        # Dates as written (Hugo 0.168 prints a page parameter's text; YAML here reads a date).
        (datetime.date(2026, 3, 2), "2026-03-02"),
        (datetime.datetime(2026, 3, 11, 10, 30), "2026-03-11T10:30:00"),
        (
            datetime.datetime(2026, 3, 11, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))),
            "2026-03-11T10:30:00+08:00",
        ),
        (datetime.datetime(2026, 3, 11, 10, 30, tzinfo=datetime.timezone.utc), "2026-03-11T10:30:00Z"),
    ],
)
def test_go_text(value, text):
    assert go_text(value) == text


# --- highlight --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, kwargs, info",
    [
        (["go"], {}, "go"),
        ([], {}, ""),
        (["go", "linenos=table,hl_lines=2 4-6,linenostart=10"], {}, '{.go linenums="10" hl_lines="2 4 5 6"}'),
        (["go", "linenos=inline, style=monokai"], {}, '{.go linenums="1"}'),
        (["go", "linenos=false,hl_lines=3"], {}, '{.go hl_lines="3"}'),
        ([], {"lang": "c++", "linenos": "true"}, '{.c++ linenums="1"}'),
    ],
)
def test_fence_info(args, kwargs, info):
    assert fence_info(args, kwargs) == (info, [])


@pytest.mark.parametrize(
    "args, problem",
    [
        (['go"><x'], "is not a language name"),
        (["go", "linenos=maybe"], "linenos 'maybe'"),
        (["go", "hl_lines=a"], "hl_lines 'a'"),
        (["go", "hl_lines=5-2"], "hl_lines '5-2'"),
        (["go", "linenostart=x"], "linenostart 'x'"),
        (["go", "lineos=table"], "unknown option 'lineos'"),
    ],
)
def test_fence_info_problems(args, problem):
    info, problems = fence_info(args, {})
    assert len(problems) == 1 and problem in problems[0]
    assert '"' not in info.replace('linenums="1"', "") and "<" not in info


@pytest.mark.parametrize(
    "extensions", [["fenced_code", "codehilite"], ["pymdownx.superfences", "pymdownx.highlight"]]
)
def test_highlight_is_a_code_block_of_the_site(extensions):
    text = (
        'Code:\n\n{{< highlight python "linenos=table,hl_lines=2" >}}\nx = "<b>"\ny = 2\n{{< /highlight >}}\n\n'
        "```\n{{< highlight go >}}\nshown as written\n{{< /highlight >}}\n```\n"
    )
    warnings: list = []
    html = markdown.markdown(
        text, extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append(m)), *extensions]
    )
    assert warnings == []
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert '<span class="hll">' in html  # line 2 highlighted
    assert "linenos" in html  # the line-number column
    text_of_html = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert (
        "{{< highlight go >}}\nshown as written\n{{< /highlight >}}" in text_of_html
    )  # in a fence: as written


@pytest.mark.parametrize(
    "extensions",
    [["fenced_code", "attr_list"], ["attr_list", "fenced_code", "codehilite"], ["attr_list", "pymdownx.superfences"]],
)
def test_highlight_with_line_numbers_builds_with_or_without_a_highlighter(extensions):
    """With ``attr_list`` and no highlighter, ``fenced_code`` put ``linenums`` on the ``<code>``
    as a boolean and Python-Markdown raised (a whole site down); there is no line-number column
    to have then, so the options are left out. With a highlighter, they are read."""
    warnings: list = []
    html = markdown.markdown(
        '{{< highlight go "linenos=inline,hl_lines=1" >}}\npackage main\n{{< /highlight >}}\n',
        extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append(m)), *extensions],
    )
    assert warnings == [] and "package" in html
    highlighted = extensions != ["fenced_code", "attr_list"]
    assert ("linenums" in html or "linenos" in html or 'class="hll"' in html) == highlighted, html


def test_highlight_with_line_numbers_and_codehilite_without_pygments_builds():
    html = markdown.markdown(
        '{{< highlight go "linenos=table" >}}\npackage main\n{{< /highlight >}}\n',
        extensions=[ShortcodeExtension(), "attr_list", "fenced_code", "codehilite"],
        extension_configs={"codehilite": {"use_pygments": False}},
    )
    assert "package main" in html


SUPERFENCES = ["pymdownx.superfences", "pymdownx.highlight"]


@pytest.mark.parametrize(
    ("lang", "attrs", "highlighter", "expected"),
    [
        ("go", 'linenos=table,hl_lines=[2, "4-5"],linenostart=10', "superfences", '{.go linenums="10" hl_lines="2 4 5"}'),
        ("go", 'linenos=table,linenostart=10', "codehilite", '{.go linenums="true" linenostart="10"}'),
        ("go", 'linenos=table,hl_lines=[2]', "", "go"),  # nothing reads them: left out
        ("go", 'linenos=inline hl_lines="1 3" .wide #x', "superfences", '{.go linenums="1" hl_lines="1 3" .wide #x}'),
        ("go", "linenos=false, style=monokai", "superfences", "go"),
        ("", "linenos=true", "superfences", '{linenums="1"}'),
        # What SuperFences reads itself is left to it (a title, a step, any attribute)...
        ("go", ".wide #x", "superfences", None),
        ("python", 'title="main.py"', "superfences", None),
        ("python", 'linenums="5 2"', "superfences", None),
        ("python", '.wide data-x="1" hl_lines="1"', "superfences", None),
        # ...fenced_code reads no language before braces; codehilite no first line number.
        ("go", ".wide #x", "", "{.go .wide #x}"),
        ("python", 'title="main.py"', "codehilite", '{.python title="main.py"}'),
        ("", '.go linenums="5"', "codehilite", '{.go linenums="true" linenostart="5"}'),
        ("", '.go linenums="1"', "", "go"),  # with attr_list, fenced_code stopped on it
        ("", ".go #x", "superfences", None),
        ("go", "hl_lines='1,linenostart=5'", "superfences", "go"),  # one value, warned: not split
        ("go", "not an attribute list!", "superfences", None),
        ("go", ".go .wide", "", "{.go .wide}"),  # the language once
        ("go", "linenos=true,linenostart=0", "superfences", '{.go linenums="1"}'),  # 0 would turn them off
    ],
)
def test_goldmark_fence_attributes_as_python_markdown_reads_them(lang, attrs, highlighter, expected):
    found = goldmark_fence_info(lang, attrs, highlighter)
    assert (found[0] if found else None) == expected


#: Hugo 0.168.0 gives the first block line numbers 10-12 with 11 highlighted (hl_lines count from
#: the block's first line, not from linenostart), the second a class and an id on its wrapper.
GOLDMARK_FENCES = (
    "Intro.\n\n"
    '```go {linenos=table,hl_lines=[2],linenostart=10}\nl1 := "<b>"\nl2\nl3\n```\n\n'
    "Between.\n\n"
    '```go {linenos=inline hl_lines="1 3" .wide #x}\nl1\nl2\nl3\n```\n\n'
    "After.\n"
)


@pytest.mark.parametrize(
    "extensions",
    [["fenced_code"], ["attr_list", "fenced_code"], ["fenced_code", "codehilite"], ["attr_list", *SUPERFENCES]],
)
def test_code_fences_with_hugos_attributes_are_code_blocks(extensions):
    """Python-Markdown's fenced_code read no fence with a language before braces: the block was
    a paragraph with its HTML live, and its closing fence opened a block that took the rest of
    the page (a theme's example posts lost their second half)."""
    warnings: list = []
    html = markdown.markdown(
        GOLDMARK_FENCES, extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append(m)), *extensions]
    )
    assert warnings == []
    assert "<b>" not in html and "{linenos" not in html and "```" not in html
    assert re.findall(r"<p>(.*?)</p>", html) == ["Intro.", "Between.", "After."]
    assert len(re.findall(r"\bl3\b", html)) == 2 and html.count("<code") >= 2
    if extensions[-1] != "fenced_code":  # a highlighter: line numbers and highlighted lines
        numbers = re.findall(r'class="normal">(\d+)<', html)
        assert numbers[:3] == ["10", "11", "12"], numbers
        assert html.count('class="hll"') == 3


def test_details_with_a_positional_summary_renders_as_hugo_did_and_says_why():
    """``{{< details "Click" >}}``: Hugo ignores the positional argument and shows its own summary
    over the content; here "no closing tag" was said of a tag that had one, and the content was
    shown as text."""
    warnings: list = []
    html = markdown.markdown(
        'Intro.\n\n{{< details "Click" >}}\nHidden *text*.\n{{< /details >}}\n\nAfter.\n',
        extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append((line, m)))],
    )
    assert "<details>\n<summary>Details</summary>\n<p>Hidden <em>text</em>.</p>\n</details>" in html
    assert "{{" not in html and "<p>After.</p>" in html
    assert warnings == [
        (3, "shortcode 'details': takes named arguments only; 'Click' was ignored, as Hugo ignores it; "
         'write summary="Click"')
    ]


@pytest.mark.parametrize("extensions", [["fenced_code"], ["fenced_code", "codehilite"], SUPERFENCES])
def test_such_a_fence_shown_as_indented_code_stays_as_written(extensions):
    html = _with(extensions, "Example:\n\n    ```go {linenos=table}\n    x\n    ```\n")
    assert "```go {linenos=table}" in html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_a_bad_option_in_a_fences_attributes_is_named_with_its_line():
    warnings: list = []
    markdown.markdown(
        "Text.\n\n```go {linenos=maybe}\nx\n```\n",
        extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append((line, m))), "fenced_code"],
    )
    assert warnings == [(3, "code fence: linenos 'maybe' is not one of true, false, table, inline; it was left out, fix it")]


def _with(extensions: list[str], text: str) -> str:
    warnings: list = []
    html = markdown.markdown(
        text, extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append(m)), *extensions]
    )
    assert warnings == []
    return html


@pytest.mark.parametrize(
    "text",
    [
        "1. Run it:\n\n    {{< highlight sh >}}\n    make <all>\n    {{< /highlight >}}\n\n2. Done\n",
        # the item's first line wrapped onto a second
        "1. Run it, a sentence\n   that wraps:\n\n    {{< highlight sh >}}\n    make <all>\n    {{< /highlight >}}\n",
        # in a nested item, one tab further in
        "- a\n\n    - b\n\n        {{< highlight sh >}}\n        make <all>\n        {{< /highlight >}}\n",
    ],
)
def test_highlight_in_a_list_item_is_a_code_block_in_the_item(text):
    """Indented under a list item, Hugo (0.168.0) gives a code block in the item, as on its own
    line: ``<li><p>Run it:</p><div class="highlight"><pre>...``. With SuperFences, so do we."""
    html = _with(SUPERFENCES, text)
    assert re.search(r"<li>\s*<p>[^<]*</p>\s*<div class=\"highlight\"><pre>", html), html
    assert "make<span" in html and "&lt;all&gt;" in html and "{{" not in html and "```" not in html


def test_highlight_indented_as_code_is_shown_as_written():
    """Four spaces further in than a list item's content, or at the margin after a paragraph, the
    tags are indented code: shown as written (Hugo would expand them even there)."""
    for text in (
        "Outside:\n\n    {{< highlight go >}}\n    x := 1\n    {{< /highlight >}}\n",
        "- a\n\n        {{< highlight go >}}\n        x := 1\n        {{< /highlight >}}\n",
        # what looks like a list item, to Python-Markdown is none: the tags are indented code
        "- - -\n\n    {{< highlight go >}}\n    x := 1\n    {{< /highlight >}}\n",  # a rule
        "Text\n1. more text\n\n    {{< highlight go >}}\n    x := 1\n    {{< /highlight >}}\n",
        "1) Run:\n\n    {{< highlight go >}}\n    x := 1\n    {{< /highlight >}}\n",
        "Code:\n\n    - a\n\n        {{< highlight go >}}\n        x := 1\n        {{< /highlight >}}\n",
        "- a\n\n  less than a tab in\n\n    {{< highlight go >}}\n    x := 1\n    {{< /highlight >}}\n",
    ):
        shown = html_module.unescape(re.sub(r"<[^>]+>", "", _with(SUPERFENCES, text)))
        assert re.search(r"\{\{< highlight go >\}\}\n *x := 1\n *\{\{< /highlight >\}\}", shown), text
        assert "```" not in shown, text


def test_highlight_closed_in_another_list_item_is_not_closed():
    """A closing tag in the next item closes nothing of this one (each item's own pair still
    makes its code block)."""
    warnings: list = []
    html = markdown.markdown(
        "- a\n\n    {{< highlight go >}}\n    x\n\n- b\n\n    {{< highlight go >}}\n    y\n    {{< /highlight >}}\n",
        extensions=[ShortcodeExtension(on_warning=lambda m, line: warnings.append((m, line))), *SUPERFENCES],
    )
    assert [line for _, line in warnings] == [3]  # a's tag, left unclosed
    assert "<p>{{&lt; highlight go &gt;}}\nx</p>" in html
    assert re.search(r"<p>b</p>\s*<div class=\"highlight\"><pre><span></span><code><span class=\"nx\">y</span>", html)


def test_highlight_in_a_list_item_without_superfences_stays_inline_code():
    """Markdown's own fenced_code reads no fence in a list: the highlight stays inline code."""
    html = _with(["fenced_code"], "1. Run it:\n\n    {{< highlight sh >}}\n    make\n    {{< /highlight >}}\n")
    assert '<code class="language-sh">make</code>' in html and "```" not in html


def test_a_paragraph_of_unclosed_tags_is_read_in_linear_work(monkeypatch):
    """Each opening tag looked ahead for its closer by reading every tag after it: 4,000 unclosed
    ``highlight`` tags in one paragraph took 40 s. Counted in tags read, not timed."""
    from mkdocs_podcast_digest.shortcodes import parser

    calls = 0
    real = parser.parse

    def counting(*args):
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(parser, "parse", counting)
    for text in (
        "{{< highlight go >}}\n" * 1000,
        "{{< details summary=x >}}\n" * 1000 + "{{< /details >}}\n",
        "{{< details summary=x >}}a {{< details summary=y >}}b{{< /details >}}{{< /details >}} " * 500,
    ):
        calls = 0
        markdown.markdown(text, extensions=[ShortcodeExtension(on_warning=lambda *a: None)])
        assert calls < 50 * 1000, calls  # a scan per tag: ~500,000


def test_highlight_in_a_line_of_text_is_inline_code():
    assert ours("Run {{< highlight sh >}}make <all>{{< /highlight >}} now.") == (
        '<p>Run <code class="language-sh">make &lt;all&gt;</code> now.</p>'
    )


# --- in a site built with the plugin ----------------------------------------------------------------

BUNDLE_POST = """\
---
title: Chips and power
date: 2026-03-02
guest: Ada Park
---
# Chips and power

Our guest was {{< param guest >}}, on {{< param "show.name" >}}.

{{< figure src="chart.png" title="Power per chip" caption="From the [other episode](../other.md)" link="chart.png" >}}

{{< details summary="Transcript" >}}
**Ada:** Hello.

**Host:** Welcome.
{{< /details >}}

{{< highlight python "hl_lines=2" >}}
watts = 300
chips = 8
{{< /highlight >}}
"""


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_hugo_built_ins_in_a_strict_site(make_site, theme, use_directory_urls):
    site = make_site(
        {
            "posts/chips/index.md": BUNDLE_POST,
            "posts/chips/chart.png": b"\x89PNG\r\n\x1a\n",
            "posts/other.md": "---\ntitle: Other\ndate: 2026-03-01\n---\nText.\n",
        },
        config={
            "theme": {"name": theme},
            "use_directory_urls": use_directory_urls,
            "extra": {"show": {"name": "The Imaginary Show"}},
            "markdown_extensions": ["toc", "pymdownx.highlight", "pymdownx.superfences"],
        },
        strict=True,
    )
    assert site.warnings == []
    page = "posts/chips/" if use_directory_urls else "posts/chips/index.html"
    html = site.html(page)
    other = "../other/" if use_directory_urls else "../other.html"
    assert "Our guest was Ada Park, on The Imaginary Show." in html
    # MkDocs resolved the image and both links as it does Markdown's own.
    assert re.search(
        r'<figure><a href="chart.png"><img alt="From the other episode" src="chart.png" /></a>'
        rf'<figcaption><h4>Power per chip</h4><p>From the <a href="{re.escape(other)}">other episode</a></p>',
        html,
    )
    assert re.search(r"<details>\s*<summary>Transcript</summary>\s*<p><strong>Ada:</strong> Hello.</p>", html)
    assert '<span class="hll"><span class="n">chips</span>' in html
    assert "Power per chip</a>" not in html  # the figure's title is not in the table of contents
