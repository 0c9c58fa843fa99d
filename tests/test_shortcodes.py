"""Hugo shortcodes as a Python-Markdown extension: Markdown in, HTML out."""

from __future__ import annotations

import logging
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from mkdocs_podcast_digest.i18n import ZH_HANT
from mkdocs_podcast_digest.shortcodes import ShortcodeExtension, makeExtension

TEMPLATES = Path(__file__).parent / "data" / "shortcodes" / "templates"
YT = "I0DrcsDf3Os"
SPOTIFY_EP = "3WJoXs2hq06lV93sLSG461"
APPLE = "us/podcast/some-show-name/id1434243584?i=1000747523558"
THIRD_PARTY_ATTRS = ("src", "href", "srcset", "poster", "data", "action", "background")


class Tags(HTMLParser):
    """Start tags as (tag, attrs) and the text, to assert on attributes rather than on strings."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())
        ]

    def one(self, tag: str, cls: str | None = None) -> dict[str, str | None]:
        found = self.find(tag, cls)
        assert len(found) == 1, (tag, cls, self.tags)
        return found[0]


def render(text: str, extensions: tuple = (), **options) -> tuple[str, list[tuple[str, int | None]]]:
    warnings: list[tuple[str, int | None]] = []
    ext = ShortcodeExtension(on_warning=lambda message, line: warnings.append((message, line)), **options)
    html = markdown.markdown(textwrap.dedent(text), extensions=[ext, *extensions])
    return html, warnings


def assert_safe(html: str) -> None:
    """No script, no event handler, and nothing that fetches a third-party host before a click."""
    assert "<script" not in html.lower()
    for tag, attrs in Tags(html).tags:
        assert tag not in ("img", "iframe", "script", "object", "embed", "link"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in THIRD_PARTY_ATTRS and tag not in ("a", "source"):
                assert not (value or "").startswith(("http:", "https:", "//")), (tag, name, value)


# --- syntax forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        f"{{{{< youtube {YT} >}}}}",  # bare
        f'{{{{< youtube "{YT}" >}}}}',  # double quotes
        f"{{{{< youtube '{YT}' >}}}}",  # single quotes
        f"{{{{< youtube `{YT}` >}}}}",  # backticks (the code-span pattern sees them first)
        f'{{{{< youtube id="{YT}" >}}}}',  # named
        f"{{{{< youtube id={YT} >}}}}",  # named, bare value
        f"{{{{<youtube {YT}>}}}}",  # no inner spaces
        f"{{{{% youtube {YT} %}}}}",  # percent form
        f"{{{{< youtube {YT} />}}}}",  # self-closing
        f'{{{{< youtube\n    id="{YT}"\n    title="Multi line"\n>}}}}',  # several lines
    ],
)
def test_syntax_forms_render_the_same_embed(source):
    html, warnings = render(source)
    assert warnings == []
    button = Tags(html).one("button", "pd-embed__facade")
    assert button["data-pd-src"].startswith(f"https://www.youtube-nocookie.com/embed/{YT}")
    assert html.startswith('<div class="pd-embed pd-embed--youtube')  # no <p> around a lone embed


def test_markdown_escaped_id_is_unescaped():
    html, warnings = render(r"{{< youtube 6c1h\_9rkofU >}}")
    assert warnings == []
    assert Tags(html).one("a", "pd-embed__link")["href"] == "https://www.youtube.com/watch?v=6c1h_9rkofU"


def test_quoted_argument_may_hold_the_closing_delimiter_and_escaped_quotes():
    html, warnings = render(f'{{{{< youtube {YT} title="a >}}}} \\"quoted\\" title" >}}}}')
    assert warnings == []
    assert Tags(html).one("button")["data-pd-title"] == 'a >}} "quoted" title'


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        ("{{</* youtube x */>}}", "{{< youtube x >}}"),
        ("{{%/* youtube x */%}}", "{{% youtube x %}}"),
        ('{{</* unknown-name "a" */>}}', '{{< unknown-name "a" >}}'),
    ],
)
def test_escaped_shortcode_is_literal_text(source, literal):
    html, warnings = render(f"Write {source} in a post.")
    assert warnings == []
    assert "".join(Tags(html).text) == f"Write {literal} in a post."
    assert "pd-embed" not in html


# --- providers --------------------------------------------------------------------------------------

PROVIDERS = [
    # (source, provider, facade src, canonical link)
    (f"youtube {YT}", "youtube", f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1",
     f"https://www.youtube.com/watch?v={YT}"),
    (f'youtube "https://www.youtube.com/watch?v={YT}&t=90"', "youtube",
     f"https://www.youtube-nocookie.com/embed/{YT}?start=90&autoplay=1",
     f"https://www.youtube.com/watch?v={YT}&t=90s"),
    (f"youtube https://youtu.be/{YT}", "youtube", f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1",
     f"https://www.youtube.com/watch?v={YT}"),
    (f"youtube https://www.youtube.com/shorts/{YT}", "youtube",
     f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1", f"https://www.youtube.com/watch?v={YT}"),
    (f"youtube https://www.youtube.com/live/{YT}", "youtube",
     f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1", f"https://www.youtube.com/watch?v={YT}"),
    (f"youtube https://www.youtube.com/embed/{YT}", "youtube",
     f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1", f"https://www.youtube.com/watch?v={YT}"),
    (f"youtube id={YT} start=30 end=90 mute=true", "youtube",
     f"https://www.youtube-nocookie.com/embed/{YT}?start=30&end=90&mute=1&autoplay=1",
     f"https://www.youtube.com/watch?v={YT}&t=30s"),
    (f'spotify "episode/{SPOTIFY_EP}"', "spotify", f"https://open.spotify.com/embed/episode/{SPOTIFY_EP}",
     f"https://open.spotify.com/episode/{SPOTIFY_EP}"),
    (f'spotify "https://open.spotify.com/episode/{SPOTIFY_EP}?si=abc123"', "spotify",
     f"https://open.spotify.com/embed/episode/{SPOTIFY_EP}", f"https://open.spotify.com/episode/{SPOTIFY_EP}"),
    (f"spotify spotify:show:{SPOTIFY_EP}", "spotify", f"https://open.spotify.com/embed/show/{SPOTIFY_EP}",
     f"https://open.spotify.com/show/{SPOTIFY_EP}"),
    (f"spotify type=track id={SPOTIFY_EP}", "spotify", f"https://open.spotify.com/embed/track/{SPOTIFY_EP}",
     f"https://open.spotify.com/track/{SPOTIFY_EP}"),
    (f'apple-podcast "{APPLE}"', "apple-podcast",
     f"https://embed.podcasts.apple.com/{APPLE}&theme=auto", f"https://podcasts.apple.com/{APPLE}"),
    (f'apple-podcast "https://podcasts.apple.com/{APPLE}"', "apple-podcast",
     f"https://embed.podcasts.apple.com/{APPLE}&theme=auto", f"https://podcasts.apple.com/{APPLE}"),
    ("vimeo 76979871", "vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
     "https://vimeo.com/76979871"),
    ("vimeo_simple 76979871", "vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
     "https://vimeo.com/76979871"),  # Hugo 0.168.0 has vimeo_simple and x_simple too
    ("vimeo https://vimeo.com/76979871/abcdef1234", "vimeo",
     "https://player.vimeo.com/video/76979871?h=abcdef1234&dnt=1&autoplay=1", "https://vimeo.com/76979871/abcdef1234"),
    ("soundcloud https://soundcloud.com/some-artist/some-track", "soundcloud",
     "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fsome-artist%2Fsome-track&visual=false"
     "&auto_play=true", "https://soundcloud.com/some-artist/some-track"),
    ("soundcloud track 123456", "soundcloud",
     "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F123456&visual=false"
     "&auto_play=true",
     "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F123456&visual=false"),
    ("x-post SanDiegoZoo 1453110110599868418", "x",
     "https://platform.twitter.com/embed/Tweet.html?id=1453110110599868418&dnt=true",
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
    ('x user="SanDiegoZoo" id="1453110110599868418"', "x",
     "https://platform.twitter.com/embed/Tweet.html?id=1453110110599868418&dnt=true",
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
    ('x_simple user="SanDiegoZoo" id="1453110110599868418"', "x",
     "https://platform.twitter.com/embed/Tweet.html?id=1453110110599868418&dnt=true",
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
    ('tweet user="SanDiegoZoo" id="1453110110599868418"', "x",
     "https://platform.twitter.com/embed/Tweet.html?id=1453110110599868418&dnt=true",
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
    ("twitter https://twitter.com/SanDiegoZoo/status/1453110110599868418?s=20", "x",
     "https://platform.twitter.com/embed/Tweet.html?id=1453110110599868418&dnt=true",
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "provider", "src", "href"), PROVIDERS)
def test_provider_facade(args, provider, src, href):
    html, warnings = render(f"{{{{< {args} >}}}}")
    assert warnings == []
    assert_safe(html)
    tags = Tags(html)
    root = tags.one("div", "pd-embed")
    assert f"pd-embed--{provider}" in root["class"].split()
    button = tags.one("button", "pd-embed__facade")
    assert button["type"] == "button"
    assert button["data-pd-src"] == src
    assert button["aria-label"].startswith("Show" if provider == "x" else "Play")  # a post is read
    assert button["data-pd-title"]
    assert tags.one("a", "pd-embed__link")["href"] == href


@pytest.mark.parametrize(("args", "provider", "src", "href"), PROVIDERS)
def test_provider_iframe_mode(args, provider, src, href):
    html, warnings = render(f"{{{{< {args} >}}}}", mode="iframe")
    assert warnings == []
    tags = Tags(html)
    iframe = tags.one("iframe")
    assert iframe["loading"] == "lazy"
    assert iframe["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert iframe["title"]
    assert iframe["src"].split("?")[0] == src.split("?")[0]
    assert "autoplay=1" not in iframe["src"] and "auto_play" not in iframe["src"]
    assert tags.one("a", "pd-embed__link")["href"] == href
    assert not tags.find("button")


def test_youtube_options_title_and_fullscreen():
    html, _ = render(f'{{{{< youtube id="{YT}" title="Episode 4 & more" allowFullScreen=false >}}}}')
    button = Tags(html).one("button")
    assert button["aria-label"] == "Play: Episode 4 & more on YouTube — Click to load from www.youtube-nocookie.com"
    assert "data-pd-fullscreen" not in button
    assert "Episode 4 &amp; more" in html
    html, _ = render(f"{{{{< youtube {YT} >}}}}", mode="iframe")
    assert "allowfullscreen" in Tags(html).one("iframe")


def test_a_post_on_x_is_shown_not_played():
    """The facade's name gives what a click does: a post on X is read, not played."""
    html, _ = render('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}')
    assert Tags(html).one("button")["aria-label"] == (
        "Show Post by @SanDiegoZoo — Click to load from platform.twitter.com"
    )
    assert "pd-embed--post" in Tags(html).one("div", "pd-embed")["class"].split()  # its icon: a bubble
    html, _ = render('{{< x user="SanDiegoZoo" id="1453110110599868418" title="A zoo & a tweet" >}}')
    assert Tags(html).one("button")["aria-label"].startswith("Show: A zoo & a tweet on X — ")
    texts = {key.removeprefix("embed."): text for key, text in ZH_HANT.items() if key.startswith("embed.")}
    html, _ = render('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}', texts=texts)
    assert Tags(html).one("button")["aria-label"].startswith("顯示：@SanDiegoZoo 的貼文 — ")
    html, _ = render(f"{{{{< youtube {YT} >}}}}", texts=texts)
    assert Tags(html).one("button")["aria-label"].startswith("播放：")


def test_audio_is_a_native_player_with_a_download_link():
    html, warnings = render('{{< audio "/media/episode 1.mp3" title="Episode 1" >}}')
    assert warnings == []
    assert_safe(html)
    tags = Tags(html)
    assert tags.one("audio")["preload"] == "none"
    assert tags.one("source") == {"src": "/media/episode%201.mp3", "type": "audio/mpeg"}
    assert tags.one("a", "pd-embed__link")["href"] == "/media/episode%201.mp3"
    html, warnings = render("{{< audio src=https://cdn.example.org/ep.m4a type=audio/x-m4a >}}")
    assert warnings == []
    assert Tags(html).one("source")["type"] == "audio/x-m4a"


def test_seed_shortcodes_render():
    text = """
    > A quote.

    {{< youtube I0DrcsDf3Os >}}

    {{< spotify "episode/3WJoXs2hq06lV93sLSG461" >}}

    {{< apple-podcast "tw/podcast/490-state-of-ai-in-2026-llms-coding-scaling-laws/id1434243584?i=1000747523558" >}}

    ---
    """
    html, warnings = render(text)
    assert warnings == []
    assert_safe(html)
    roots = [a["class"].split()[1] for a in Tags(html).find("div", "pd-embed")]
    assert roots == ["pd-embed--youtube", "pd-embed--spotify", "pd-embed--apple-podcast"]
    assert "{{" not in html
    assert "Play: 490 state of ai in 2026 llms coding scaling laws on Apple Podcasts" in html


# --- bad input --------------------------------------------------------------------------------------

HOSTILE = [
    ('{{< youtube "x\\" onmouseover=\\"alert(1)" >}}', "youtube", "is not a YouTube video ID or URL"),
    ("{{< youtube <script>alert(1)</script> >}}", "youtube", "is not a YouTube video ID or URL"),
    ('{{< youtube "javascript:alert(1)" >}}', "youtube", "is not a YouTube video ID or URL"),
    ("{{< youtube I0DrcsDf3O >}}", "youtube", "(11 characters of A-Z a-z 0-9 _ -)"),
    ("{{< youtube https://evil.example/watch?v=I0DrcsDf3Os >}}", "youtube", "is not a YouTube"),
    ('{{< youtube id="" >}}', "youtube", "is empty"),
    ("{{< youtube >}}", "youtube", "missing id"),
    (f"{{{{< youtube {YT} start=soon >}}}}", "youtube", "is not a time in seconds"),
    ('{{< spotify "episode/short" >}}', "spotify", "22-character ID"),
    ('{{< spotify "episode/3WJoXs2hq06lV93sLSG461\\" onload=\\"x" >}}', "spotify", "is not a Spotify"),
    (f'{{{{< spotify "{SPOTIFY_EP}" >}}}}', "spotify", "type=episode"),
    (
        '{{< apple-podcast "us/podcast/x\\"onmouseover=\\"alert(1)/id123" >}}',
        "apple-podcast",
        "Apple Podcasts",
    ),
    ("{{< vimeo abc >}}", "vimeo", "is not a Vimeo video ID"),
    ("{{< soundcloud https://evil.example/a/b >}}", "soundcloud", "soundcloud.com"),
    ('{{< x user="<b>" id=1 >}}', "x", "is not an X user name"),
    ("{{< audio javascript:alert(1).mp3 >}}", "audio", "audio file"),
    ("{{< audio http://insecure.example/a.mp3 >}}", "audio", "audio file"),
    ("{{< audio /media/notes.txt >}}", "audio", "audio file"),
    (f"{{{{< youtube {YT} {YT} >}}}}", "youtube", "positional argument"),
    ('{{< youtube "unclosed >}}', None, "unclosed shortcode"),
]


@pytest.mark.parametrize(("source", "name", "message"), HOSTILE)
def test_bad_arguments_give_a_visible_note_and_a_warning(source, name, message):
    html, warnings = render(f"Intro.\n\n{source}\n")
    assert_safe(html)
    assert "onmouseover" not in html and "onload" not in html and "javascript:" not in html
    assert len(warnings) == 1, warnings
    text, line = warnings[0]
    assert message in text
    assert line == 3
    if name:
        assert text.startswith(f"shortcode '{name}': ")
        assert "fix the argument" in text or "add it" in text
        tags = Tags(html)
        assert tags.one("div", "pd-embed--unavailable")["role"] == "note"
        assert "Embed unavailable" in "".join(tags.text)
        assert not tags.find("button") and not tags.find("a")


def test_warning_message_shows_the_argument_escaped_and_truncated():
    _, warnings = render('{{< youtube "' + "a" * 100 + '\\u0007" >}}')
    [(text, _)] = warnings
    assert "a" * 59 + "…" in text and "a" * 61 not in text


def test_unknown_name_stays_as_text_with_a_warning():
    html, warnings = render('See {{< podcast-player "ep1" >}} here.')
    assert "".join(Tags(html).text) == 'See {{< podcast-player "ep1" >}} here.'
    [(text, line)] = warnings
    assert text.startswith("unknown shortcode 'podcast-player'")
    assert line == 1


def test_unknown_name_with_hostile_arguments_is_escaped_text():
    html, warnings = render('{{< nope "<script>alert(1)</script>" onmouseover="x" >}}')
    assert_safe(html)
    assert "&lt;script&gt;" in html
    assert len(warnings) == 1


@pytest.mark.parametrize(
    "source", ["{{< youtube I0DrcsDf3Os", "{{% youtube I0DrcsDf3Os >}}", "{{<", "a {{< b"]
)
def test_unclosed_shortcode_is_text(source):
    html, warnings = render(source)
    assert "".join(Tags(html).text) == source
    assert [w[0].split(":")[0] for w in warnings] == [f"unclosed shortcode '{source[source.index('{{') :]}'"]


def test_closing_tag_without_opening_is_text():
    html, warnings = render("{{< /youtube >}}")
    assert "".join(Tags(html).text) == "{{< /youtube >}}"
    assert "closing tag without an opening tag" in warnings[0][0]


def test_unknown_named_argument_warns_but_renders():
    html, warnings = render(f"{{{{< youtube {YT} colour=red >}}}}")
    assert Tags(html).one("button")
    [(text, line)] = warnings
    assert "unknown argument 'colour'" in text and line == 1


# --- code is never touched --------------------------------------------------------------------------

CODE_DOC = f"""
Inline `{{{{< youtube {YT} >}}}}` code.

```
{{{{< youtube {YT} >}}}}
```

~~~markdown
{{{{< spotify "episode/{SPOTIFY_EP}" >}}}}
~~~

    {{{{< youtube {YT} >}}}}

Real: {{{{< youtube {YT} >}}}}
"""


@pytest.mark.parametrize(
    "extensions",
    [
        ("fenced_code",),
        ("pymdownx.superfences",),
        ("pymdownx.highlight", "pymdownx.superfences", "pymdownx.inlinehilite"),
        ("fenced_code", "codehilite"),
    ],
)
def test_code_spans_fences_and_indented_code_are_untouched(extensions):
    html, warnings = render(CODE_DOC, extensions=extensions)
    assert warnings == []
    assert html.count("pd-embed__facade") == 1  # only the real one
    text = "".join(Tags(html).text)  # code as the reader sees it, highlighted or not
    assert text.count(f"{{{{< youtube {YT} >}}}}") == 3
    assert text.count(f'{{{{< spotify "episode/{SPOTIFY_EP}" >}}}}') == 1


def test_embed_after_text_is_valid_inline_markup():
    html, warnings = render(f"Watch this: {{{{< youtube {YT} >}}}} now.")
    assert warnings == []
    assert html.startswith('<p>Watch this: <span class="pd-embed pd-embed--youtube')
    assert "<div" not in html  # no <div> inside <p>


def test_two_embeds_in_one_paragraph_become_two_blocks():
    html, _ = render(f'{{{{< youtube {YT} >}}}}\n{{{{< spotify "episode/{SPOTIFY_EP}" >}}}}')
    assert "<p>" not in html
    assert html.count('<div class="pd-embed') == 2


def test_lists_blockquotes_tables_and_headings():
    text = f"""
    - {{{{< youtube {YT} >}}}}
    - Episode: {{{{< spotify "episode/{SPOTIFY_EP}" >}}}}

    > {{{{< youtube {YT} >}}}}

    > Quote with
    > {{{{< youtube
    > {YT} >}}}}

    | Show | Player |
    |------|--------|
    | One  | {{{{< spotify "episode/{SPOTIFY_EP}" >}}}} |

    ## {{{{< youtube {YT} >}}}}
    """
    html, warnings = render(text, extensions=("tables",))
    assert warnings == []
    assert '<li><div class="pd-embed' in html
    assert '<li>Episode: <div class="pd-embed' in html
    assert '<blockquote>\n<div class="pd-embed' in html
    assert '<td><div class="pd-embed' in html
    assert '<h2><span class="pd-embed' in html
    assert '<p>Quote with\n<span class="pd-embed' in html
    assert html.count("pd-embed__facade") == 6


# --- line numbers -----------------------------------------------------------------------------------


def test_warnings_give_the_line_of_each_shortcode():
    text = "# Title\n\n{{< nope >}}\n\nText\n\n- a\n- {{< youtube bad >}}\n\n> quoted\n> {{< youtube\n> bad >}}\n\n{{< nope >}}\n"
    _, warnings = render(text)
    # Inline processing is breadth-first, so warnings may come out of order; each has its own line.
    assert sorted(line for _, line in warnings) == [3, 8, 11, 14]


def test_default_warning_goes_to_the_logger(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs_podcast_digest.shortcodes"):
        markdown.markdown("\n\n{{< youtube bad >}}", extensions=[ShortcodeExtension(on_warning=None)])
        markdown.markdown("{{< nope >}}", extensions=["mkdocs_podcast_digest.shortcodes"])
    assert [r.name for r in caplog.records] == ["mkdocs_podcast_digest.shortcodes"] * 2
    assert caplog.records[0].getMessage().endswith("(line 3)")


# --- standalone extension ---------------------------------------------------------------------------


def test_standalone_by_dotted_name_and_entry_point():
    html = markdown.markdown(f"{{{{< youtube {YT} >}}}}", extensions=["mkdocs_podcast_digest.shortcodes"])
    assert "pd-embed__facade" in html
    html = markdown.markdown(f"{{{{< youtube {YT} >}}}}", extensions=["podcast_shortcodes"])
    assert "pd-embed__facade" in html
    html = markdown.markdown(
        f"{{{{< youtube {YT} >}}}}",
        extensions=["mkdocs_podcast_digest.shortcodes"],
        extension_configs={"mkdocs_podcast_digest.shortcodes": {"mode": "iframe"}},
    )
    assert "<iframe" in html


def test_one_instance_reused_across_documents_leaks_nothing():
    seen: list[tuple[str, int | None]] = []
    ext = makeExtension(on_warning=lambda m, line: seen.append((m, line)), templates_dir=str(TEMPLATES))
    for _ in range(2):
        md = markdown.Markdown(extensions=[ext])
        assert "note__title" in md.convert('{{% note "A" %}}\ntext\n\n*more*\n{{% /note %}}')
        md.reset()
        assert "pd-embed--youtube" in md.convert(f"x\n\n{{{{< youtube {YT} >}}}}\n\n{{{{< nope >}}}}")
    assert [line for _, line in seen] == [5, 5]


def test_bad_options_fail_early():
    with pytest.raises(ValueError, match="mode"):
        markdown.markdown("x", extensions=[ShortcodeExtension(mode="embed")])
    with pytest.raises(ValueError, match="templates_dir"):
        markdown.markdown("x", extensions=[ShortcodeExtension(templates_dir="/nonexistent/folder")])


# --- user templates ---------------------------------------------------------------------------------


def test_hugos_own_go_templates_in_the_folder_are_named_as_such(tmp_path):
    """A site moved from Hugo with its ``layouts/shortcodes`` kept: Go templates there failed to
    compile as Jinja, and replaced the built-ins (every figure became "embed unavailable")."""
    (tmp_path / "figure.html").write_text('<figure>{{ with .Get "src" }}<img src="{{ . }}">{{ end }}</figure>')
    (tmp_path / "note.html").write_text('<div class="note">{{ .Inner | markdownify }}</div>')
    (tmp_path / "broken.html").write_text("<div>\n{% if %}")  # a Jinja template with an error: said as before
    html, warnings = render(
        """\
        {{< figure src="https://example.org/chart.png" caption="Chart" >}}

        {{< figure src="https://example.org/b.png" >}}

        {{< note >}}
        Inside.
        {{< /note >}}

        {{< broken >}}
        """,
        templates_dir=str(tmp_path),
    )
    assert html.count('<img alt="Chart" src="https://example.org/chart.png"') == 1 and "<figcaption>" in html
    messages = [m for m, _ in warnings]
    assert len(messages) == 3, messages
    assert "'figure.html' is a Hugo (Go) template" in messages[0] and "the built-in 'figure' is used" in messages[0]
    assert "unknown shortcode 'note': its template 'note.html' is a Hugo (Go) template" in messages[1]
    assert warnings[1][1] == 5  # and no second warning for its closing tag
    assert "template 'broken.html, line 2' cannot be loaded" in messages[2]  # the template's own line


def test_an_unknown_paired_shortcode_is_one_warning_not_one_for_each_tag():
    """A closing tag read before its opening tag (the opening one in a quote, read later)
    was "a closing tag without an opening tag"; the opening tag's warning says what to do."""
    _, warnings = render(
        """\
        > {{< collapse summary="More" >}}

        Body.

        {{< /collapse >}}

        {{< /stray >}}
        """
    )
    assert [(m.split(":")[0], line) for m, line in warnings] == [
        ("shortcode 'stray'", 7),  # no opening tag anywhere: said
        ("unknown shortcode 'collapse'", 1),
    ], warnings


def test_user_template_with_positional_and_named_arguments_is_autoescaped():
    html, warnings = render('{{< badge "A&B <i>" tip="say \\"hi\\"" >}}', templates_dir=str(TEMPLATES))
    assert warnings == []
    assert html == '<p><span class="badge" title="say &#34;hi&#34;">A&amp;B &lt;i&gt;</span></p>'


def test_user_template_in_a_subfolder():
    html, _ = render('{{< people/guest name="Ada" >}}', templates_dir=str(TEMPLATES))
    assert '<span class="guest">Ada (named)</span>' in html


def test_percent_inner_content_is_markdown_and_may_span_blank_lines():
    text = """
    {{% note "Heads up" kind="warn" %}}
    First *para*.

    ## Inner heading

    Second with `code` and {{< youtube I0DrcsDf3Os >}}
    {{% /note %}}

    After.
    """
    html, warnings = render(text, extensions=("toc",), templates_dir=str(TEMPLATES))
    assert warnings == []
    assert html.startswith(
        '<div class="note note--warn"><p class="note__title">Heads up</p>\n<p>First <em>para</em>'
    )
    assert '<h2 id="inner-heading">Inner heading</h2>' in html
    assert "<code>code</code>" in html and "pd-embed--youtube" in html
    assert html.endswith("</div>\n<p>After.</p>")


def test_angle_inner_content_is_passed_as_written():
    text = """
    {{< quote >}}
    raw *text*

    second
    {{< /quote >}}
    """
    html, warnings = render(text, templates_dir=str(TEMPLATES))
    assert warnings == []
    assert html == '<blockquote class="pull">raw *text*\n\nsecond</blockquote>'


def test_shortcodes_inside_angle_inner_content_are_expanded_as_hugo_does():
    # Hugo expands the shortcodes of `.Inner` before the template gets it; the rest stays as written.
    text = """
    {{< quote >}}
    Guest {{< badge "<script>" >}}, *as written*

    {{< youtube I0DrcsDf3Os >}} {{< quote >}}deeper {{< badge "B" >}}{{< /quote >}}
    {{< /quote >}}

    Inline {{< quote >}}a {{< badge "C" >}} `{{< badge "code" >}}`{{< /quote >}}.
    """
    html, warnings = render(text, templates_dir=str(TEMPLATES))
    assert warnings == []
    assert '<blockquote class="pull">Guest <span class="badge" title="">&lt;script&gt;</span>, *as written*' in html
    assert "pd-embed--youtube" in html
    assert '<blockquote class="pull">deeper <span class="badge" title="">B</span></blockquote>' in html
    # A code span of the paragraph is code: what it shows stays as written.
    assert '<blockquote class="pull">a <span class="badge" title="">C</span> `{{< badge "code" >}}`</blockquote>' in html
    assert html.count("{{<") == 1
    assert_safe(html)


def test_hostile_text_from_shortcodes_inside_inner_content_is_escaped():
    # The inner content is the writer's raw HTML, but what a shortcode in it gives as text (a
    # param's value, a shortcode shown as written) is text, escaped as it is anywhere else.
    text = (
        '{{< quote >}}C {{< param "evil" >}} K {{< nosuch a="<img src=x onerror=alert(1)>" >}} '
        'B {{< figure src="javascript:alert(2)" caption="<img src=x onerror=alert(3)>" >}}{{< /quote >}}'
    )
    html, warnings = render(
        text, templates_dir=str(TEMPLATES), page_params=lambda: ({"evil": "<script>alert(4)</script>"}, {})
    )
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "<img" not in html and "<script" not in html
    assert len(warnings) == 2  # the unknown shortcode, the unsafe figure
    assert_safe(html)


def test_builtins_inside_angle_inner_content_keep_their_markdown_as_text():
    text = '{{< quote >}}{{< figure src="a.png" caption="cap <b>" >}} {{< details summary="s" >}}in *x*{{< /details >}}{{< /quote >}}'
    html, warnings = render(text, templates_dir=str(TEMPLATES))
    assert warnings == []
    assert '<figcaption><p>cap &lt;b&gt;</p></figcaption>' in html
    assert "<details><summary>s</summary>in *x*</details>" in html
    assert "data-pd-figure-part" not in html


def test_missing_arguments_and_inner_content_print_nothing_as_in_hugo():
    html, warnings = render("{{< badge >}} {{< quote />}} {{< quote >}}", templates_dir=str(TEMPLATES))
    assert warnings == []
    assert "None" not in html
    assert html == '<p><span class="badge" title=""></span> <blockquote class="pull"></blockquote> <blockquote class="pull"></blockquote></p>'


def test_paired_user_shortcodes_inline():
    text = 'A {{% note "t" %}}some **bold**{{% /note %}} and {{< quote >}}a `c` *b*{{< /quote >}}.'
    html, warnings = render(text, templates_dir=str(TEMPLATES))
    assert warnings == []
    assert '<p class="note__title">t</p>some <strong>bold</strong></div>' in html
    assert '<blockquote class="pull">a `c` *b*</blockquote>' in html


def test_user_template_overrides_a_builtin(tmp_path):
    (tmp_path / "youtube.html").write_text('<span class="mine">{{ get(0) }}</span>')
    html, _ = render("{{< youtube abc >}}", templates_dir=str(tmp_path))
    assert html == '<p><span class="mine">abc</span></p>'


def test_failing_user_template_gives_a_note_and_a_warning():
    html, warnings = render("\n{{< broken 1 >}}", templates_dir=str(TEMPLATES))
    assert "Embed unavailable (broken)" in html
    [(text, line)] = warnings
    assert "template 'broken.html' failed" in text and line == 2


def test_material_style_containers():
    text = """
    !!! note "Listen"
        {{< spotify "episode/3WJoXs2hq06lV93sLSG461" >}}

    ??? info "Video"
        {{< youtube I0DrcsDf3Os >}}

    <div markdown>
    {{< youtube I0DrcsDf3Os >}}
    </div>
    """
    extensions = ("admonition", "pymdownx.details", "md_in_html")
    html, warnings = render(text, extensions=extensions)
    assert warnings == []
    assert '<p class="admonition-title">Listen</p>\n<div class="pd-embed pd-embed--spotify' in html
    assert '<summary>Video</summary>\n<div class="pd-embed pd-embed--youtube' in html
    assert '<div>\n<div class="pd-embed pd-embed--youtube' in html
    assert "<p><div" not in html


def test_on_embed_reports_each_rendered_embed_and_not_code_or_bad_ones():
    import markdown

    from mkdocs_podcast_digest.shortcodes import ShortcodeExtension

    seen = []
    ext = ShortcodeExtension(on_embed=seen.append, on_warning=lambda message, line: None)
    text = "{{< youtube I0DrcsDf3Os >}}\n\n`{{< vimeo 76979871 >}}`\n\n{{< youtube bad >}}\n"
    markdown.markdown(text, extensions=[ext])
    assert [(e.provider, e.href) for e in seen] == [("youtube", "https://www.youtube.com/watch?v=I0DrcsDf3Os")]


def test_a_paired_shortcode_whose_template_does_not_compile_is_one_warning_not_a_stopped_build(tmp_path):
    """The closing tag asks whether the shortcode is known: a template that does not compile is
    one (its opening tag said what is wrong), not an error out of Python-Markdown."""
    (tmp_path / "note.html").write_text("<div>{% if inner %}{{ inner }}</div>")
    html, warnings = render("{{< note >}}text{{< /note >}}\n\n{{< note >}}\nMore.\n{{< /note >}}\n", templates_dir=str(tmp_path))
    assert html.count("pd-embed--unavailable") == 2  # where each would be, for the reader
    messages = [m for m, _ in warnings]
    assert messages and all("template 'note.html, line 1' cannot be loaded" in m for m in messages), messages
    assert not any("closing tag without an opening tag" in m for m in messages)
