"""Front matter of the common flat shape, read without a YAML parser; anything else is left to one.

Nearly every post's front matter is a column of ``key: value`` lines whose values are a quoted
string, a date, a number, ``true``/``false`` or a flow list of strings (``tags: ["a", "b"]``), as
Hugo writes them and as the seeds are. Through LibYAML, PyYAML still builds a node per value
and asks Python to resolve each scalar's type: for a thousand posts that was the largest part
of the plugin's time to read them. ``read`` takes that shape with a few regular expressions and
gives up, returning ``None``, on anything outside it (a block list, a multi-line or escaped
string, an anchor, a tag, a comment after a value, a tab, an indented key...), so the caller's
YAML reader sees every document this module is not sure of, and its results and error messages
stay the only ones.

What ``read`` does return is what that reader returns for the same text: the scalars' types
are decided by the loader's own resolvers and made by its own constructors (so Hugo's reading
of ``on``, ``no`` or ``017`` holds), and the tests compare the two on generated documents.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import ScalarNode

_STR = "tag:yaml.org,2002:str"
#: The answer for a value that is not of the flat shape (None is a value: ``key:`` or ``~``).
_NOT_FLAT = object()

#: A key at the start of its line, then ``:`` and a space or the end of the line. LibYAML takes
#: a key of up to 1,024 characters.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,1023}):(?: +|$)")
#: An item of a block list, under its key (``tags:`` then ``  - a`` lines).
_BLOCK_ITEM = re.compile(r"( *)-(?: +|$)")
#: What the YAML reader may read otherwise, or refuses: characters outside YAML's printable set,
#: tabs, carriage returns and YAML 1.1's other line breaks (NEL, U+2028, U+2029), a BOM.
_OUTSIDE = re.compile("[^\n -~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
#: A character that starts no other YAML construct, so a plain (unquoted) value may start with it.
_PLAIN_START = r"[^-?:,\[\]{}#&*!|>'\"%@` ]"
#: A plain value's start: that, or a ``-`` with no space after it (``weight: -1``).
_PLAIN_FIRST = re.compile(_PLAIN_START + "|-[^ ]")
#: A flow list's item (``tags: ["a", 'b', c]``): double- or single-quoted, or plain with no
#: ``,[]{}#:`` in it, then a comma or the end. Spaces inside a plain item must lead to more of it,
#: so each text has one way to match (no backtracking that grows with the line).
_FLOW_ITEM = re.compile(
    r" *(?:\"([^\"\\]*)\"|'((?:[^']|'')*)'|(" + _PLAIN_START + r"[^,\[\]{}#: ]*(?: +[^,\[\]{}#: ]+)*)) *(,|\Z)"
)


class FlatReader:
    """``FlatReader(loader_class).read(text)``: the loader class gives the resolvers and
    constructors, so the scalars come out as that loader makes them."""

    def __init__(self, loader_class: Any):
        self._loader = loader_class("")  # an instance for its resolve() and constructors
        self._constructors = loader_class.yaml_constructors
        self._keys: dict[str, str] = {}

    def read(self, text: str) -> dict[str, Any] | None:
        """The mapping, or None where the text is not of the flat shape (or is empty)."""
        if _OUTSIDE.search(text):
            return None
        out: dict[str, Any] = {}
        open_key = ""  # a key with nothing after it, whose value a block list may be
        indent = ""  # the indent of that list's items, once it has one
        for line in text.split("\n"):
            m = _KEY.match(line)
            if m is None:
                item = _BLOCK_ITEM.match(line)
                if item is not None and open_key and (out[open_key] is None or item.group(1) == indent):
                    value = self._value(line[item.end() :].rstrip(" "))
                    if value is _NOT_FLAT:
                        return None
                    if out[open_key] is None:
                        out[open_key], indent = [], item.group(1)
                    out[open_key].append(value)
                    continue
                stripped = line.lstrip(" ")
                if not stripped or stripped.startswith("#"):
                    continue  # a blank or comment line
                return None
            key = m.group(1)
            if self._key_tag(key) != _STR:
                return None  # `true:` or `null:`: a key that is not a string
            raw = line[m.end() :].rstrip(" ")
            value = self._value(raw)
            if value is _NOT_FLAT:
                return None
            out[key] = value
            open_key = key if not raw else ""
        return out or None

    def _value(self, raw: str) -> Any:
        first = raw[:1]
        if first == '"':
            inner = raw[1:-1]
            ok = len(raw) > 1 and raw[-1] == '"' and '"' not in inner and "\\" not in inner
            return inner if ok else _NOT_FLAT
        if first == "'":
            ok = len(raw) > 1 and raw[-1] == "'" and "'" not in raw[1:-1].replace("''", "")
            return raw[1:-1].replace("''", "'") if ok else _NOT_FLAT
        if first == "[":
            if raw[-1] != "]":
                return _NOT_FLAT
            return self._flow_items(raw[1:-1])
        if first and (not _PLAIN_FIRST.match(raw) or ": " in raw or " #" in raw or raw.endswith(":")):
            return _NOT_FLAT
        return self._scalar(raw)

    def _flow_items(self, inner: str) -> list[Any] | object:
        """The items of a flow list (``["AI", 'ML', 2024-01-02]``), or ``_NOT_FLAT``."""
        items: list[Any] = []
        if not inner.strip(" "):
            return items
        at = 0
        while True:
            m = _FLOW_ITEM.match(inner, at)
            if m is None:
                return _NOT_FLAT
            double, single, plain, comma = m.groups()
            if plain is not None:
                item = self._scalar(plain)
                if item is _NOT_FLAT:
                    return _NOT_FLAT
                items.append(item)
            else:
                items.append(double if double is not None else single.replace("''", "'"))
            if not comma:
                return items
            at = m.end()

    def _scalar(self, raw: str) -> Any:
        """A plain value as the loader reads it: its type from the loader's resolvers, made by
        the loader's constructor (a date, a number, a boolean, null or the text itself)."""
        tag = self._loader.resolve(ScalarNode, raw, (True, False))
        if tag == _STR:
            return raw
        try:
            return self._constructors[tag](self._loader, ScalarNode(tag, raw))
        except Exception:  # an impossible date: the YAML reader words that
            return _NOT_FLAT

    def _key_tag(self, key: str) -> str:
        """A key's type, once per spelling (a site has a few dozen keys)."""
        tag = self._keys.get(key)
        if tag is None:
            tag = self._keys[key] = self._loader.resolve(ScalarNode, key, (True, False))
        return tag


