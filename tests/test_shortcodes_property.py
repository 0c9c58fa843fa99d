"""Property tests: whatever the arguments, the extension never raises and never lets them shape the HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from unittest import mock

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.shortcodes import ShortcodeExtension

NAMES = ["youtube", "spotify", "apple-podcast", "vimeo", "soundcloud", "x", "tweet", "audio", "no-such-name"]
# Any printable text, except backticks (a code span wins over a shortcode, as documented) and newlines
# (a blank line ends the paragraph before the shortcode is closed, which is tested elsewhere).
ARGUMENT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="`"), max_size=40)


class Shape(HTMLParser):
    """The document's shape: tags and attribute names, without text or attribute values."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        self.shape.append(("/" + tag, ()))


def convert(text: str, mode: str = "facade") -> str:
    ext = ShortcodeExtension(mode=mode, on_warning=lambda message, line: None)
    return markdown.markdown(text, extensions=[ext])


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


VALID = {
    "youtube": "I0DrcsDf3Os", "spotify": "episode/3WJoXs2hq06lV93sLSG461", "vimeo": "76979871",
    "apple-podcast": "us/podcast/show/id1434243584?i=1000747523558", "x": "1453110110599868418",
    "tweet": "1453110110599868418", "soundcloud": "https://soundcloud.com/a/b", "audio": "/a.mp3",
    "no-such-name": "x",
}  # fmt: skip


def shapes(name: str, mode: str) -> set:
    """Every shape an argument may lead to: a valid embed (with or without title), the unavailable
    note, or text (unknown name)."""
    sources = (
        f"{{{{< {name} {quoted(VALID[name])} >}}}}",
        f'{{{{< {name} {quoted(VALID[name])} title="t" >}}}}',
        f"{{{{< {name} {quoted('<bad>')} >}}}}",
    )
    return {tuple(Shape(convert(s, mode)).shape) for s in sources}


SHAPES = {(name, mode): shapes(name, mode) for name in NAMES for mode in ("facade", "iframe")}


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(NAMES), value=ARGUMENT, mode=st.sampled_from(["facade", "iframe"]))
def test_positional_argument_never_changes_the_markup(name, value, mode):
    html = convert(f"{{{{< {name} {quoted(value)} >}}}}", mode)
    assert tuple(Shape(html).shape) in SHAPES[(name, mode)]


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(NAMES[:-1]), title=ARGUMENT, mode=st.sampled_from(["facade", "iframe"]))
def test_title_argument_never_changes_the_markup(name, title, mode):
    html = convert(f"{{{{< {name} {quoted(VALID[name])} title={quoted(title)} >}}}}", mode)
    assert tuple(Shape(html).shape) in SHAPES[(name, mode)]


FRAGMENTS = st.sampled_from(
    ["{{<", ">}}", "{{%", "%}}", "/*", "*/", "/", '"', "'", "`", "=", " ", "\n", "\n\n", "> ", "- ", "    ",
     "youtube", "note", "I0DrcsDf3Os", "\\_", "<script>", "```\n", "|"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=30))
def test_arbitrary_documents_never_raise(parts):
    html = convert("".join(parts))
    assert "onmouseover" not in html


# --- closing tags --------------------------------------------------------------------------------

TOKENS = st.sampled_from(
    [
        "{{< d >}}", "{{< /d >}}", "{{% d %}}", "{{% /d %}}", "{{< d / >}}", "{{</* d */>}}", "{{< e >}}",
        "{{< /e >}}", '{{< d "x >}}" >}}', "{{< d", ">}}", "text ", "\n", "{{< d a=b c >}}", "{{< /d x >}}",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=24), st.text(alphabet="ab\x02", max_size=6))
def test_every_opener_gets_the_closer_a_scan_from_it_finds(tokens, prefix):
    """``find_closing`` matches openers to closers in one pass, and reuses that pass for a text
    whose start was replaced (Markdown's inline pass puts a placeholder where each shortcode
    was): each opener must get what scanning on from it finds."""
    from mkdocs_podcast_digest.shortcodes import parser

    text = "".join(tokens)
    for near in (parser._NEAR, 1, 0):  # past a nearby closer: the one-pass pairs, cached
        with mock.patch.object(parser, "_NEAR", near):
            for variant in (text, prefix + text[len(text) // 2 :], "{{< d >}}" + text, text):
                for m in parser.FULL_SHORTCODE_RE.finditer(variant):
                    want = parser._scan_for_closing(variant, "d", m.end())
                    got = parser.find_closing(variant, "d", m.end())
                    assert (got and got.span()) == (want and want.span()), (near, variant, m.span())
