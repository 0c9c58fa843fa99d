"""The flat front-matter reader: what it reads, it reads as the YAML loader does; the rest it leaves.

The reader is a shortcut past LibYAML and PyYAML for the usual shape of front matter, so the one
thing that matters is that it never gives another answer than theirs. The property tests build
documents from the pieces YAML gives meaning to (quotes, indicators, comments, line breaks,
words Hugo's YAML reads its own way) and compare the two readers wherever the shortcut answers.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.flatyaml import FlatReader
from mkdocs_podcast_digest.posts import SAFE_LOADER, load_yaml, parse_yaml

FLAT = FlatReader(SAFE_LOADER)


def _yaml(text: str) -> str:
    """PyYAML's own answer (its full constructor, Hugo's rules), as a repr that tells True from
    1 and 1 from 1.0; or the error it raises."""
    try:
        return repr(yaml.load(text, Loader=SAFE_LOADER))
    except Exception as err:
        return f"{type(err).__name__}: {err}"


def _agrees(text: str) -> bool:
    """True where the flat reader answered; it fails the test if that answer is not PyYAML's."""
    flat = FLAT.read(text)
    if flat is None:
        return False
    assert repr(flat) == _yaml(text), text
    return True


# --- the usual shapes are read, and read right ----------------------------------------------------

SEED_SHAPED = """title: "「每一個 bug 都是機會」—— 一位工程師談模型訓練"
date: 2026-01-20T10:00:00+08:00
description: "訪談整理：誰修得多，誰就贏。"
tags: ["OpenAI", "強化學習", "AI Infra", "Podcast"]
categories: ["AI 產業"]
related_people: ["someone-lin"]
source_url: "https://www.youtube.com/watch?v=AAAAAAAAAAA"
source_name: "Example Podcast"
draft: false
"""


def test_seed_shaped_front_matter_is_read_without_a_parser():
    assert FLAT.read(SEED_SHAPED) == {
        "title": "「每一個 bug 都是機會」—— 一位工程師談模型訓練",
        "date": dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        "description": "訪談整理：誰修得多，誰就贏。",
        "tags": ["OpenAI", "強化學習", "AI Infra", "Podcast"],
        "categories": ["AI 產業"],
        "related_people": ["someone-lin"],
        "source_url": "https://www.youtube.com/watch?v=AAAAAAAAAAA",
        "source_name": "Example Podcast",
        "draft": False,
    }
    assert _agrees(SEED_SHAPED)
    assert load_yaml(SEED_SHAPED) == parse_yaml(SEED_SHAPED)


@pytest.mark.parametrize(
    "text",
    [
        "title: Plain words, with a comma [and brackets]\n",
        "source_url: https://example.com/a?b=1#frag\n",
        "title: C# in 10:00\n",  # '#' and ':' inside a plain value, not after a space
        "title: 'It''s ok'\ndate: 2024-01-02\n",
        "tags: [AI, ML, 'Hugo''s', \"x\", on, no, 017, 1e3, 2024-01-02]\n",
        "tags: []\nseries: [ ]\n",
        "description:\nweight: 3\nrank: -2\nscore: 1.5\nnothing: ~\n",
        "# a comment line\ntitle: x\n\n   # another\ndraft: true\n",
        "draft: yes\nop: =\nwhen: 1:30\n",  # Hugo's YAML: text, not booleans or sixty-based numbers
        "date: 2026-01-20 10:00:00\nexpirydate: 2026-01-20T10:00:00Z\n",
        "title: \"\"\nsummary: ''\n",
        "Title: Capitalised keys\nlinkTitle: x\n_build: y\nrelated-people: [a]\n",
        "title: emoji 😀 and é\n",
        "k: 1\nk: 2\n",  # a repeated key: the last one wins, at the first one's place
        "tags:\n  - a\n  - \"b c\"\n  - 'd'\n  - 2024-01-02\ntitle: x\n",  # a block list
        "tags:\n- a\n-\n- [b, c]\n",  # at the key's indent; an empty item; a flow list in it
        "aliases:\n\n  # old addresses\n  - /a/\n\n  - /b/\n",  # blank and comment lines between items
        "tags:\ncategories:\n  - x\n",  # a key with nothing after it is null
        "a" * 1024 + ": x\n",  # the longest key LibYAML reads
    ],
)
def test_flat_shapes_are_read_as_pyyaml_reads_them(text):
    assert _agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        'title: "a \\"quoted\\" word"\n',  # escapes
        "tags:\n  - a\n    - b\n",  # a block list's items at two indents
        "tags:\n  - a\n - b\n",
        "tags: x\n  - a\n",  # an item under a key that has a value
        "tags:\n  - a\n  -\n    b\n",  # an item over two lines
        "tags:\n  - a: b\n",  # a list of mappings
        "tags:\n  - - a\n",  # a list in a list
        "title: >\n  folded\n",
        "title: |\n  literal\n",
        "title: a\n  continued\n",  # a plain value over two lines
        'title: "two\n  lines"\n',
        "a: &x [1]\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # a tag
        "<<: {a: 1}\n",  # a merge key
        "title: x # a comment after a value\n",
        'title: "x" # a comment after a value\n',
        "title: a: b\n",  # not valid YAML at all
        "title:\tx\n",  # a tab
        "title: x\r\ndate: 2024-01-02\r\n",  # Windows line ends
        "title: a\u2028b\n",  # YAML 1.1 reads U+2028 as a line break
        "title: a\x85b\n",
        "\ufefftitle: x\n",
        "title: a\x01b\n",  # not printable: the parser's error
        "  title: indented\n",
        "true: x\n",  # a key that is not a string
        "null: x\n",
        "params: {a: 1}\n",  # a flow mapping
        "tags: [[a], b]\n",
        "tags: [a, b\n",
        "tags: [a: b]\n",
        "tags: [AI, 1:30]\n",  # a colon in a flow list's plain item
        "date: 2024-02-30\n",  # an impossible date: PyYAML's error, and the caller's fallback
        "- a\n- b\n",
        "just text\n",
        "",
        "# only a comment\n",
        "...\n",
        "%YAML 1.1\n",
        "title: ?x\n",  # an indicator first: left to the parser
        "title: - x\n",
        "title: @x\n",
        "a" * 1025 + ": x\n",  # LibYAML's limit for a key is 1,024 characters
        "title: x\n" + "b" * 1025 + ":\n  - y\n",
    ],
)
def test_other_shapes_are_left_to_the_yaml_reader(text):
    assert FLAT.read(text) is None
    # ... and load_yaml gives the parser's answer for them.
    try:
        expected = repr(parse_yaml(text))
    except Exception as err:
        expected = type(err).__name__
    try:
        got = repr(load_yaml(text))
    except Exception as err:
        got = type(err).__name__
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "t: [a" + " " * 3000 + ", b" + " " * 3000 + ":]\n",  # took minutes when spaces could end a plain item
        "t: [" + "a " * 3000 + "{]\n",
        "t: [" + "a, " * 3000 + "{]\n",
        't: ["' + " " * 3000 + ', "' + " " * 3000 + "{]\n",
        "tags: [" + " , ".join(f"tag{i}" for i in range(40)) + " ,]\n",  # doubled the work per item
    ],
)
def test_long_runs_of_spaces_are_read_in_one_pass(text):
    # No timing here: a pattern that backtracks over the spaces would not finish this test.
    assert FLAT.read(text) is None
    _agrees(text.replace("{", "c").replace(":]", "]"))  # and the same without the fault


# --- generated documents ----------------------------------------------------------------------------

#: Pieces YAML gives meaning to, and words Hugo's YAML reads its own way.
_PIECES = [
    '"', "'", "''", "\\", "#", " #", ":", ": ", " ", "  ", ",", ", ", "[", "]", "{", "}", "-", "- ", "?",
    "*", "&", "!", "!!", "|", ">", "%", "@", "`", "~", ".", "=", "<<", "\t", "\r", "\n", "\n  ", "\n- ",
    "\x85", "\u2028", "\ufeff", "\x00", "\x7f", "a", "Z", "0", "1", "7", "_", "e", "x", "+", "2024-01-02",
    "T10:00:00", " 10:00:00", "+08:00", "Z", "true", "False", "no", "yes", "on", "null", "Null", "1:30",
    "017", "0x1F", "0b1", "1_000", "1e3", "1.5", ".inf", ".nan", "中文", "「引號」", "é", "\U0001f600",
    "http://x.test/y?z=1", "...", "---",
]
_fragment = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_plain_piece = st.sampled_from(["a", "Z", "0", "17", "中文", "é", "x y", "true", "no", "~", "1:30", "2024-01-02", "1.5"])
_quoted = _fragment.map(lambda s: f'"{s}"') | _fragment.map(lambda s: f"'{s}'")
_item = _fragment | _quoted | _plain_piece
_flow_list = st.lists(_item, max_size=4).flatmap(
    lambda items: st.sampled_from([", ", ",", " , "]).map(lambda sep: "[" + sep.join(items) + "]")
)
_value = _fragment | _quoted | _plain_piece | _flow_list | st.just("")
_key = st.sampled_from(["title", "tags", "a", "_b", "x-y", "Date", "k1", "true", "null", "on", "no", "1"]) | _fragment
_line = st.one_of(
    st.tuples(_key, st.sampled_from([":", ": ", ":  ", " :", ":\t"]), _value, st.sampled_from(["", " ", "  "])).map(
        "".join
    ),
    st.sampled_from(["", "# c", "  # c", "  ", "...", "---", "-", "- ", "  -"]),
    st.tuples(st.sampled_from(["- ", "  - ", "    - ", " -  ", "-\t"]), _value).map("".join),
)
_documents = st.tuples(st.lists(_line, min_size=1, max_size=6), st.sampled_from(["", "\n"])).map(
    lambda parts: "\n".join(parts[0]) + parts[1]
)

#: Documents nearer the flat shape (most of them in it), so the comparison has answers to compare:
#: the same pieces, but few of those that take a document out of the shape.
_soft = st.lists(
    st.sampled_from(["a", "Z", "0", "1", "x y", "中文", "「引號」", "é", "-", ".", "_", "+", "=", "/", "~", ":", "#", "'", ","])
    | st.sampled_from(_PIECES),
    max_size=5,
).map("".join)
_soft_value = (
    _soft
    | _soft.map(lambda s: f'"{s}"')
    | _soft.map(lambda s: f"'{s}'")
    | st.lists(_soft | _soft.map(lambda s: f'"{s}"'), max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
)
_soft_block_list = st.tuples(st.sampled_from(["", "  ", "    "]), st.lists(_soft_value, min_size=1, max_size=3)).map(
    lambda parts: "".join(f"\n{parts[0]}- {item}" for item in parts[1])
)
_soft_documents = st.lists(
    st.tuples(
        st.sampled_from(["title", "tags", "date", "Draft", "x-y", "_b", "on", "weight"]),
        _soft_value.map(lambda v: f" {v}") | _soft_block_list,
    ).map(lambda kv: f"{kv[0]}:{kv[1]}"),
    min_size=1,
    max_size=6,
).map(lambda lines: "\n".join(lines) + "\n")


@settings(max_examples=1000, deadline=None)
@given(_documents)
def test_generated_documents_read_as_pyyaml_reads_them(text):
    _agrees(text)


@settings(max_examples=1000, deadline=None)
@given(_soft_documents)
def test_generated_near_flat_documents_read_as_pyyaml_reads_them(text):
    _agrees(text)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=10),
        st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.datetimes() | st.lists(st.text(max_size=8)),
        max_size=6,
    ),
    st.booleans(),
)
def test_documents_pyyaml_writes_read_as_pyyaml_reads_them(data, flow_lists):
    # Its block style is the flat shape's (`key: value` lines), with lists in flow style or not.
    _agrees(yaml.safe_dump(data, allow_unicode=True, default_flow_style=None if flow_lists else False, width=10_000))
