"""Reading time for mixed CJK and Latin text, on posts and in listings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.reading import count, inline_text, minutes, plain_text, summary

CHINESE = "推論晶片的下一步是資料中心的記憶體頻寬。" * 160  # 3,200 characters with punctuation


def test_counts_cjk_characters_and_latin_words_apart():
    assert count("在 GPU 之後，AI 產業的 don't-stop 3.5 版本。日本語のテキスト한국어") == (19, 4)
    assert count("Hello, world: state-of-the-art models") == (0, 4)


def test_three_thousand_chinese_characters_are_not_one_minute():
    cjk, _ = count(CHINESE)
    assert cjk == 3040  # punctuation is not read as a character
    assert minutes(CHINESE) == 10  # 3,040 / 300 a minute; Material says 1, Hugo 7
    assert minutes(CHINESE, cjk_cpm=500) == 6
    assert minutes("word " * 460) == 2  # 230 words a minute
    assert minutes("word " * 460, latin_wpm=460) == 1
    assert minutes(CHINESE[:1500] + " word" * 230) == 6  # 1,425 characters + 230 words


def test_code_shortcodes_urls_and_html_are_not_read():
    body = (
        "Two words.\n\n```python\n" + "code " * 1000 + "\n```\n\n"
        '{{< youtube id="I0DrcsDf3Os" title="' + "long " * 50 + '" >}}\n\n'
        "<div class='x y z'>" + "</div>\n\n![alt text here](a.png) [link text](https://a.example/b/c/d) "
        "https://bare.example/x/y\n\n[ref]: https://ref.example/\n"
    )
    assert count(plain_text(body)) == (0, 4)
    assert minutes("{{< youtube I0DrcsDf3Os >}}\n") == 0  # nothing to read: nothing shown


def test_what_a_comment_shortcode_holds_is_not_read():
    body = "Two words.\n\n{{< comment >}}\n" + "hidden " * 500 + "\n{{< /comment >}}\n{{%comment%}}x y{{% /comment %}}"
    assert count(plain_text(body)) == (0, 2)


@pytest.mark.parametrize(
    "body",
    [
        "Intro words {{< comment >}}a private note{{< /comment >}} and more.\n\nNext.",
        "{{< comment >}}\na private note\n\nand a private note's second paragraph\n{{< /comment >}}\n\n"
        "Intro words and more.",
        "{{% comment %}}a private note{{% /comment %}}Intro words and more.",
    ],
)
def test_an_excerpt_leaves_out_what_a_comment_shortcode_holds(body):
    # The excerpt is a post's description when it has none: in its meta tags and feed items.
    assert " ".join(summary(body, 0).split()) == "Intro words and more."
    assert "private" not in inline_text(body)


def test_a_link_to_a_shortcode_keeps_its_words_only():
    text = plain_text('Read [part two]({{< ref "b.md" >}}), [three]( {{< relref c >}} ) and ![x]({{< ref i >}}).')
    assert " ".join(text.split()) == "Read part two, three and ."


DOCS = {
    "posts/zh.md": "---\ntitle: 中文\ndate: 2026-01-02\ntags: [t]\n---\n" + CHINESE + "\n",
    "posts/en.md": "---\ntitle: English\ndate: 2026-01-01\ntags: [t]\n---\n" + "word " * 700 + "\n",
    "posts/empty.md": "---\ntitle: Empty\ndate: 2025-12-31\ntags: [t]\n---\n{{< youtube I0DrcsDf3Os >}}\n",
}


@pytest.mark.parametrize(("language", "label"), [("en", "10 min read"), ("zh-TW", "閱讀時間 10 分鐘")])
def test_reading_time_on_posts_and_in_listings(make_site, language, label):
    site = make_site(DOCS, config={"theme": {"name": "mkdocs", "locale": language.replace("-", "_")}}, strict=True)
    assert f'<span class="pd-post-meta__reading">{label}</span>' in site.html("posts/zh/")
    assert "pd-post-meta__reading" not in site.html("posts/empty/")
    listing = site.html("tags/t/")
    assert re.findall(r'<span class="pd-listing__reading">([^<]*)</span>', listing) == [
        label,
        label.replace("10", "3"),
    ]


def test_reading_speeds_are_options_and_it_can_be_turned_off(make_site):
    options = {"reading_speed_cjk": 1000, "reading_speed_words": 100}
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": options}]})
    assert ">3 min read<" in site.html("posts/zh/") and ">7 min read<" in site.html("posts/en/")
    site = make_site(DOCS, config={"plugins": [{"podcast-digest": {"reading_time": False}}]})
    assert "min read" not in site.html("posts/zh/") + site.html("tags/t/")


def _count_by_characters(text: str) -> tuple[int, int]:
    """``count`` as its docstring defines it, one character at a time, from the code points."""
    cjk = words = 0
    in_word = False
    for ch in text:
        n = ord(ch)
        if ch in "'’.-":
            continue  # a joiner: neither ends nor starts a word
        if 0x3040 <= n <= 0xD7FF or 0x20000 <= n <= 0x3FFFF:
            cjk += 1
        is_word = (n < 0x80 and ch.isalnum()) or 0xC0 <= n <= 0x1FFF
        words += is_word and not in_word
        in_word = is_word
    return cjk, words


# Each side of every range's edge, spaces and joiners, scripts of every width in UTF-8.
_EDGES = [0x7F, 0x80, 0xBF, 0xC0, 0x7FF, 0x800, 0x1FFF, 0x2000, 0x2FFF, 0x3000, 0x303F, 0x3040]
_EDGES += [0x3FFF, 0x4000, 0x9FFF, 0xA000, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F600, 0x1FFFF]
_EDGES += [0x20000, 0x3FFFF, 0x40000, 0x10FFFF]
_mixed = st.text(
    st.one_of(
        st.sampled_from([*"ab1 _-.'’,。，「」\n\tÉé訓練資料かなカナ한글ᄀ×Ωжअ", *map(chr, _EDGES)]),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=60,
)


@settings(max_examples=1500, deadline=None)
@given(_mixed)
def test_count_is_the_documented_character_count(text):
    assert count(text) == _count_by_characters(text)


def test_count_reads_spaced_scripts_as_words():
    assert count("Привет мир, naïve café. नमस्ते दुनिया") == (0, 6)
    assert count("中文 and 한국어 😀 texte") == (5, 2)
    assert count("a--b ... c") == (0, 2)  # joiners inside a word, however many


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Hugo's divider: everything before it, headings and embeds left out, paragraphs joined.
        ("# T\n\nFirst.\n\n{{< youtube x >}}\n\nSecond **bold**.\n\n<!--more-->\n\nRest.", "First. Second bold."),
        ("Inline divider here.<!--more--> Rest.", "Inline divider here."),
        ("Material's spelling.\n\n<!-- more -->\n\nRest.", "Material's spelling."),
        # No divider, a divider inside code, or nothing to read before it: the first paragraph.
        ("First.\n\nSecond.", "First."),
        ("First.\n\n```\n<!--more-->\n```\n\nSecond.", "First."),
        ("First.\n\n```\na long line of code before the divider\n```\n\nSecond.\n\n<!--more-->\n\nRest.", "First. Second."),
        ("## Only a heading\n\n<!--more-->\n\nThe text.", "The text."),
    ],
)
def test_summary_is_hugos_manual_summary(markdown, expected):
    assert summary(markdown, 0) == expected


def test_manual_summary_describes_the_post_in_its_feed_and_head(make_site):
    body = "Before the divider.\n\nStill before.\n\n<!--more-->\n\nAfter it.\n"
    site = make_site({"posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n" + body})
    feed = (site.out / "index.xml").read_text(encoding="utf-8")
    assert "Before the divider. Still before." in feed and "After it." not in feed
    assert '<meta name="description" content="Before the divider. Still before.">' in site.html("posts/a/")


def test_reference_links_and_footnotes_read_as_their_words(make_site):
    body = (
        "See [the episode][ep] with [Lex] and [sic] a note[^1], and [more][].\n\n"
        "[ep]: https://example.com/ep\n[Lex]: https://lex.example\n[more]: https://m.example\n"
        "[^1]: The note.\n"
    )
    docs = {
        "posts/a.md": "---\ntitle: A\ndate: 2026-01-02\n---\n" + body,
        "posts/b.md": '---\ntitle: B\ndate: 2026-01-01\nsummary: "Hugo *summary* with [a link](https://x.org)"\n---\nT\n',
    }
    site = make_site(docs, config={"markdown_extensions": ["footnotes"]})
    words = "See the episode with Lex and [sic] a note, and more."
    assert f'<meta name="description" content="{words}">' in site.html("posts/a/")
    assert f"&lt;p&gt;{words}&lt;/p&gt;" in (site.out / "index.xml").read_text(encoding="utf-8")
    # Hugo's front-matter summary is Markdown: its words, as text.
    assert '<meta name="description" content="Hugo summary with a link">' in site.html("posts/b/")


def test_entities_and_unmatched_marks_read_as_markdown_shows_them():
    assert summary("Tom &amp; Jerry &lt;3, a note[^x] and [sic].\n") == "Tom & Jerry <3, a note[^x] and [sic]."



@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Underscores inside a word are no emphasis to Markdown (max_new_tokens became maxnewtokens).
        ("Set max_new_tokens in my_config_file.yaml.", "Set max_new_tokens in my_config_file.yaml."),
        ("__init__, _this_, **that** and *it*.", "init, this, that and it."),
        # A single ~ stays (tilde subscript off, as the README's Hugo block sets it); ~~ strikes.
        ("About 5~10 of them, ~~once~~ now.", "About 5~10 of them, once now."),
        (r"An escaped \_ and \* stay.", "An escaped _ and * stay."),
        # A paragraph that is only mkdocs-macros' or include-markdown's tag is no prose of the post.
        ('{% include-markdown "../snippets/intro.md" %}\n\nOwn text.', "Own text."),
        ("{{ macros_intro() }}\n\nOwn text.", "Own text."),
        # In a sentence, braces are the writer's own (a post quoting Hugo's templates).
        ("In Hugo, `{{ .Title }}` prints the title.", "In Hugo, {{ .Title }} prints the title."),
    ],
)
def test_an_excerpt_reads_marks_as_markdown_does(markdown, expected):
    assert summary(markdown) == expected
