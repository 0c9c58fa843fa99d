"""TOML front matter of the common flat shape, read without ``tomllib``; anything else is left to it.

Hugo's own archetype writes front matter in TOML (``+++``), so many sites that come from Hugo
have it in every post: a column of ``key = value`` lines whose values are a basic or literal
string, a date, an integer, ``true``/``false`` or a one-line array of those. ``tomllib`` is
written in Python and reads such a block in about 110 microseconds, two and a half times what
the YAML of the same posts costs through :mod:`.flatyaml`. ``read`` takes that shape with a few
regular expressions and gives up, returning ``None``, on anything outside it (a table, a dotted
or quoted key, an escape or a multi-line string, a float, a comment after a value, a tab, a
repeated key...), so ``tomllib`` sees every document this module is not sure of, and its
results and error messages stay the only ones. What ``read`` does return is what ``tomllib``
returns for the same text; the tests compare the two on generated documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

#: A bare key, ``=``, and the rest of the line (spaces around ``=`` as TOML allows them). Greedy,
#: with the value's trailing spaces taken off after: a lazy value followed by `` *`` tried every
#: length of a long run of spaces once per character of it.
_LINE = re.compile(r" *([A-Za-z0-9_-]+) *= *(.*)")
#: Anything ``read`` leaves to tomllib wherever it is: control characters (tab and CR included),
#: and DEL. A value's string then needs no check of its own for them.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
#: A value with no quote or backslash inside its quotes: no escape to read, no quote to end it.
_BASIC = re.compile(r'"([^"\\]*)"')
_LITERAL = re.compile(r"'([^']*)'")
#: A decimal integer as TOML writes one: no leading zero, single underscores between digits.
_INT = re.compile(r"[+-]?(?:0|[1-9](?:_?[0-9])*)")
#: tomllib's date and date-time, the fraction cut to microseconds as it does (a time alone is left).
_DATETIME = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?"
    r"(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?"
)
#: An array's item: a string without quotes or backslashes inside, or a plain word (an integer,
#: a boolean or a date, read by ``_scalar``; a date's time may follow a space), then a comma or
#: the end. No space inside a word but that one, so a run of spaces is walked once.
_ITEM = re.compile(r" *(?:\"([^\"\\]*)\"|'([^']*)'|([0-9A-Za-z_:.+-]+(?: [0-9][0-9A-Za-z_:.+-]*)?)) *(,|\Z)")

#: Only spaces left (matched in place: a copy of the rest per item grew with the line's square).
_BLANK_REST = re.compile(r" *\Z")

_NOT_FLAT = object()


def read(text: str) -> dict[str, Any] | None:
    """The table, or None where the text is not of the flat shape (or is empty)."""
    if _CONTROL.search(text):
        return None
    out: dict[str, Any] = {}
    for line in text.split("\n"):
        m = _LINE.fullmatch(line)
        if m is None:
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue  # a blank or comment line
            return None
        key, raw = m.group(1), m.group(2).rstrip(" ")
        if key in out:
            return None  # tomllib says which key is defined twice
        value = _value(raw)
        if value is _NOT_FLAT:
            return None
        out[key] = value
    return out or None


def _value(raw: str) -> Any:
    first = raw[:1]
    if first == '"':
        m = _BASIC.fullmatch(raw)
        return m.group(1) if m else _NOT_FLAT
    if first == "'":
        m = _LITERAL.fullmatch(raw)
        return m.group(1) if m else _NOT_FLAT
    if first == "[":
        return _array(raw[1:-1]) if raw.endswith("]") else _NOT_FLAT
    return _scalar(raw)


def _array(inner: str) -> list[Any] | object:
    items: list[Any] = []
    at = 0
    if not inner.strip(" "):
        return items
    while True:
        m = _ITEM.match(inner, at)
        if m is None:
            return _NOT_FLAT
        basic, literal, plain, comma = m.groups()
        if plain is not None:
            item = _scalar(plain)
            if item is _NOT_FLAT:
                return _NOT_FLAT
        else:
            item = basic if basic is not None else literal
        items.append(item)
        at = m.end()
        if not comma or _BLANK_REST.match(inner, at):  # the end, or a trailing comma before it
            return items


def _scalar(raw: str) -> Any:
    """A bare value: ``true``/``false``, a decimal integer or a date; anything else is left."""
    if raw == "true":
        return True
    if raw == "false":
        return False
    if len(raw) <= 24 and _INT.fullmatch(raw):  # longer: tomllib (and Python's digit limit)
        return int(raw)  # int() reads the sign and the underscores as TOML does
    m = _DATETIME.fullmatch(raw)
    if m is None:
        return _NOT_FLAT
    year, month, day, hour, minute, sec, fraction, zulu, sign, off_h, off_m = m.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        micros = int(fraction.ljust(6, "0")) if fraction else 0
        tz = dt.timezone.utc if zulu else _offset(sign, off_h, off_m) if sign else None
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(sec), micros, tzinfo=tz)
    except ValueError:  # February 30th: tomllib words that
        return _NOT_FLAT


@functools.cache
def _offset(sign: str, hours: str, minutes: str) -> dt.timezone:
    """A fixed offset made once per spelling (a site's posts share one or two)."""
    step = 1 if sign == "+" else -1
    return dt.timezone(dt.timedelta(hours=step * int(hours), minutes=step * int(minutes)))
