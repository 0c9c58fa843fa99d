"""Property-based tests: the shortcode parser and the renderer never raise and never let an
argument into the HTML unescaped; slugs are stable between runs.

``test_urls.py`` already has the slugger's safety properties (non-empty, one segment inside its
folder, idempotent); this file adds only what it lacks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.shortcodes import ShortcodeExtension, parser
from mkdocs_podcast_digest.urls import slugify

TEMPLATES = Path(__file__).parent / "data" / "shortcodes" / "templates"

#: A marker no renderer produces by itself: if it appears as a tag, an argument got through.
CANARY = "x-canary"
HOSTILE = [
    f"<{CANARY}>",
    f'"><{CANARY} a="',
    f"'><{CANARY} ",
    "javascript:alert(1)",
    "&lt;",
    "&#x3C;",
    '" onmouseover="alert(1)',
    "' onload='alert(1)",
    "{{<",
    ">}}",
    "%}}",
    "\\",
    "`",
    "*em* _u_ [l](javascript:x)",
    "I0DrcsDf3Os",
    "episode/3WJoXs2hq06lV93sLSG461",
    "https://www.youtube.com/watch?v=I0DrcsDf3Os",
    "/media/a b.mp3",
    "\u202e\u05e9\u05dc\u05d5\u05dd",
    "🎙️",
    "",
]
NAMES = [
    "youtube",
    "spotify",
    "apple-podcast",
    "vimeo",
    "soundcloud",
    "x",
    "tweet",
    "audio",
    "nope",
    "figure",
    "details",
    "param",
    "comment",
    "highlight",
    "note",
    "quote",
    "badge",
    "people/guest",
    "broken",
]
KEYS = ["id", "title", "src", "user", "class", "start", "onload", "style", "type", "caption", "link", "attr", "attrlink", "summary", "alt"]

# Tags our embeds, the user templates in tests/data and plain Markdown may produce.
ALLOWED_TAGS = {
    "a", "abbr", "aside", "audio", "blockquote", "br", "button", "code", "div", "em", "figure",
    "figcaption", "img", "h4", "details", "summary", "h1", "h2", "li", "ol", "p", "pre", "source", "span", "strong", "table",
    "tbody", "td", "th", "thead", "tr", "ul", "hr", "cite", "small", "b", "i",
}  # fmt: skip


def _piece() -> st.SearchStrategy[str]:
    # No line breaks: in a table row, list item or heading a line break ends the construct (and the
    # shortcode with it) before the shortcode is read; multi-line shortcodes are tested in paragraphs.
    text = st.text(st.characters(blacklist_characters="\r\n"), max_size=12)
    return st.one_of(st.sampled_from(HOSTILE), text)


ARG_TEXT = st.lists(_piece(), max_size=4).map("".join)


def _quote(value: str, style: str) -> str:
    if style == "bare":
        return value
    if style == "`":
        # Hugo's raw string. An empty one, ``, is a Markdown code-span opener: left out here.
        return "`" + (value.replace("`", "") or "x") + "`"
    # A backtick inside a quoted argument can pair with another argument's backtick as a Markdown
    # code span before the shortcode is read (see test_backtick_in_a_quoted_argument_...).
    value = value.replace("`", "")
    return style + value.replace("\\", "\\\\").replace(style, "\\" + style) + style


@st.composite
def shortcodes(draw) -> str:
    name = draw(st.sampled_from(NAMES))
    delim = draw(st.sampled_from(["<", "%"]))
    args = []
    for _ in range(draw(st.integers(0, 3))):
        value = draw(ARG_TEXT)
        style = draw(st.sampled_from(['"', "'", "`", "bare"]))
        if style == "bare":
            value = "".join(c for c in value if not c.isspace() and c not in "\"'`{}<>%") or "x"
        arg = _quote(value, style)
        if draw(st.booleans()):
            arg = draw(st.sampled_from(KEYS)) + "=" + arg
        args.append(arg)
    close = {"<": ">", "%": "%"}[delim]
    return "{{" + delim + " " + " ".join([name, *args]) + " " + close + "}}"


@st.composite
def documents(draw) -> str:
    code = draw(shortcodes())
    where = draw(st.sampled_from(["alone", "after", "list", "quote", "table", "heading", "paired"]))
    if where == "paired":  # content and a closing tag, on the same line or on lines of their own
        delim, name = code[2], code[3:].split()[0]
        closing = "{{" + delim + " /" + name + " " + {"<": ">", "%": "%"}[delim] + "}}"
        sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
        return f"Intro.\n\n{code}{sep}inner *text*{sep}{closing}\n"
    return {
        "alone": f"Intro.\n\n{code}\n",
        "after": f"Text first {code} and after.\n",
        "list": f"- item {code}\n- two\n",
        "quote": f"> quoted {code}\n",
        # A '|' ends a table cell before the cell's text is read, shortcode or not.
        "table": f"| a | b |\n|---|---|\n| {code.replace('|', '')} | x |\n",
        "heading": f"## Title {code}\n",
    }[where]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _render(text: str, templates: bool) -> tuple[str, list]:
    warnings: list = []
    ext = ShortcodeExtension(
        on_warning=lambda message, line: warnings.append((message, line)),
        templates_dir=str(TEMPLATES) if templates else "",
    )
    html = markdown.markdown(text, extensions=[ext, "tables"])
    return html, warnings


def _assert_no_argument_got_through(html: str) -> None:
    low = html.lower()
    assert f"<{CANARY}" not in low
    assert "<script" not in low
    tags = _Tags()
    tags.feed(html)
    tags.close()
    for tag, attrs in tags.tags:
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, html)
            assert name != "style", (tag, html)
            if name in ("href", "src", "data-pd-src", "action", "poster"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                    tag,
                    name,
                    value,
                )


# --- the parser alone ---------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["<", "%"]), st.text())
@example("<", ' youtube "unclosed ')
@example("<", " / ")
@example("<", "/ x a=1")
@example("%", " a a=1 a=2 ")
def test_parse_raises_nothing_but_its_own_syntax_error(delim, body):
    try:
        sc = parser.parse(delim, body)
    except parser.ShortcodeSyntaxError as err:
        assert str(err)  # a reason the writer can act on
        return
    assert sc.name and parser.NAME_RE.fullmatch(sc.name)
    assert all(isinstance(a, str) for a in sc.args)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in sc.kwargs.items())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}<>%/\"'`\\ ab=\n")), max_size=60))
def test_scanning_any_text_finds_well_formed_matches(text):
    for m in parser.SHORTCODE_RE.finditer(text):
        if m.group("open") is None:
            delim, body = parser.parts(m)
            assert parser.raw(delim, body) == m.group(0)


# --- the whole Markdown pipeline -----------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
@example('Intro.\n\n{{< nope "<x-canary>" onload="<x-canary>" >}}\n', False)
@example('- item {{< note "<x-canary>" title=\'"><x-canary a="\' >}}\n', True)
@example('| a | b |\n|---|---|\n| {{< youtube "\\"><x-canary a=\\"" >}} | x |\n', False)
@example('> quoted {{% audio "javascript:alert(1)" %}}\n', False)
@example('{{< figure src="javascript:alert(1)" caption="<x-canary>" >}}\n', True)
def test_no_argument_reaches_the_html_unescaped(text, templates):
    html, warnings = _render(text, templates)
    _assert_no_argument_got_through(html)
    for message, line in warnings:
        assert isinstance(message, str) and message
        assert line is None or line >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_renders_without_raising(text):
    # Free text may hold raw HTML (Markdown passes it on); only "never raises" is asserted here.
    html, _ = _render(text, templates=True)
    assert isinstance(html, str)


@pytest.mark.xfail(strict=True, reason="known limitation: Markdown code spans are read before shortcodes")
def test_backtick_in_a_quoted_argument_does_not_open_a_code_span():
    # Valid Hugo: a quoted backtick, then a raw-string argument. Markdown pairs the two backticks as
    # a code span first, so the shortcode is reported as unclosed and the rest is plain Markdown.
    html, warnings = _render('Intro.\n\n{{< youtube "`" `<x-canary>` >}}\n', templates=False)
    assert warnings and "unclosed shortcode" in warnings[0][0]  # the writer is told, strict fails
    _assert_no_argument_got_through(html)


# --- slugs ------------------------------------------------------------------------------------------

STABLE_TERMS = ["GPU", "AI 產業", "🎙️", "..", "/", "<script>", "שלום עולם", "con", "C#", "a" * 300]


def test_slugs_are_the_same_in_every_process():
    """Slugs are URLs: a new Python process (another hash seed) must give the same ones."""
    code = (
        "import json, sys; from mkdocs_podcast_digest.urls import slugify; "
        "print(json.dumps([slugify(t) for t in json.loads(sys.argv[1])]))"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code, json.dumps(STABLE_TERMS)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1] == [slugify(t) for t in STABLE_TERMS]
    # The fallback for names with no letter or digit is a content hash, pinned so it never drifts.
    assert slugify("🎙️") == "t-d33bfa92"


# ------------------------------------------------------------------------------ relative links

_segment = st.sampled_from(["posts", "posts-x", "tags", "a", "b", "x.html", "index.html", ".", "..", "", "p%C3%A9"])
_url = st.lists(_segment, max_size=4).map("/".join) | st.lists(_segment, max_size=4).map(lambda p: "/".join(p) + "/")


@settings(max_examples=2000, deadline=None)
@given(url=_url, from_url=_url)
def test_links_match_mkdocs_relative_urls(url, from_url):
    """The fast path gives what MkDocs' own function gives, for every pair (a cache per page)."""
    from mkdocs.utils import get_relative_url

    from mkdocs_podcast_digest.render import Links

    links = Links()
    assert links(url, from_url) == get_relative_url(url, from_url)
    assert links(url, from_url) == get_relative_url(url, from_url)  # cached way up


# ------------------------------------------------------------------------------ front matter split


def _split_by_lines(text: str):
    """The obvious line-by-line reading of front matter, as an oracle for the offset-based one."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        return None, "", text, 0, 0
    kind = {"---": "yaml", "+++": "toml"}.get(lines[i].rstrip())
    if kind is None:
        return None, "", text, 0, 0
    closers = ("---", "...") if kind == "yaml" else ("+++",)
    for j in range(i + 1, len(lines)):
        if lines[j].rstrip() in closers:
            k = j + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            return kind, "\n".join(lines[i + 1 : j]), "\n".join(lines[k:]), k, i + 2
    return None, "", text, 0, 0


_fm_piece = st.sampled_from(["---", "+++", "...", "a: 1", "# T", "x", " ", "\t", "\u3000", "\x0c", "", "--- "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_fm_piece, max_size=9).map("\n".join) | st.lists(_fm_piece, max_size=9).map(lambda p: "\n".join(p) + "\n"))
def test_front_matter_split_matches_a_line_by_line_reading(text):
    from mkdocs_podcast_digest.posts import split_front_matter

    assert split_front_matter(text) == _split_by_lines(text)


@settings(max_examples=2000, deadline=None)
@given(
    site_url=st.sampled_from(["https://ex.com/", "https://ex.com/sub/", "https://ex.com", "http://h/a/b/"]),
    url=st.lists(_segment, max_size=4).map("/".join) | st.sampled_from(["mailto:x", "?q=1", "#f", "/abs/"]),
)
def test_site_join_is_urljoin(site_url, url):
    from urllib.parse import urljoin

    from mkdocs_podcast_digest.feeds import site_join

    assert site_join(site_url, url) == urljoin(site_url, url)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["# T", "#T", "## T", "   # T", "    # T", "T", "===", "= ", "=x", "```", "", " "]),
        max_size=8,
    ).map("\n".join)
)
def test_heading_search_never_misses_a_heading_the_line_walk_finds(body):
    """The quick search that lets most posts skip the walk must flag every candidate line."""
    import re

    from mkdocs_podcast_digest import posts

    candidate = re.compile(r"^ {0,3}(?:#(?!#)[ \t]|=+[ \t]*$)", re.M).search(body)  # the plain reading
    assert bool(posts._H1_LINE.search("\n" + body)) == bool(candidate)
