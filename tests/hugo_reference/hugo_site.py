"""What the scripts that record real Hugo's output share: their command line, the check that the
Hugo given is the one the recorded data claims, and a fixture site built in a temporary folder."""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

HUGO_VERSION = "0.168.0"


def parse_args(description: str, default_out: Path) -> argparse.Namespace:
    """``--hugo PATH``, ``--out FILE``, ``--keep DIR``; exits when that Hugo is another version."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--hugo", default="hugo", help="Hugo executable (default: hugo on PATH)")
    ap.add_argument("--out", type=Path, default=default_out, help="JSON file to write")
    ap.add_argument("--keep", type=Path, help="also copy the fixture site and its output here")
    args = ap.parse_args()
    version = subprocess.run([args.hugo, "version"], capture_output=True, text=True, check=True).stdout
    if f"v{HUGO_VERSION}" not in version:
        sys.exit(f"expected Hugo {HUGO_VERSION}, got: {version.strip()}")
    return args


@contextmanager
def built_site(args: argparse.Namespace, write_site: Callable[[Path], None]) -> Iterator[Path]:
    """The fixture site ``write_site`` writes, built by Hugo; its ``public/`` is there to read
    until the block ends, then copied to ``--keep`` if given and removed."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        write_site(site)
        subprocess.run([args.hugo, "--quiet", "-s", str(site)], check=True, capture_output=True)
        yield site
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(site, args.keep)


def write_files_site(site: Path, config: str, layouts: dict[str, str], files: dict[str, str]) -> None:
    """A Hugo site: ``hugo.toml``, ``layouts/<name>`` and ``content/<path>`` from the mappings."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(config, encoding="utf-8")
    for folder, entries in (("layouts", layouts), ("content", files)):
        for name, text in entries.items():
            path = site / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def front_matter_page(title: str | None, date: str | None, body: str, **front: object) -> str:
    """A content file: front matter with ``title``, ``date`` (as given) and ``front``, each value
    written as JSON (which YAML reads as written: no date or number guessed), then ``body``."""
    lines = [] if title is None else [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if date is not None:
        lines.append(f"date: {date}")
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def write_pages_site(site: Path, title: str, pages: dict[str, str], config: str = "") -> None:
    """A Hugo site of one post per entry of ``pages`` (name -> Markdown body), each rendered by a
    layout that prints only its content: what Hugo's Markdown renderer makes of that body."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text(f'baseURL = "https://example.org/"\ntitle = "{title}"\n{config}', encoding="utf-8")
    layouts = site / "layouts" / "_default"
    (layouts / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    (layouts / "list.html").write_text("{{ .Title }}", encoding="utf-8")
    for name, body in pages.items():
        front = f"---\ntitle: {name}\ndate: 2024-01-01\n---\n{body}"
        (site / "content" / "posts" / f"{name}.md").write_text(front, encoding="utf-8")


def page_html(site: Path, name: str) -> str:
    """The content Hugo rendered for ``write_pages_site``'s page ``name``."""
    return (site / "public" / "posts" / name / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Every page Hugo knows, listed by the home page: for the recordings of where Hugo put each page
# (make_permalinks.py, make_ugly_urls.py).

#: What the home page prints of every page Hugo knows (``site.Pages``), as JSON in one attribute:
#: its kind, ``RelPermalink``, title, content file, and a taxonomy or term page's taxonomy and
#: term (``.Data.Term``: the term as the front matter spells it). Reading them there rather than
#: from each page's own file keeps the pages two settings send to the same URL.
_FACTS = (
    '{{ $f := dict "kind" .Kind "url" .RelPermalink "title" .Title }}'
    '{{ with .File }}{{ $f = merge $f (dict "file" .Path) }}{{ end }}'
    '{{ if in (slice "taxonomy" "term") .Kind }}{{ $f = merge $f (dict "taxonomy" .Data.Plural) }}{{ end }}'
    '{{ if eq .Kind "term" }}{{ $f = merge $f (dict "term" .Data.Term) }}{{ end }}'
    "{{ return $f }}"
)
#: Every page, whatever its kind: a list paginates (as themes do), so that Hugo writes its pager
#: pages; the first page of the home page adds the facts of every page.
_LAYOUT = (
    "<h1>{{ .Title }}</h1>\n"
    "{{ if not .IsPage }}{{ $pager := .Paginator }}{{ if and .IsHome (eq $pager.PageNumber 1) }}"
    "{{ range site.Pages }}"
    '<div class="page" data-facts="{{ partial "facts.html" . | jsonify }}"></div>\n'
    "{{ end }}{{ end }}{{ end }}"
)
FACTS_LAYOUTS = {"all.html": _LAYOUT, "_partials/facts.html": _FACTS}

_PAGE = re.compile(r'<div class="page" data-facts="([^"]*)"></div>')


def _page_record(facts: dict[str, str]) -> dict[str, str]:
    page = {"kind": facts["kind"]}
    if "file" in facts:
        page["file"] = facts["file"]
    if facts["kind"] in ("taxonomy", "term"):
        page["taxonomy"] = facts["taxonomy"]
    if facts["kind"] == "term":
        page["term"] = facts["term"]
        page["title"] = facts["title"]
    page["url"] = unquote(facts["url"])
    return page


def listed_pages(public: Path, written: list[str]) -> list[dict]:
    """The pages the home page (one of the ``.html`` files ``written`` in ``public/``) listed
    with ``FACTS_LAYOUTS``: kind, file, taxonomy and term, URL (unescaped); in a stable order."""
    homes = [
        found
        for name in written
        if name.endswith(".html") and (found := _PAGE.findall((public / name).read_text(encoding="utf-8")))
    ]
    if len(homes) != 1:
        raise SystemExit(f"expected one home page listing the pages, found {len(homes)}")
    pages = [_page_record(json.loads(html.unescape(raw))) for raw in homes[0]]
    pages.sort(
        key=lambda p: (p["kind"], p.get("file", ""), p.get("taxonomy", ""), p.get("term", ""), p["url"])
    )
    return pages


def hugo_errors(args: argparse.Namespace, site: Path) -> tuple[int, str]:
    """Hugo's exit status and the error lines it prints (``--quiet`` hides them) for ``site``,
    built into memory; the site's folder reads ``<site>``."""
    run = subprocess.run(
        [args.hugo, "--renderToMemory", "--logLevel", "error", "-s", str(site)],
        capture_output=True,
        text=True,
    )
    lines = [line.strip() for line in run.stderr.replace(str(site), "<site>").splitlines()]
    return run.returncode, "\n".join(line for line in lines if line)
