"""Which page Hugo's ``{{< ref "…" >}}`` and ``{{< relref "…" >}}`` point at, found as Hugo 0.168 finds it.

Hugo writers link between their posts with these shortcodes, so migrated content is full of
them. Hugo looks a reference up among its content files by path, with no regard to case, to the
file's extension, or to ``index.md`` / ``_index.md`` (a bundle or section is its folder):

1. A path not starting with ``/`` is first taken relative to the page: to the folder it sits in
   (for a leaf bundle ``posts/x/index.md``, the folder that holds the bundle), except that a
   section page (``_index.md``), and a ``../`` reference written with its extension, start from
   the page's own folder.
2. Unless it starts with ``.``, it is then taken from the content root.
3. Last, a reference without ``/`` may name a file anywhere by its name alone, when only one
   file has that name.

Recorded against real Hugo in ``tests/data/hugo_refs.json`` (``tests/hugo_reference/make_refs.py``).
The docs folder plays Hugo's ``content/``. Pure data: no MkDocs here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

#: Extensions Hugo reads as content (a reference may carry one, in any case).
CONTENT_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".html", ".htm")
_INDEX_NAMES = ("index", "_index", "readme")


def page_key(path: str) -> str:
    """Hugo's identity of a content path: lower case, no extension, a bundle or section as its
    folder: ``posts/My-Post.md`` -> ``posts/my-post``, ``posts/x/index.md`` -> ``posts/x``."""
    path = path.lower().strip("/")
    stem, ext = posixpath.splitext(path)
    if ext in CONTENT_EXTENSIONS:
        path = stem
    folder, name = posixpath.split(path)
    return folder if name in _INDEX_NAMES else path


class RefIndex:
    """Pages by Hugo's key, and by name alone for the names only one page has."""

    def __init__(self, src_uris: Iterable[str]):
        self._pages: dict[str, str] = {}
        names: dict[str, list[str]] = {}
        for src_uri in src_uris:
            key = page_key(src_uri)
            # `posts/index.md` and `posts/_index.md` are both the folder's page: keep the first
            # (MkDocs' own index before Hugo's section file, as the files come sorted).
            if key not in self._pages:
                self._pages[key] = src_uri
                names.setdefault(posixpath.basename(key), []).append(key)
        self._by_name = {name: keys[0] for name, keys in names.items() if len(keys) == 1}

    def find(self, ref: str, from_src_uri: str) -> tuple[str, str] | None:
        """``(src_uri of the page, anchor)`` for a reference written on page ``from_src_uri``;
        the anchor is ``""`` when there is none, and the page is ``from_src_uri`` itself for a
        reference that is only an anchor (``#section``). None when Hugo would find nothing."""
        path, _, anchor = ref.strip().partition("#")
        if not path:
            return from_src_uri, anchor
        stem, ext = posixpath.splitext(path)
        had_extension = ext.lower() in CONTENT_EXTENSIONS
        if had_extension:
            path = stem
        if path != "/":
            path = path.rstrip("/")
        if not path.startswith("/"):
            folder, name = posixpath.split(from_src_uri.lower())
            index = name.startswith(("index.", "readme."))
            section = name.startswith("_index.") or (index and not folder)  # the home page is one
            # A leaf bundle's references start beside the bundle, as a plain page's do beside it.
            if index and not section and not (had_extension and path.startswith("../")):
                folder = posixpath.dirname(folder)
            found = self._get(posixpath.join(folder, path))
            if found is not None:
                return found, anchor
            if path.startswith("."):
                return None
        found = self._get(path)
        if found is not None:
            return found, anchor
        if "/" not in path:
            key = self._by_name.get(page_key(path))
            if key is not None:
                return self._pages[key], anchor
        return None

    def _get(self, path: str) -> str | None:
        # `..` above the docs folder stays at it, as in Hugo (`../../about.md` from `posts/a.md`).
        return self._pages.get(page_key(posixpath.normpath("/" + path)))
