"""The post model: front matter normalised, never an exception, a problem for each off value."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.posts import (
    _first_heading_by_lines,
    _readable,
    first_heading,
    parse_post,
    title_from_text,
)

SEED_LIKE = """---
title: "「每一個 bug 都是機會」—— 一位工程師談模型訓練"
date: 2026-01-20T10:00:00+08:00
description: "訪談整理。"
tags: ["OpenAI", "強化學習", "AI Infra", "Podcast"]
categories: ["AI 產業"]
source_url: "https://www.youtube.com/watch?v=AAAAAAAAAAA"
source_name: "Example Podcast"
draft: false
---

> 本文整理自某個播客。

{{< youtube AAAAAAAAAAA >}}
"""


def test_seed_shaped_post():
    post = parse_post("posts/a.md", SEED_LIKE.encode())
    assert post.title.startswith("「每一個 bug")
    assert post.date == dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert post.terms["tags"] == ["OpenAI", "強化學習", "AI Infra", "Podcast"]
    assert post.terms["categories"] == ["AI 產業"]
    assert post.source_name == "Example Podcast"
    assert post.draft is False
    assert post.problems == []
    assert post.body.startswith("> 本文整理自")
    assert post.body_line_offset == 11  # the body starts on line 12 of the file


def test_no_front_matter_scraped_article():
    text = (
        "![]()\n新智元報道\n編輯:某某\n【導讀】2026開年，某研究副總裁宣布離職了。頂尖大腦出走。\n\n正文。\n"
    )
    post = parse_post("posts/002_abc.md", text.encode())
    assert post.title == "2026開年，某研究副總裁宣布離職了"
    assert post.date is None
    messages = " ".join(p.message for p in post.problems)
    assert "has no title" in messages and "Add 'title:" in messages
    assert "has no date" in messages
    assert post.body == text  # nothing lost


def test_title_from_heading_and_date_from_filename_without_warning():
    post = parse_post("posts/2026-01-08-scraped.md", b"# A Heading Title\n\nText.\n")
    assert post.title == "A Heading Title"
    assert post.date == dt.datetime(2026, 1, 8)
    assert post.problems == []


def test_title_falls_back_to_file_name():
    post = parse_post("posts/only-code.md", b"```\nx\n```\n")
    assert post.title == "only-code"
    assert any("file name" in p.message for p in post.problems)


def test_title_heading_inside_code_fence_is_ignored():
    post = parse_post("posts/x.md", b"---\ndate: 2026-01-01\n---\n```\n# not a title\n```\n\n# Real\n")
    assert post.title == "Real"


HEADINGISH = st.lists(
    st.sampled_from(["# T", "#T", "## Two", "   # Three", "    # code", "=", "===  ", "Text", "", "```", "~~~", " "]),
    max_size=8,
).map("\n".join)


@settings(deadline=None)  # no timing in tests: a loaded machine is slow, not wrong
@given(HEADINGISH)
def test_the_search_for_a_heading_line_never_skips_one_the_line_walk_finds(body):
    assert first_heading(body) == _first_heading_by_lines(body)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            "2026-01-20T10:00:00+08:00",
            dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        ),
        ("2026-01-20T10:00:00Z", dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone.utc)),
        ("2026-01-20T10:00:00+0800", dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
        ("2026-01-20", dt.datetime(2026, 1, 20)),
        ("2026-01-20 10:30:00", dt.datetime(2026, 1, 20, 10, 30)),
        ("2026-01-20T10:30:00", dt.datetime(2026, 1, 20, 10, 30)),
        ("20 Jan 2026", dt.datetime(2026, 1, 20)),
    ],
)
def test_date_formats(raw, expected):
    post = parse_post("posts/x.md", f'---\ntitle: X\ndate: "{raw}"\n---\nbody\n'.encode())
    assert post.date == expected
    assert post.problems == []


def test_yaml_native_date_and_datetime():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-20\n---\n")
    assert post.date == dt.datetime(2026, 1, 20)
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-20T10:00:00+08:00\n---\n")
    assert post.date.utcoffset() == dt.timedelta(hours=8)


def test_unparsable_date_warns_with_line_and_sorts_last():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: next tuesday\n---\n")
    assert post.date is None
    (problem,) = post.problems
    assert problem.line == 3
    assert "cannot be read" in problem.message and "2026-01-20" in problem.message
    dated = parse_post("posts/y.md", b"---\ntitle: Y\ndate: 2020-01-01\n---\n")
    assert sorted([post, dated], key=lambda p: p.sort_key)[0] is dated


@pytest.mark.parametrize(
    "value, expected",
    [
        ('"OpenAI"', ["OpenAI"]),
        ('"OpenAI, 強化學習 ,  Podcast"', ["OpenAI", "強化學習", "Podcast"]),
        ('["  OpenAI  ", "openai", "OPENAI", "GPU"]', ["OpenAI", "GPU"]),
        ('["a", "", null, 2026]', ["a", "2026"]),
        ("[]", []),
        ('["AI   產業"]', ["AI 產業"]),
    ],
)
def test_list_fields(value, expected):
    post = parse_post("posts/x.md", f"---\ntitle: X\ndate: 2026-01-01\ntags: {value}\n---\n".encode())
    assert post.terms["tags"] == expected
    assert post.problems == []


def test_list_field_wrong_type_warns():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-01\ntags: {a: 1}\n---\n")
    assert post.terms["tags"] == []
    (problem,) = post.problems
    assert problem.line == 4 and "'tags' should be a list" in problem.message


def test_list_entry_wrong_type_warns_and_keeps_the_rest():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-01\ntags: [ok, {a: 1}, [x]]\n---\n")
    assert post.terms["tags"] == ["ok"]
    assert len(post.problems) == 2


@pytest.mark.parametrize(
    "value, expected",
    [("true", True), ('"true"', True), ('"False"', False), ("1", True), ("0", False), ("no", False), ("off", False)],
)
def test_draft_values(value, expected):
    post = parse_post("posts/x.md", f"---\ntitle: X\ndate: 2026-01-01\ndraft: {value}\n---\n".encode())
    assert post.draft is expected
    assert post.problems == []


@pytest.mark.parametrize("value", ["yes", '"yes"', "on", "Y"])
def test_draft_yes_is_published_as_hugo_published_it_with_a_warning(value):
    # Hugo's YAML reads `yes` as text, and Hugo's draft flag reads that text as false.
    post = parse_post("posts/x.md", f"---\ntitle: X\ndate: 2026-01-01\ndraft: {value}\n---\n".encode())
    assert post.draft is False
    assert "which Hugo reads as false (it published this post)" in post.problems[0].message
    assert post.problems[0].line == 4


def test_draft_nonsense_warns():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-01\ndraft: maybe\n---\n")
    assert post.draft is False
    assert "neither true nor false" in post.problems[0].message


@pytest.mark.parametrize(
    "value, expected, warns",
    [("2", 2, False), ('"3"', 3, False), ("4.0", 4, False), ("two", None, True), ("2.5", None, True)],
)
def test_series_order(value, expected, warns):
    post = parse_post(
        "posts/x.md", f"---\ntitle: X\ndate: 2026-01-01\nseries: S\nseries_order: {value}\n---\n".encode()
    )
    assert post.series_order == expected
    assert post.terms["series"] == ["S"]
    assert bool(post.problems) is warns


def test_unknown_keys_are_kept_untouched_and_known_keys_any_case():
    post = parse_post("posts/x.md", b"---\nTitle: Big\nDate: 2026-01-01\nTags: [A]\nMyKey: {x: 1}\n---\n")
    assert post.title == "Big"
    assert post.terms["tags"] == ["A"]
    assert post.meta["MyKey"] == {"x": 1}
    assert post.meta["title"] == "Big"


def test_malformed_yaml_builds_without_front_matter():
    post = parse_post("posts/x.md", b"---\ntitle: a: b: c\ndate: [\n---\n# Heading\n")
    assert post.title == "Heading"
    assert post.problems[0].line is not None
    assert "malformed YAML" in post.problems[0].message


def test_toml_front_matter_with_blank_line_before():
    text = '\n+++\ntitle = "From Hugo"\ndate = 2026-01-20T10:00:00+08:00\ntags = ["a", "b"]\n+++\nBody\n'
    post = parse_post("posts/x.md", text.encode())
    assert post.title == "From Hugo"
    assert post.terms["tags"] == ["a", "b"]
    assert post.date.utcoffset() == dt.timedelta(hours=8)
    assert post.body == "Body\n"


def test_bom_and_crlf():
    text = "\ufeff---\r\ntitle: BOM\r\ndate: 2026-01-01\r\n---\r\nBody\r\n"
    post = parse_post("posts/x.md", text.encode("utf-8"))
    assert post.title == "BOM" and post.body == "Body\n" and post.problems == []


def test_invalid_utf8_and_nul():
    post = parse_post("posts/x.md", b"---\ntitle: X\ndate: 2026-01-01\n---\nok \xff\xfe bad\x00\n")
    messages = [p.message for p in post.problems]
    assert any("not valid UTF-8" in m for m in messages)
    assert any("NUL" in m for m in messages)
    assert "\ufffd" in post.body


def test_empty_file():
    post = parse_post("posts/empty.md", b"")
    assert post.title == "empty"
    assert post.body == ""


def test_unclosed_front_matter_is_body():
    post = parse_post("posts/x.md", b"---\ntitle: X\n\n# Heading\n")
    assert post.title == "Heading"
    assert post.body.startswith("---")


def test_a_short_chinese_sentence_is_a_title_where_as_many_latin_letters_are_not():
    """A CJK character is two columns wide: ten of them are a sentence, ten letters a byline."""
    assert title_from_text("這是第一句。第二句。") == "這是第一句"
    assert title_from_text("編輯：王小明\n\n這是一篇關於模型的文章。後面還有。") == "這是一篇關於模型的文章"
    assert title_from_text("By Jane Do\n\nThe first sentence of it all. More.") == "The first sentence of it all"


def test_title_from_text_cuts_first_sentence():
    assert (
        title_from_text("short\n這是一段足夠長的文字，說明一件事。後面還有。")
        == "這是一段足夠長的文字，說明一件事"
    )



@pytest.mark.parametrize(
    "body",
    [
        # A '>' inside a shortcode argument: the tag's pattern stopped there, the rest was a title.
        '{{< figure src="a.png" caption="growth > decline in the long run" >}}\n\nThe first sentence here. More.',
        "```\nsome code line that is long enough\n```\nThe first sentence here. More.",
        "{{% comment %}}\nA note to self that is long enough\n{{% /comment %}}\n\nThe first sentence here.",
    ],
)
def test_title_from_text_skips_shortcodes_and_code(body):
    assert title_from_text(body) == "The first sentence here"


def test_title_from_text_keeps_a_links_text():
    assert title_from_text("See [the long announcement](https://x.com/a) today. And.") == (
        "See the long announcement today"
    )


# --- load_yaml: PyYAML's results and errors, by a shorter road ----------------------------------

_YAML_ODDITIES = [
    "a: &x [1, 2]\nb: *x\n",  # alias: the same list twice, as PyYAML shares it
    "a: &r [*r]\n",  # a list inside itself
    "<<: {a: 1}\nb: 2\n",  # merge key
    "a: !foo 1\n",  # unknown tag: PyYAML's error
    "date: 2024-02-30\n",  # impossible date: PyYAML's ValueError
    "[1, 2]: x\n",  # unhashable key: PyYAML's error
    "a: !!set {x}\nb: !!omap [{x: 1}]\nc: !!binary aGVsbG8=\n",
    "a: 2024-01-01 10:00:00+08:00\nb: yes\nc: ~\nd: 1e3\ne: 0o17\nf: .inf\ng: 2024-01-02\n",
    "k: 1\nk: 2\n",  # a repeated key: the last one wins
    "a: !!str 1\nb: !!int '3'\n",
    "- a\n- b\n",
    "just text",
    "",
    "a: [\n",  # broken: PyYAML's error, with its line
]


def _outcome(load, text):
    try:
        return repr(load(text))
    except Exception as err:
        return f"{type(err).__name__}: {err}"


@pytest.mark.parametrize("text", _YAML_ODDITIES)
def test_load_yaml_gives_what_pyyaml_gives(text):
    import yaml

    from mkdocs_podcast_digest.posts import SAFE_LOADER, load_yaml

    assert _outcome(load_yaml, text) == _outcome(lambda t: yaml.load(t, Loader=SAFE_LOADER), text)


def test_front_matter_is_read_as_hugo_reads_it():
    """PyYAML reads YAML 1.1: `no` and `on` are booleans, `1:30` is 90 and `=` a tag it cannot
    build. Hugo 0.168 reads those as text, but numbers as YAML 1.1 does (`017` is 15)."""
    from mkdocs_podcast_digest.posts import load_yaml

    text = (
        "a: [yes, no, on, off, y, n, true, False, TRUE]\nb: 1:30\nc: 017\nd: 0o17\ne: 0x1F\nf: 1e3\n"
        "g: 1_000\nh: 0b101\ni: 08\nop: =\nk: 190:20:30.15\n"
    )
    assert load_yaml(text) == {
        "a": ["yes", "no", "on", "off", "y", "n", True, False, True],
        "b": "1:30",
        "c": 15,
        "d": "0o17",
        "e": 31,
        "f": "1e3",
        "g": 1000,
        "h": 5,
        "i": "08",
        "op": "=",
        "k": "190:20:30.15",
    }


_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.dates() | st.datetimes()
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=12), _values, max_size=8), st.booleans())
def test_load_yaml_reads_dumped_front_matter_as_pyyaml_does(data, flow):
    import yaml

    from mkdocs_podcast_digest.posts import SAFE_LOADER, load_yaml

    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    # The fast road and PyYAML's constructor, both with the rules of Hugo's YAML (a text PyYAML
    # quoted as 1.1 would read it may read otherwise now: the same way on both roads).
    assert _outcome(load_yaml, text) == _outcome(lambda t: yaml.load(t, Loader=SAFE_LOADER), text)


@pytest.mark.parametrize(
    "front, date, publish",
    [
        ("lastmod: 2026-02-03", "2026-02-03", None),  # Hugo dates the post by it, but publishes it
        ("modified: 2026-02-03", "2026-02-03", None),
        ("date: 1770076800", "2026-02-03", "2026-02-03"),  # Unix time
        ("date: 2026-01-01\nlastmod: 2026-02-03", "2026-01-01", "2026-01-01"),
    ],
)
def test_hugos_other_dates(front, date, publish):
    post = parse_post("posts/x.md", f"---\ntitle: X\n{front}\n---\n".encode())
    assert post.problems == []
    assert post.date_text == date
    assert (post.publish_date.date().isoformat() if post.publish_date else None) == publish
    if "lastmod" in front:
        assert str(post.meta["lastmod"]) == "2026-02-03"  # still there for themes


def test_json_front_matter_as_hugo_reads_it():
    text = '{\n  "title": "JSON front matter",\n  "date": "2026-02-02T10:00:00+08:00",\n  "tags": ["json"],\n  "draft": "maybe"\n}\n\nBody json.\n'
    post = parse_post("posts/x.md", text.encode())
    assert (post.title, post.date_text, post.terms, post.body) == ("JSON front matter", "2026-02-02", {"tags": ["json"]}, "Body json.\n")
    assert post.body_line_offset == 7
    assert [(p.line, "neither true nor false" in p.message) for p in post.problems] == [(5, True)]


@pytest.mark.parametrize("text", ["{{< youtube I0DrcsDf3Os >}}\n\n# Title here\n", "{not json} really\n\n# Title here\n", "[1, 2]\n\n# Title here\n"])
def test_a_brace_that_starts_no_json_object_is_text(text):
    post = parse_post("posts/x.md", text.encode())
    assert post.title == "Title here" and post.body == text


@pytest.mark.parametrize(
    "value, weight",
    [("3", 3), ('"3"', 3), ("1.5", 1), ("true", 1), ("x", 0), ("-2", -2), ('"' + "1" * 5000 + '"', 0)],
)
def test_weight_as_hugo_casts_it(value, weight):
    post = parse_post("posts/x.md", f"---\ntitle: X\ndate: 2026-01-01\nweight: {value}\n---\n".encode())
    assert post.weight == weight


@pytest.mark.parametrize(
    "text, body, offset",
    [
        ('{"title": "Only"}', "", 1),  # no newline at the end
        ('{"title": "Only"} Body on its line.\n\nMore.\n', "Body on its line.\n\nMore.\n", 0),
        ('{"title": "Only", "x": ' + "[" * 3000 + "]" * 3000 + "}\n\nBody\n", None, None),  # too deep: text
    ],
)
def test_json_front_matter_edges(text, body, offset):
    post = parse_post("posts/x.md", text.encode())
    if body is None:
        # Too deep for Python's JSON reader (3.10-3.12): read as text, with no traceback. Python
        # 3.13 reads it (as Hugo did: Go's limit is 10,000 levels), and so does the plugin there.
        try:
            json.loads(text.partition("\n")[0])
        except RecursionError:
            assert post.body == text
        else:
            assert (post.title, post.body) == ("Only", "Body\n")
        return
    assert (post.title, post.body, post.body_line_offset) == ("Only", body, offset)


def test_front_matter_that_cannot_be_read_is_one_warning_not_three():
    """YAML notices an unclosed quote where its text runs into the next key: the warning names the
    quote's own line, and asks for no title or date the writer did give."""
    post = parse_post("posts/a.md", '---\ntitle: "第 14 集 broken\ntags: ["a"]\ndate: 2025-01-15\n---\n\n本文整理自一集訪談。\n')
    assert [(p.line, p.message) for p in post.problems] == [
        (2, "has malformed YAML front matter: the quote opened on line 2 is not closed; the post is "
            "built without its front matter. Close the quote.")
    ]
    post = parse_post("posts/b.md", "---\ntitle: 'It''s fine\ndate: 2025-01-15\n---\nText.\n")
    assert post.problems[0].line == 2 and "quote opened on line 2" in post.problems[0].message
    post = parse_post("posts/c.md", "---\ntitle: A\ntags: [a\ndate: 2025-01-15\n---\nText.\n")  # no quote: as before
    assert len(post.problems) == 1 and "Fix the YAML" in post.problems[0].message


@settings(deadline=None, max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("htps:/[]@.:%x1 \t\u00e9\u4e2d#?"), max_size=30).map(lambda s: "http://" + s)
    | st.text(max_size=30)
)
def test_a_url_is_readable_exactly_when_urlsplit_takes_it_apart(url):
    """The shortcut for plain ASCII URLs without brackets says what urlsplit would."""
    try:
        urlsplit(url)
        splits = True
    except ValueError:
        splits = False
    assert _readable(url) == splits
