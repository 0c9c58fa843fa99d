"""What the scripts that record real Hugo's output share: their command line, the check that the
Hugo given is the one the recorded data claims, and a fixture site built in a temporary folder."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

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
