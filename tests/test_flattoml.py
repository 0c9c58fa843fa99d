"""The flat TOML reader: what it reads, it reads as tomllib does; the rest it leaves to tomllib.

Hugo's archetype writes TOML front matter, so sites from Hugo often have it in every post. The
reader is a shortcut past tomllib for the usual shape; the one thing that matters is that it
never gives another answer. The property tests build documents from the pieces TOML gives
meaning to and compare the two wherever the shortcut answers, errors included (where tomllib
refuses a document, the shortcut must not have read it).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest import flattoml
from mkdocs_podcast_digest.posts import load_front_matter, tomllib


def _toml(text: str) -> str:
    """tomllib's answer, as a repr that tells True from 1; or the error it raises."""
    try:
        return repr(tomllib.loads(text))
    except Exception as err:
        return f"{type(err).__name__}: {err}"


def _agrees(text: str) -> bool:
    """True where the flat reader answered; it fails the test if that is not tomllib's answer."""
    flat = flattoml.read(text)
    if flat is None:
        return False
    assert repr(flat) == _toml(text), text
    return True


ARCHETYPE_SHAPED = """title = "「每一個 bug 都是機會」—— 一位工程師談模型訓練"
date = 2026-01-20T10:00:00+08:00
draft = false
description = '訪談整理：誰修得多，誰就贏。'
tags = ["OpenAI", "強化學習", "AI Infra", "Podcast"]
categories = [ "AI 產業", ]
related_people = ["someone-lin"]
series_order = 2

# a note
source_url = "https://www.youtube.com/watch?v=AAAAAAAAAAA"
"""


def test_archetype_shaped_front_matter_is_read_without_tomllib():
    assert flattoml.read(ARCHETYPE_SHAPED) == {
        "title": "「每一個 bug 都是機會」—— 一位工程師談模型訓練",
        "date": dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        "draft": False,
        "description": "訪談整理：誰修得多，誰就贏。",
        "tags": ["OpenAI", "強化學習", "AI Infra", "Podcast"],
        "categories": ["AI 產業"],
        "related_people": ["someone-lin"],
        "series_order": 2,
        "source_url": "https://www.youtube.com/watch?v=AAAAAAAAAAA",
    }
    assert _agrees(ARCHETYPE_SHAPED)


def test_a_post_with_toml_front_matter_reads_the_same_through_either_reader():
    meta, problems = load_front_matter("toml", ARCHETYPE_SHAPED, 2)
    assert problems == [] and meta == tomllib.loads(ARCHETYPE_SHAPED)


@pytest.mark.parametrize(
    "text",
    [
        "date = 2026-01-20",
        "date = 2026-01-20T10:00:00Z",
        "date = 2026-01-20t10:00:00z",
        "date = 2026-01-20 10:00:00.123456789-07:30",
        "date = 2026-01-20T10:00:00",
        "weight = -0\nw2 = +17\nw3 = 1_000",
        "a = []\nb = [ ]\nc = [1, 'x', true, 2026-01-02]",
        'a="x"\n  b =   "y"   ',
        "a = ''",
        "12-ab_C = 1",
    ],
)
def test_flat_shapes_are_read_as_tomllib_reads_them(text):
    assert _agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "[params]\na = 1",  # a table
        "a.b = 1",  # a dotted key
        '"a b" = 1',  # a quoted key
        'a = "x\\ty"',  # an escape
        'a = """x"""',  # a multi-line string
        "a = '''x'''",
        "a = 1.5",  # a float
        "a = 0x1F",  # other integers
        "a = 017",  # a leading zero: an error
        "a = 1__0",
        "a = {b = 1}",  # an inline table
        'a = "x" # c',  # a comment after a value
        "a\t= 1",  # a tab
        "a = 1\r\n",  # a carriage return
        "a = 1\na = 2",  # a key twice: an error
        "a = 2026-02-30",  # no such day: an error
        "a = 07:32:00",  # a time alone
        "a = [[1], [2]]",  # nested arrays
        "a = [\n  1,\n]",  # a multi-line array
        "a = ",  # no value: an error
        "a = x",  # a bare word: an error
        "a = " + "9" * 5000,  # more digits than Python reads
        "",
        "# only a comment",
    ],
)
def test_other_shapes_are_left_to_tomllib(text):
    assert flattoml.read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "x" + " " * 20000 + "y",
        "a = [1" + " " * 20000 + "x]",
        "a = [" + "1 " * 5000 + "{]",
        "a = [" + "'x', " * 5000 + "{]",
        "a = 2026-01-02" + " " * 20000 + "1",
    ],
)
def test_long_runs_of_spaces_are_read_in_one_pass(text):
    # No timing here: a pattern that backtracks over the spaces would not finish this test.
    assert flattoml.read(text) is None


# --- generated documents ----------------------------------------------------------------------------

#: Pieces TOML gives meaning to.
_PIECES = [
    '"', "'", "''", '""', '"""', "\\", "\\n", "\\u00e9", "#", " #", "=", " = ", " ", "  ", ",", ", ", "[", "]",
    "{", "}", ".", "-", "+", "_", ":", "\t", "\r", "\n", "\x00", "\x7f", "\x1f", "a", "Z", "0", "1", "7", "e", "x",
    "2024-01-02", "2024-02-30", "T10:00:00", "t10:00:00", " 10:00:00", ".5", ".1234567", "+08:00", "-24:00", "Z",
    "z", "true", "false", "True", "inf", "nan", "0x1F", "0o7", "0b1", "1_000", "1__0", "017", "1e3", "1.5", "中文",
    "「引號」", "é", "\U0001f600", "http://x.test/y?z=1",
]
_fragment = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_bare = st.sampled_from(
    ["true", "false", "0", "-0", "+17", "1_000", "017", "1.5", "2024-01-02", "2024-01-02T10:00:00Z",
     "2024-01-02 10:00:00+08:00", "2024-01-02T10:00:00.5", "2024-13-01", "10:00:00", "x"]
)
_quoted = _fragment.map(lambda s: f'"{s}"') | _fragment.map(lambda s: f"'{s}'")
_item = _fragment | _quoted | _bare
_array = st.tuples(st.lists(_item, max_size=4), st.sampled_from([", ", ",", " , "]), st.sampled_from(["", ",", " , "])).map(
    lambda p: "[" + p[1].join(p[0]) + (p[2] if p[0] else "") + "]"
)
_value = _fragment | _quoted | _bare | _array | st.just("")
_key = st.sampled_from(["title", "tags", "a", "_b", "x-y", "Date", "1", "a.b", '"q"', "中"]) | _fragment
_line = st.one_of(
    st.tuples(_key, st.sampled_from(["=", " = ", "  =", "= ", "\t= "]), _value, st.sampled_from(["", " ", " # c"])).map(
        "".join
    ),
    st.sampled_from(["", "# c", "  # c", "  ", "[t]", "[[t]]"]),
)
_documents = st.tuples(st.lists(_line, min_size=1, max_size=6), st.sampled_from(["", "\n"])).map(
    lambda parts: "\n".join(parts[0]) + parts[1]
)

#: Documents nearer the flat shape, so the comparison has answers to compare.
_soft = st.lists(
    st.sampled_from(["a", "Z", "0", "1", "x y", "中文", "é", "-", ".", "_", "+", "/", ":", "#", "'", "=", "[", ","])
    | st.sampled_from(_PIECES),
    max_size=4,
).map("".join)
_soft_value = (
    _soft.map(lambda s: f'"{s}"')
    | _soft.map(lambda s: f"'{s}'")
    | _bare
    | st.lists(_soft.map(lambda s: f'"{s}"') | _bare, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
)
_soft_documents = st.lists(
    st.tuples(st.sampled_from(["title", "tags", "date", "Draft", "x-y", "_b", "weight", "1"]), _soft_value).map(
        lambda kv: f"{kv[0]} = {kv[1]}"
    ),
    min_size=1,
    max_size=6,
).map(lambda lines: "\n".join(lines) + "\n")


@settings(max_examples=1000, deadline=None)
@given(_documents)
def test_generated_documents_read_as_tomllib_reads_them(text):
    _agrees(text)


@settings(max_examples=1000, deadline=None)
@given(_soft_documents)
def test_generated_near_flat_documents_read_as_tomllib_reads_them(text):
    _agrees(text)


def test_the_comparison_compares_documents_the_reader_reads():
    """Seeded, so it cannot flake: of documents near the flat shape, a good share is read (so the
    generated comparisons above compare answers), and each one read agrees with tomllib."""
    rng = random.Random(7)
    words = ["a", "Z", "0", "x y", "中文", "é", "-", ".", "_", "+", "/", ":", "#", "=", "'", '"', "\\"]
    bare = ["true", "false", "-0", "+17", "1_000", "017", "1.5", "2024-01-02", "2024-01-02T10:00:00Z", "x"]

    def value() -> str:
        kind = rng.randrange(4)
        if kind == 0:
            return rng.choice(bare)
        text = "".join(rng.choice(words) for _ in range(rng.randrange(4)))
        if kind == 3:
            return "[" + ", ".join(f'"{text}"' if rng.random() < 0.7 else rng.choice(bare) for _ in range(3)) + "]"
        return f'"{text}"' if kind == 1 else f"'{text}'"

    read = 0
    for _ in range(500):
        keys = rng.sample(["title", "tags", "date", "Draft", "x-y", "_b", "weight", "1"], rng.randrange(1, 6))
        read += _agrees("".join(f"{key} = {value()}\n" for key in keys))
    assert read > 100, read
